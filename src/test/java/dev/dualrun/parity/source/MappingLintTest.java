package dev.dualrun.parity.source;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.LintFinding;

import static org.assertj.core.api.Assertions.assertThat;

/** The linter: each pair checked by the rules of both its sides' sources. */
class MappingLintTest {

	@Test
	void aWellFormedMappingHasNoFindings() {
		assertThat(lint("SampleCount", "Seconds", "sum by (path, method) (increase(x_count{path=\"/\"}[${period}]))"))
			.isEmpty();
		assertThat(lint("Average", "Seconds",
				"sum by (path, method) (increase(x_sum[${period}])) / sum by (path, method) (increase(x_count[${period}]))"))
			.isEmpty();
		assertThat(lint("p99", "Seconds",
				"histogram_quantile(0.99, sum by (le, path, method) (increase(x_bucket[${period}])))"))
			.isEmpty();
	}

	@Test
	void findsTheShapesThatDoNotMatchTheStatistic() {
		assertThat(rules(lint("Sum", "Count", "sum by (path, method) (rate(x_total[${period}]))")))
			.containsExactly("WARNING per-second");
		assertThat(rules(lint("Sum", "Count", "sum by (path, method) (x_total)"))).containsExactly("WARNING counter");
		assertThat(rules(lint("Average", "Seconds", "avg by (path, method) (rate(x_sum[${period}]))")))
			.containsExactly("WARNING average");
		assertThat(rules(lint("Maximum", "Count", "max by (path, method) (avg_over_time(g[${period}]))")))
			.containsExactly("WARNING extremum");
	}

	@Test
	void refusesPercentilesThatCannotMatch() {
		assertThat(rules(lint("p95", "Seconds",
				"histogram_quantile(0.9, sum by (le, path, method) (increase(x_bucket[${period}])))")))
			.containsExactly("ERROR percentile");
		assertThat(rules(lint("p95", "Seconds",
				"histogram_quantile(0.95, sum by (path, method) (increase(x_bucket[${period}])))")))
			.contains("ERROR percentile");
		assertThat(rules(lint("p99", "Seconds", "sum by (path, method) (x{quantile=\"0.99\"})")))
			.contains("ERROR summary-quantile", "ERROR percentile");
	}

	@Test
	void warnsWhereThePrometheusVersionChangesTheAnswer() {
		String bucket = "histogram_quantile(0.95, sum by (le, path, method) (increase(x_bucket{le=\"1\"}[${period}])))";
		List<LintFinding> le = lint("p95", "Seconds", bucket);
		assertThat(rules(le)).containsExactly("WARNING le-value");
		assertThat(le.get(0).message()).contains("le=~\"1(\\\\.0)?\"", "le=\"1.0\"");
		assertThat(rules(lint("p95", "Seconds", bucket.replace("le=\"1\"", "le=~\"1(\\\\.0)?\"")))).isEmpty();
		assertThat(rules(lint("p95", "Seconds", bucket.replace("le=\"1\"", "le=\"0.5\"")))).isEmpty();
		assertThat(rules(lint("Average", "Seconds",
				"sum by (load_balancer) (avg_over_time(aws_applicationelb_target_response_time_average[${period}]))")))
			.contains("WARNING edge-samples");
	}

	@Test
	void refusesTheAtModifierAndSubqueriesOfAnotherRange() {
		assertThat(rules(lint("Sum", "Count", "sum by (path, method) (increase(x_total[${period}] @ 1700000000))")))
			.containsExactly("ERROR at-modifier");
		assertThat(rules(lint("Sum", "Count", "sum by (path, method) (increase(x_total[${period}] @ end()))")))
			.containsExactly("ERROR at-modifier");
		assertThat(rules(lint("Maximum", "Count", "max by (path, method) (max_over_time(rate(x_total[1m])[10m:1m]))")))
			.contains("ERROR range-period");
	}

