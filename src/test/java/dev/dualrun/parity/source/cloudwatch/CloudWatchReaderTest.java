package dev.dualrun.parity.source.cloudwatch;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.MappingException;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.source.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code cloudwatch:} block: a metric with a statistic, or metric math; CloudWatch's
 * periods and units.
 */
class CloudWatchReaderTest {

	@Test
	void readsAMetricWithItsExactDimensionsAndStatistic() {
		PairMapping pair = parse("""
				pairs:
				  - id: latency
				    period: 5m
				    cloudwatch:
				      namespace: FlaskApp
				      metric: EndpointLatency
				      dimensions: { Method: GET, Endpoint: "/" }
				      statistic: p99
				      unit: Milliseconds
				      region: eu-west-1
				    prometheus: { query: x }
				""").pairs().get(0);
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
		MappingFile file = parse("""
				pairs:
				  - id: ms
				    cloudwatch:
				      expression: 1000 * s / n
				      metrics:
				        - { id: s, namespace: A, metric: L, statistic: Sum }
				        - { id: n, namespace: A, metric: L, statistic: SampleCount }
				    prometheus: { query: x }
				""");
		CloudWatchQuery q = (CloudWatchQuery) file.pairs().get(0).old();
		assertThat(q.hasExpression()).isTrue();
		assertThat(q.metrics()).extracting(CloudWatchQuery.ExpressionMetric::id).containsExactly("s", "n");
		assertThat(q.statisticName()).as("no single statistic for the new side's lint").isNull();
		assertThat(q.kind()).isEqualTo(StatisticKind.AVERAGE);
	}

	@Test
	void namesFileLineAndFieldOfWhatCloudWatchWouldRefuse() {
		assertThatThrownBy(() -> parse("""
				pairs:
				  - id: a
				    cloudwatch:
				      namespace: N
				      metric: M
				      statistic: Avg
				    prometheus: { query: x }
				""")).isInstanceOf(MappingException.class)
			.hasMessageStartingWith(
					"m.yml:6: pairs[0].cloudwatch.statistic: unknown statistic 'Avg' (did you mean 'Average'?)");
		assertThatThrownBy(() -> parse("""
				pairs:
				  - id: a
				    period: 90s
				    cloudwatch: { namespace: N, metric: M, statistic: Sum }
				    prometheus: { query: x }
				""")).hasMessageContaining("m.yml:3: pairs[0].period: period 90s is not a CloudWatch period");
		assertThatThrownBy(() -> parse("""
				pairs:
				  - id: a
				    cloudwatch: { namespace: N, metric: M, statistic: Sum, unit: Secs }
				    prometheus: { query: x }
				""")).hasMessageContaining("m.yml:3: pairs[0].cloudwatch.unit: unknown CloudWatch unit 'Secs'");
		assertThatThrownBy(() -> parse("""
				pairs:
				  - id: a
				    cloudwatch: { namespace: N, metric: M, statistic: Sum, region: Frankfurt }
				    prometheus: { query: x }
				""")).hasMessageContaining("pairs[0].cloudwatch.region: 'Frankfurt' is not an AWS region name");
		assertThatThrownBy(() -> parse("""
				pairs:
				  - id: a
				    cloudwatch:
				      expression: s
				      metrics: [ { id: S, namespace: A, metric: L, statistic: Sum } ]
				    prometheus: { query: x }
				"""))
			.hasMessageContaining("pairs[0].cloudwatch.metrics[0].id: 'S' must start with a lower-case letter");
	}

	@Test
	void storedDefinitionsNameTheOldSideByType() {
		PairMapping pair = parse("pairs:\n  - { id: a, cloudwatch: { namespace: N, metric: M, statistic: Sum }, "
				+ "prometheus: { query: x } }\n")
			.pairs()
			.get(0);
		String json = dev.dualrun.parity.store.PairDefinitions.toJson(pair);
		assertThat(json).contains("\"old\":{\"cloudwatch\":{\"namespace\":\"N\"");
		assertThat(dev.dualrun.parity.store.PairDefinitions.fromJson(json).old()).isEqualTo(pair.old());
	}

	private static MappingFile parse(String yaml) {
		return Sources.mappingLoader().parse("m.yml", yaml.getBytes(StandardCharsets.UTF_8));
	}

}
