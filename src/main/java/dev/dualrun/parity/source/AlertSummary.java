package dev.dualrun.parity.source;

import java.util.List;

import dev.dualrun.parity.config.MetricIdentity;

/**
 * An alarm or an alerting rule as its system lists it, for suggesting alert pairs.
 *
 * @param name its name
 * @param group its rule group, or null
 * @param watches what it watches, in its system's words (a PromQL expression, a metric)
 * @param metrics the old side's metrics it reads (empty for a rule)
 */
public record AlertSummary(String name, String group, String watches, List<MetricIdentity> metrics) {

	public AlertSummary {
		metrics = List.copyOf(metrics);
	}

}
