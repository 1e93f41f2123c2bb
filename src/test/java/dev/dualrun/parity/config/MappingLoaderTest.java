package dev.dualrun.parity.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingLoaderTest {

	private final MappingLoader loader = new MappingLoader();

	@Test
	void appliesDefaultsAndReplacesThePeriodPlaceholder() {
		MappingFile file = parse("""
				version: 1
				defaults:
				  period: 5m
				  tolerance: { relative: 0.05 }
				pairs:
				  - id: latency
				    cloudwatch:
				      namespace: FlaskApp
				      metric: EndpointLatency
				      dimensions: { Method: GET, Endpoint: "/" }
				      statistic: Average
				      unit: Milliseconds
				    prometheus:
				      query: rate(x_sum[${period}]) / rate(x_count[${period}])
				    unit-factor: 1000
				  - id: count
				    period: 60
				    cloudwatch: { namespace: FlaskApp, metric: EndpointLatency, statistic: SampleCount }
				    prometheus: { query: 'increase(x_count[${period}])' }
				    tolerance: { max-bias: 0.05 }
				""");
		PairMapping latency = file.pairs().get(0);
		assertThat(latency.promql()).isEqualTo("rate(x_sum[5m]) / rate(x_count[5m])");
		assertThat(latency.period()).isEqualTo(Duration.ofMinutes(5));
		assertThat(latency.unitFactor()).isEqualTo(1000);
		assertThat(latency.old().dimensions()).containsExactly(java.util.Map.entry("Endpoint", "/"),
				java.util.Map.entry("Method", "GET"));
		assertThat(latency.tolerance().relative()).isEqualTo(0.05);
		assertThat(latency.line()).isEqualTo(6);
		PairMapping count = file.pairs().get(1);
		assertThat(count.promql()).isEqualTo("increase(x_count[1m])");
		assertThat(count.tolerance()).isEqualTo(new Tolerance(0.05, 2, 0.95, 0.95, 0.05));
		assertThat(file.sha256()).hasSize(64);
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
		assertThat(((CloudWatchQuery) file.pairs().get(0).old()).hasExpression()).isTrue();
		assertThat(((CloudWatchQuery) file.pairs().get(0).old()).metrics())
			.extracting(CloudWatchQuery.ExpressionMetric::id)
			.containsExactly("s", "n");
	}

	@Test
	void namesFileLineAndFieldOfAnUnknownStatistic() {
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
	}

	@Test
	void namesTheLineOfAnUnknownField() {
		assertThatThrownBy(() -> parse("""
				pairs:
				  - id: a
				    cloudwatch: { namespace: N, metric: M, statistic: Sum }
				    prometheus: { query: x }
				    unit_factor: 1000
				""")).isInstanceOf(MappingException.class)
			.hasMessageStartingWith("m.yml:5: pairs[0].unit_factor: unknown field 'unit_factor' (known: ")
			.hasMessageContaining("unit-factor");
	}

	@Test
	void refusesMissingFieldsDuplicatesAndIllegalPeriods() {
		assertThatThrownBy(() -> parse("pairs:\n  - id: a\n    prometheus: { query: x }\n"))
			.hasMessage("m.yml:2: pairs[0].cloudwatch: missing: every pair needs an old side, a 'cloudwatch:' or an "
					+ "'azure-monitor:' block");
		assertThatThrownBy(() -> parse("""
				pairs:
				  - { id: a, cloudwatch: { namespace: N, metric: M, statistic: Sum }, prometheus: { query: x } }
				  - { id: a, cloudwatch: { namespace: N, metric: M, statistic: Sum }, prometheus: { query: x } }
				""")).hasMessage("m.yml:3: pairs[1].id: duplicate pair id 'a'");
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
	}

	private static final String VM = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/web"
			+ "/providers/Microsoft.Compute/virtualMachines/web-2";

	@Test
	void readsAnAzureMonitorOldSideAsItsOwnType() {
		MappingFile file = parse("""
				defaults: { period: 5m }
				pairs:
				  - id: cpu
				    azure-monitor:
				      resource: %s
				      metric: Percentage CPU
				      aggregation: average
				      dimensions: { LUN: "0" }
				      region: westeurope
				      unit: Percent
				    prometheus: { query: 'avg_over_time(node_cpu_utilization_percent{host="web-2"}[${period}])' }
				""".formatted(VM));
		PairMapping pair = file.pairs().get(0);
		assertThat(pair.oldType()).isEqualTo("azure-monitor");
		AzureMonitorQuery q = (AzureMonitorQuery) pair.old();
		assertThat(q.aggregation()).isEqualTo(AzureMonitorQuery.Aggregation.AVERAGE);
		assertThat(q.resourceType()).isEqualTo("Microsoft.Compute/virtualMachines");
		assertThat(q.metricNamespace()).isEqualTo("Microsoft.Compute/virtualMachines");
		assertThat(q.subscription()).isEqualTo("00000000-1111-2222-3333-444444444444");
		assertThat(q.filter()).isEqualTo("LUN eq '0'");
		assertThat(pair.kind()).isEqualTo(Statistic.Kind.AVERAGE);
		assertThat(pair.promql()).contains("[5m]");
		// stored with a run and read back as the same pair
		assertThat(
				dev.dualrun.parity.store.PairDefinitions.fromJson(dev.dualrun.parity.store.PairDefinitions.toJson(pair))
					.old())
			.isEqualTo(q);
	}

	@Test
	void refusesAzureMonitorBlocksThatTheApiWouldRefuse() {
		String pair = "pairs:\n  - id: a\n    %s\n    azure-monitor: { resource: '%s', metric: M, aggregation: %s }\n"
				+ "    prometheus: { query: x }\n";
		assertThatThrownBy(() -> parse(pair.formatted("period: 2m", VM, "Total")))
			.hasMessage("m.yml:3: pairs[0].period: period 2m is not an Azure Monitor time grain (1m, 5m, 15m, 30m, "
					+ "1h, 6h, 12h or 1d: PT1M to P1D)");
		assertThatThrownBy(() -> parse(pair.formatted("period: 5m", VM, "Sum")))
			.hasMessage("m.yml:4: pairs[0].azure-monitor.aggregation: unknown Azure Monitor aggregation 'Sum' "
					+ "(Average, Minimum, Maximum, Total or Count)");
		assertThatThrownBy(() -> parse(pair.formatted("period: 5m", "/resourceGroups/web/vm-2", "Total")))
			.hasMessageContaining(
					"pairs[0].azure-monitor.resource: '/resourceGroups/web/vm-2' is not an Azure resource ID");
		assertThatThrownBy(() -> parse("""
				pairs:
				  - id: a
				    cloudwatch: { namespace: N, metric: M, statistic: Sum }
				    azure-monitor: { resource: x, metric: M, aggregation: Total }
				    prometheus: { query: x }
				""")).hasMessageContaining("pairs[0].azure-monitor: a pair has one old side");
		assertThatThrownBy(() -> parse("""
				pairs:
				  - id: a
				    period: 5m
				    azure-monitor: { resource: '%s', metric: M, aggregation: Total, dimensions: { ApiName: '*' } }
				    prometheus: { query: x }
				""".formatted(VM))).hasMessageContaining("pairs[0].azure-monitor.dimensions.ApiName: '*' splits");
	}

	@Test
	void refusesAPeriodShorterThanFourScrapeIntervals() {
		assertThatThrownBy(() -> parse("""
				defaults: { scrape-interval: 30s }
				pairs:
				  - id: a
				    period: 1m
				    cloudwatch: { namespace: N, metric: M, statistic: Sum }
				    prometheus: { query: x }
				"""))
			.hasMessageContaining("m.yml:4: pairs[0].period: period 1m is shorter than 4x the scrape interval 30s");
	}

	@Test
	void refusesTextThatIsNotYaml() {
		assertThatThrownBy(() -> parse("pairs: [ { id: a,\n")).isInstanceOf(MappingException.class)
			.hasMessageStartingWith("m.yml:");
	}

	@Test
	void namesAMissingFile() {
		assertThatThrownBy(() -> this.loader.load(java.nio.file.Path.of("does-not-exist.yml")))
			.hasMessage("does-not-exist.yml: mapping file not found");
	}

	private MappingFile parse(String yaml) {
		return this.loader.parse("m.yml", yaml.getBytes(StandardCharsets.UTF_8));
	}

}
