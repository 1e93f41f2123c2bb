package dev.dualrun.parity.discover;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.MetricIdentity;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.source.AlertSummary;
import dev.dualrun.parity.source.Catalogued;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/** Alert pairs suggested by the series a metric is paired with, before names. */
class AlertSuggestionsTest {

	private static final String MAPPING = "discover/checkout-errors-paired.yml";

	private static AlertSummary alarm(String name, String metric, String endpoint) {
		TreeMap<String, String> dims = new TreeMap<>();
		dims.put("Endpoint", endpoint);
		return new AlertSummary(name, null, "Sum of Shop/" + metric, List.of(new MetricIdentity("Shop", metric, dims)));
	}

	private static AlertSummary rule(String name, String expr) {
		return new AlertSummary(name, "shop", expr, List.of());
	}

	@Test
	void theRuleThatReadsThePairedSeriesWinsOverALookAlikeName() {
		MappingFile mapping = Fixtures.mapping(MAPPING);
		List<AlertSummary> alarms = List.of(alarm("checkout-errors", "Errors", "/checkout"),
				alarm("latency-high", "Latency", "/"), alarm("disk-full", "DiskFree", "/data"));
		List<AlertSummary> rules = List.of(
				rule("CheckoutErrorsBudgetBurn", "slo:burn_rate:ratio{slo=\"availability\"} > 14.4"),
				rule("CheckoutFailing", "sum(rate(http_requests_total{path=\"/checkout\",status=~\"5..\"}[5m])) > 0.2"),
				rule("LatencyHigh", "histogram_quantile(0.99, sum by (le) (rate(x_bucket[5m]))) > 1"));
		List<AlertSuggestions.Suggestion> s = AlertSuggestions.suggest(alarms, rules, mapping,
				Sources.one(Catalogued.class, Side.NEW, "write").writer());
		// the paired alarm is left out
		assertThat(s).extracting((x) -> x.alarm().name()).containsExactly("checkout-errors", "disk-full");
		assertThat(s.get(0).rule().name()).isEqualTo("CheckoutFailing");
		assertThat(s.get(0).confidence()).isGreaterThan(0.5);
		assertThat(s.get(0).why().get(0)).contains("pair 'errors-checkout'");
		assertThat(s.get(1).rule()).isNull();
		String yaml = AlertSuggestions.yaml(s, 0.5, LocalDate.of(2026, 12, 1), "a test",
				Sources.provider("cloudwatch").reader(), Sources.provider("prometheus").reader());
		assertThat(yaml).contains("  - id: checkout-errors\n")
			.contains("    prometheus: { alert: CheckoutFailing, group: \"shop\" }")
			.contains("#   - id: disk-full");
		// what it writes is a mapping section the loader reads
		String paired = Fixtures.text("mappings/" + MAPPING);
		String file = paired.substring(0, paired.indexOf("\nalerts:\n") + 1)
				+ yaml.substring(yaml.indexOf("\nalerts:\n") + 1);
		assertThat(dev.dualrun.parity.source.Sources.mappingLoader()
			.parse("s.yml", file.getBytes(StandardCharsets.UTF_8))
			.alerts()).hasSize(1);
	}

}
