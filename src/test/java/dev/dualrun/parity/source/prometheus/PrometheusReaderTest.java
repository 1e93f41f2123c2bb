package dev.dualrun.parity.source.prometheus;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code prometheus:} block: the PromQL with the pair's period written in; the period
 * rule.
 */
class PrometheusReaderTest {

	@Test
	void writesThePeriodIntoTheQuery() {
		PairMapping pair = Fixtures.mapping("prometheus/period-in-query.yml").pairs().get(0);
		assertThat(pair.neu())
			.isEqualTo(new PrometheusQuery("rate(x_sum[5m]) / rate(x_count[5m])", java.time.Duration.ofSeconds(15)));
		assertThat(pair.newType()).isEqualTo("prometheus");
		String json = dev.dualrun.parity.store.PairDefinitions.toJson(pair);
		assertThat(json).contains("\"new\":{\"prometheus\":{\"query\":\"rate(x_sum[5m])");
		// stored with the run, read back the same (a definition stored without the scrape
		// interval reads as not known)
		assertThat(dev.dualrun.parity.store.PairDefinitions.fromJson(json).neu()).isEqualTo(pair.neu());
		assertThat(dev.dualrun.parity.store.PairDefinitions.fromJson(json.replaceAll(",\"scrapeInterval\":[^}]*", ""))
			.neu()).isEqualTo(new PrometheusQuery("rate(x_sum[5m]) / rate(x_count[5m])"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalid")
	void refusesAPeriodShorterThanFourScrapeIntervalsAndUnknownPlaceholders(String invalid) {
		Fixtures.assertRefused(Sources.mappingLoader(), invalid);
	}

	static Stream<String> invalid() {
		return Fixtures.mappings("prometheus/invalid");
	}

	@Test
	void definitionsStoredBeforeTheNewSideWasTypedAreRewritten() {
		String old = "{\"id\":\"a\",\"old\":{\"cloudwatch\":{\"namespace\":\"N\"}},\"promql\":\"up\",\"period\":60}";
		assertThat(new V13__Definitions_name_the_new_side().rewrite(old))
			.isEqualTo("{\"id\":\"a\",\"old\":{\"cloudwatch\":{\"namespace\":\"N\"}},\"period\":60,"
					+ "\"new\":{\"prometheus\":{\"query\":\"up\"}}}");
		assertThat(
				new V13__Definitions_name_the_new_side().rewrite(new V13__Definitions_name_the_new_side().rewrite(old)))
			.isNull();
	}

}
