package dev.dualrun.parity.store;

import java.time.Instant;

/**
 * A stored listing of the old side's metrics.
 *
 * @param id the inventory's number
 * @param takenAt when it was listed
 * @param oldSystem the system listed, e.g. {@code CloudWatch}
 * @param location where (endpoint or region)
 * @param namespaces the namespaces asked for, comma-separated, or null for all
 * @param recentlyActive whether only metrics active in the last three hours were listed
 * @param linkedAccounts whether linked accounts were listed
 * @param metricCount the metrics listed
 * @param calls the API pages it took
 */
public record InventoryRow(long id, Instant takenAt, String oldSystem, String location, String namespaces,
		boolean recentlyActive, boolean linkedAccounts, int metricCount, long calls) {

}
