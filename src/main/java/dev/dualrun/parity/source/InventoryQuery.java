package dev.dualrun.parity.source;

import java.util.List;

/**
 * What to list of the old side's metrics.
 *
 * @param namespaces the namespaces, or empty for all
 * @param recentlyActive only metrics with data in the last three hours (CloudWatch's
 * {@code RecentlyActive=PT3H}); otherwise those with data in the last two weeks
 * @param linkedAccounts also the metrics of the source accounts linked to a monitoring
 * account (CloudWatch cross-account observability)
 */
public record InventoryQuery(List<String> namespaces, boolean recentlyActive, boolean linkedAccounts) {

	public InventoryQuery {
		namespaces = List.copyOf(namespaces);
	}

}
