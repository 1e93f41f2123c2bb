package dev.dualrun.parity.source;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One metric the old side holds: the identity a pair's old side names.
 *
 * @param namespace the namespace (CloudWatch) or metric namespace
 * @param metric the metric name
 * @param dimensions its exact dimension set, sorted by name
 * @param account the owning account when linked accounts are listed, else null
 */
public record InventoryItem(String namespace, String metric, SortedMap<String, String> dimensions, String account) {

	public InventoryItem {
		dimensions = Collections
			.unmodifiableSortedMap((dimensions != null) ? new TreeMap<>(dimensions) : new TreeMap<>());
	}

	/**
	 * @return e.g. {@code FlaskApp/Errors{Endpoint=/, Method=GET}}
	 */
	public String describe() {
		return this.namespace + "/" + this.metric + this.dimensions;
	}

}
