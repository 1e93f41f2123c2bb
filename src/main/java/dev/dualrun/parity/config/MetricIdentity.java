package dev.dualrun.parity.config;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A metric of the old side as its estate lists it: namespace, name and exact dimension
 * set. A pair's old side names one (a plain metric) or several (an expression's metrics).
 *
 * @param namespace the namespace
 * @param metric the metric name
 * @param dimensions the dimensions, sorted by name
 */
public record MetricIdentity(String namespace, String metric, SortedMap<String, String> dimensions) {

	public MetricIdentity {
		dimensions = Collections
			.unmodifiableSortedMap((dimensions != null) ? new TreeMap<>(dimensions) : new TreeMap<>());
	}

}
