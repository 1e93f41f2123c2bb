package dev.dualrun.parity.source;

import java.util.List;

/**
 * The old side's metrics as one listing returned them.
 *
 * @param system the system, e.g. {@code CloudWatch}
 * @param location where it was read (endpoint or region)
 * @param items the metrics
 * @param calls the API calls (pages) it took
 */
public record Inventory(String system, String location, List<InventoryItem> items, long calls) {

	public Inventory {
		items = List.copyOf(items);
	}

}
