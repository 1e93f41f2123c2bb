package dev.dualrun.parity.estate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.source.InventoryItem;
import dev.dualrun.parity.source.TestPairs;

import static org.assertj.core.api.Assertions.assertThat;

/** Coverage of an inventory by a mapping's pairs. */
class CoverageTest {

	@Test
	void aPairOfAnotherOldSystemIsNotCalledUnlistedByThisOnesInventory() {
		var listed = TestPairs.pair("errors", "5m",
				"cloudwatch: { namespace: FlaskApp, metric: Errors, dimensions: { Endpoint: / }, statistic: Sum }",
				"sum(x)");
		var renamed = TestPairs.pair("renamed", "5m",
				"cloudwatch: { namespace: FlaskApp, metric: Faults, dimensions: { Endpoint: / }, statistic: Sum }",
				"sum(x)");
		var azure = TestPairs.pair("vm-cpu", "5m",
				"azure-monitor: { resource: '/subscriptions/s/resourceGroups/g/"
						+ "providers/Microsoft.Compute/virtualMachines/v', metric: CPU, aggregation: Average }",
				"avg(x)");
		Coverage c = Coverage.of(1, Instant.parse("2026-12-01T00:00:00Z"), "CloudWatch",
				List.of(new InventoryItem("FlaskApp", "Errors", new TreeMap<>(Map.of("Endpoint", "/")), null)),
				List.of(listed, renamed, azure), List.of(), LocalDate.parse("2026-12-01"));
		assertThat(c.unlisted()).containsExactly("renamed");
		assertThat(c.count(Coverage.Status.COVERED)).isEqualTo(1);
	}

}
