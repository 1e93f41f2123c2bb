package dev.dualrun.parity.report;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.source.TestPairs;

import static org.assertj.core.api.Assertions.assertThat;

/** A chart's y axis names what its values measure. */
class ChartBuilderTest {

	@Test
	void aCountOfSamplesIsACountWhateverTheUnitOfItsSamples() {
		var requests = TestPairs.pair("requests", "5m", "cloudwatch: { namespace: FlaskApp, metric: Latency, "
				+ "dimensions: { Endpoint: / }, statistic: SampleCount, unit: Seconds }", "sum(x)");
		var latency = TestPairs.pair("latency", "5m", "cloudwatch: { namespace: FlaskApp, metric: Latency, "
				+ "dimensions: { Endpoint: / }, statistic: Average, unit: Seconds }", "sum(x)");
		assertThat(ChartBuilder.axisUnit(requests)).isEqualTo("Count");
		assertThat(ChartBuilder.axisUnit(latency)).isEqualTo("Seconds");
	}

}
