package dev.dualrun.parity.source.cloudwatch;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code cloudwatch:} block: a metric with a statistic, or metric math; CloudWatch's
 * periods and units.
 */
class CloudWatchReaderTest {

	@Test
	void readsAMetricWithItsExactDimensionsAndStatistic() {
		PairMapping pair = Fixtures.mapping("cloudwatch/metric.yml").pairs().get(0);
		CloudWatchQuery q = (CloudWatchQuery) pair.old();
		assertThat(q.dimensions()).containsExactly(java.util.Map.entry("Endpoint", "/"),
				java.util.Map.entry("Method", "GET"));
		assertThat(q.statistic().percentile()).isEqualTo(99);
		assertThat(q.region()).isEqualTo("eu-west-1");
		assertThat(pair.kind()).isEqualTo(StatisticKind.PERCENTILE);
		assertThat(q.exactDimensions()).isTrue();
		assertThat(q.describe())
			.isEqualTo("FlaskApp/EndpointLatency{Endpoint=/, Method=GET} p99 [Milliseconds] in eu-west-1");
	}

	@Test
	void readsAMetricMathExpression() {
		MappingFile file = Fixtures.mapping("cloudwatch/expression.yml");
		CloudWatchQuery q = (CloudWatchQuery) file.pairs().get(0).old();
		assertThat(q.hasExpression()).isTrue();
		assertThat(q.metrics()).extracting(CloudWatchQuery.ExpressionMetric::id).containsExactly("s", "n");
		assertThat(q.statisticName()).as("no single statistic for the new side's lint").isNull();
		assertThat(q.kind()).isEqualTo(StatisticKind.AVERAGE);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalid")
	void namesFileLineAndFieldOfWhatCloudWatchWouldRefuse(String invalid) {
		Fixtures.assertRefused(Sources.mappingLoader(), invalid);
	}

	static Stream<String> invalid() {
		return Fixtures.mappings("cloudwatch/invalid");
	}

	@Test
	void storedDefinitionsNameTheOldSideByType() {
		PairMapping pair = Fixtures.mapping("cloudwatch/one-line.yml").pairs().get(0);
		String json = dev.dualrun.parity.store.PairDefinitions.toJson(pair);
		assertThat(json).contains("\"old\":{\"cloudwatch\":{\"namespace\":\"N\"");
		assertThat(dev.dualrun.parity.store.PairDefinitions.fromJson(json).old()).isEqualTo(pair.old());
	}

}
