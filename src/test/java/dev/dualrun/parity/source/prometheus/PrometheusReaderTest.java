package dev.dualrun.parity.source.prometheus;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prometheus:} block: the PromQL with the pair's period written in; the period
 * rule.
 */
class PrometheusReaderTest {

	@Test
	void writesThePeriodIntoTheQuery() {
		PairMapping pair = parse("""
				defaults: { period: 5m }
				pairs:
				  - id: a
				    cloudwatch: { namespace: N, metric: M, statistic: Sum }
				    prometheus:
				      query: rate(x_sum[${period}]) / rate(x_count[${period}])
				  - id: b
				    period: 60
				    cloudwatch: { namespace: N, metric: M, statistic: Sum }
				    prometheus: { query: 'increase(x_count[${period}])' }
				""").pairs().get(0);
		assertThat(pair.neu()).isEqualTo(new PrometheusQuery("rate(x_sum[5m]) / rate(x_count[5m])"));
		assertThat(pair.newType()).isEqualTo("prometheus");
		String json = dev.dualrun.parity.store.PairDefinitions.toJson(pair);
		assertThat(json).contains("\"new\":{\"prometheus\":{\"query\":\"rate(x_sum[5m])");
	}

	@Test
	void refusesAPeriodShorterThanFourScrapeIntervalsAndUnknownPlaceholders() {
		assertThatThrownBy(() -> parse("""
				defaults: { scrape-interval: 30s }
				pairs:
				  - id: a
				    period: 1m
				    cloudwatch: { namespace: N, metric: M, statistic: Sum }
				    prometheus: { query: x }
				"""))
			.hasMessageContaining("m.yml:4: pairs[0].period: period 1m is shorter than 4x the scrape interval 30s");
		assertThatThrownBy(() -> parse("""
				pairs:
				  - id: a
				    cloudwatch: { namespace: N, metric: M, statistic: Sum }
				    prometheus: { query: 'x[${step}]' }
				""")).hasMessageContaining("pairs[0].prometheus.query: unknown placeholder in 'x[${step}]'");
	}

	@Test
	void definitionsStoredBeforeTheNewSideWasTypedAreRewritten() {
		String old = "{\"id\":\"a\",\"old\":{\"cloudwatch\":{\"namespace\":\"N\"}},\"promql\":\"up\",\"period\":60}";
		assertThat(V13__Definitions_name_the_new_side.rewrite(old))
			.isEqualTo("{\"id\":\"a\",\"old\":{\"cloudwatch\":{\"namespace\":\"N\"}},\"period\":60,"
					+ "\"new\":{\"prometheus\":{\"query\":\"up\"}}}");
		assertThat(V13__Definitions_name_the_new_side.rewrite(V13__Definitions_name_the_new_side.rewrite(old)))
			.isNull();
	}

	private static MappingFile parse(String yaml) {
		return Sources.mappingLoader().parse("m.yml", yaml.getBytes(StandardCharsets.UTF_8));
	}

}
