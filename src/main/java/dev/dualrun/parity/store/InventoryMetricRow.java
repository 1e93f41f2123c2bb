package dev.dualrun.parity.store;

/**
 * One metric of a stored inventory.
 *
 * @param inventoryId the inventory
 * @param namespace its namespace
 * @param metricName its name
 * @param dimensions its dimensions as a JSON object, names sorted
 * @param account its owning account, or null
 */
public record InventoryMetricRow(long inventoryId, String namespace, String metricName, String dimensions,
		String account) {

}
