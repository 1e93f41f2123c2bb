package dev.dualrun.parity.source.prometheus.edge;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code edge:} block: its PromQL with the period written in, the labels declared for
 * the way, what the value measures; stored and read back as it was.
 */
class EdgeReaderTest {

	@Test
	void readsTheQueryTheLabelsOfTheWayAndTheStatistic() {
		PairMapping p99 = Fixtures.mapping("edge/recording-rule.yml").pairs().get(0);
		EdgeQuery edge = (EdgeQuery) p99.old();
		assertThat(edge.query()).contains("[1m]");
		assertThat(edge.externalLabels()).isEqualTo(Map.of("region", "eu"));
		assertThat(p99.kind()).isEqualTo(StatisticKind.PERCENTILE);
		assertThat(p99.comparesSeries()).isTrue();
		assertThat(p99.oldType()).isEqualTo("edge");
		PairMapping requests = Fixtures.mapping("edge/recording-rule.yml").pairs().get(1);
		assertThat(requests.kind()).isEqualTo(StatisticKind.SUM);
		assertThat(((EdgeQuery) requests.old()).externalLabels()).isEmpty();
	}

	@Test
	void aStoredDefinitionReadsBackAsItWas() {
		PairMapping pair = Fixtures.mapping("edge/recording-rule.yml").pairs().get(0);
		String json = PairDefinitions.toJson(pair);
		assertThat(json).contains("\"old\":{\"edge\":{\"query\":", "\"external-labels\":{\"region\":\"eu\"}");
		assertThat(PairDefinitions.fromJson(json).old()).isEqualTo(pair.old());
	}

	@Test
	void theStatisticIsReadFromTheOutermostFunction() {
		assertThat(EdgeReader.implied("max(app_queue_depth)")).isEqualTo(StatisticKind.MAXIMUM);
		assertThat(EdgeReader.implied("min_over_time(x[5m])")).isEqualTo(StatisticKind.MINIMUM);
		assertThat(EdgeReader.implied("count(up)")).isEqualTo(StatisticKind.SAMPLE_COUNT);
		assertThat(EdgeReader.implied("increase(x_total[5m])")).isEqualTo(StatisticKind.SUM);
		assertThat(EdgeReader.implied("avg(x)")).isEqualTo(StatisticKind.AVERAGE);
		assertThat(EdgeReader.implied("x / y")).isEqualTo(StatisticKind.AVERAGE);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalid")
	void refusesABadLabelNameABadStatisticAndNoQuery(String invalid) {
		Fixtures.assertRefused(Sources.mappingLoader(), invalid);
	}

	static Stream<String> invalid() {
		return Fixtures.mappings("edge/invalid");
	}

	@Test
	void theEdgesExternalLabelsAreThoseOfItsGlobalSection() {
		assertThat(ExternalLabels.of("""
				global:
				  scrape_interval: 1m
				  external_labels:
				    cluster: edge-1
				    replica: "a"
				scrape_configs: []
				""")).isEqualTo(Map.of("cluster", "edge-1", "replica", "a"));
		assertThat(ExternalLabels.of("global: {scrape_interval: 1m}\n")).isEmpty();
		assertThat(ExternalLabels.of("")).isEmpty();
	}

}
