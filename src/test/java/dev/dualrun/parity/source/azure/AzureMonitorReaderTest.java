package dev.dualrun.parity.source.azure;

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
 * The {@code azure-monitor:} block: a resource's metric, its aggregation and time grain.
 */
class AzureMonitorReaderTest {

	@Test
	void readsAnAzureMonitorOldSideAsItsOwnType() {
		MappingFile file = Fixtures.mapping("azure/virtual-machine-cpu.yml");
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

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalid")
	void refusesAzureMonitorBlocksThatTheApiWouldRefuse(String invalid) {
		Fixtures.assertRefused(Sources.mappingLoader(), invalid);
	}

	static Stream<String> invalid() {
		return Fixtures.mappings("azure/invalid");
	}

}
