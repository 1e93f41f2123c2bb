package dev.dualrun.parity.source.azure;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.source.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code azure-monitor:} block: a resource's metric, its aggregation and time grain.
 */
class AzureMonitorReaderTest {

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
		assertThat(pair.kind()).isEqualTo(StatisticKind.AVERAGE);
		assertThat(pair.neu().describe()).contains("[5m]");
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

	private static MappingFile parse(String yaml) {
		return Sources.mappingLoader().parse("m.yml", yaml.getBytes(StandardCharsets.UTF_8));
	}

}