	@Test
	void checksRangesOffsetsLabelsAndUnits() {
		assertThat(rules(lint("Sum", "Count", "sum by (path, method) (increase(x_total[1m]))")))
			.containsExactly("ERROR range-period");
		assertThat(rules(lint("Sum", "Count", "sum by (path, method) (increase(x_total[${period}] offset 5m))")))
			.containsExactly("WARNING offset");
		assertThat(rules(lint("Sum", "Count", "sum by (path) (increase(x_total[${period}]))")))
			.containsExactly("WARNING labels-dimensions");
		assertThat(rules(lint("Sum", "Count", "increase(x_total[${period}])"))).containsExactly("WARNING aggregation");
		assertThat(rules(lint("Average", "Milliseconds",
				"sum by (path, method) (increase(x_seconds_sum[${period}])) / sum by (path, method) (increase(x_seconds_count[${period}]))")))
			.containsExactly("WARNING unit-factor");
		assertThat(rules(lint("Sum", null, "sum by (path, method) (increase(x_total[${period}]))")))
			.containsExactly("WARNING unit");
	}

	private static final String VM = "/subscriptions/0000/resourceGroups/web/providers/Microsoft.Compute/"
			+ "virtualMachines/web-2";

	@Test
	void knowsTheSeriesNamesOfAzureMetricsExporter() {
		String id = VM.toLowerCase(java.util.Locale.ROOT);
		// the default template: resource, metric and aggregation in labels
		assertThat(rules(azure("Average", "avg_over_time(azurerm_resource_metric{resourceID=\"" + id
				+ "\",metric=\"Percentage CPU\",aggregation=\"average\"}[${period}])")))
			.isEmpty();
		assertThat(rules(azure("Average",
				"avg_over_time(azurerm_resource_metric{metric=\"Percentage CPU\",aggregation=\"average\"}[${period}])")))
			.containsExactly("WARNING azure-resource");
		assertThat(
				rules(azure("Average",
						"avg_over_time(azurerm_resource_metric{resourceID=\"" + id
								+ "\",metric=\"Percentage CPU\"}[${period}])")))
			.containsExactly("WARNING azure-aggregation");
		assertThat(rules(azure("Maximum",
				"max_over_time(azurerm_resource_metric{resourceID=\"" + id
						+ "\",metric=\"Network In\",aggregation=\"average\",interval=\"PT1M\"}[${period}])")))
			.containsExactly("WARNING azure-metric", "WARNING azure-aggregation", "WARNING azure-interval");
		// the {name}_{metric}_{aggregation}_{unit} template names the aggregation
		assertThat(rules(azure("Average",
				"avg_over_time(azurerm_vm_percentage_cpu_total_percent{resourceID=\"" + id + "\"}[${period}])")))
			.containsExactly("WARNING azure-aggregation");
		assertThat(rules(azure("Average",
				"avg_over_time(azurerm_vm_percentage_cpu_average_percent{resourceID=\"" + id + "\"}[${period}])")))
			.isEmpty();
		// the shape rules follow the aggregation's kind; own instrumentation has no
		// exporter rules
		assertThat(rules(azure("Total", "sum(rate(http_requests_total{host=\"web-2\"}[${period}]))")))
			.containsExactly("WARNING per-second");
	}

	private static List<LintFinding> azure(String aggregation, String query) {
		String yaml = "pairs:\n  - id: p\n    period: 5m\n    azure-monitor: { resource: '" + VM
				+ "', metric: Percentage CPU, aggregation: " + aggregation + " }\n" + "    prometheus: { query: '"
				+ query + "' }\n";
		return MappingLint.lint(Sources.mappingLoader().parse("m.yml", yaml.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aSyntaxErrorNamesTheColumn() {
		List<LintFinding> f = lint("Sum", "Count", "sum by (path (rate(x[${period}]))");
		assertThat(f).hasSize(1);
		assertThat(f.get(0).message()).startsWith("PromQL does not parse: expected ')'").contains("column 14");
	}

	private static List<String> rules(List<LintFinding> findings) {
		return findings.stream().map((f) -> f.severity() + " " + f.rule()).toList();
	}

	private static List<LintFinding> lint(String statistic, String unit, String query) {
		String yaml = "pairs:\n  - id: p\n    period: 5m\n    cloudwatch: { namespace: N, metric: M, statistic: "
				+ statistic + ((unit != null) ? ", unit: " + unit : "")
				+ ", dimensions: { Endpoint: /, Method: GET } }\n" + "    prometheus: { query: '" + query + "' }\n";
		return MappingLint.lint(Sources.mappingLoader().parse("m.yml", yaml.getBytes(StandardCharsets.UTF_8)));
	}

}
