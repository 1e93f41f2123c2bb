package dev.dualrun.parity.config;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;

/**
 * Old-side metrics left out of the migration on purpose: every metric of a namespace, or
 * of one metric name, or only those whose dimensions carry the given values ({@code *}
 * for any value), until the exclusion expires.
 *
 * @param namespace the namespace
 * @param metric the metric name, or null for every metric of the namespace
 * @param dimensions dimensions the metric must carry with these values ({@code *}: any
 * value); empty for any dimensions
 * @param reason why it is not migrated
 * @param owner who decided
 * @param expires the last day it holds (inclusive)
 * @param line its line in the exclusions file
 */
public record Exclusion(String namespace, String metric, SortedMap<String, String> dimensions, String reason,
		String owner, LocalDate expires, int line) {

	/**
	 * @param namespace a metric's namespace
	 * @param metricName its name
	 * @param metricDimensions its dimensions
	 * @return true if this exclusion names that metric
	 */
	public boolean matches(String namespace, String metricName, Map<String, String> metricDimensions) {
		if (!this.namespace.equals(namespace) || (this.metric != null && !this.metric.equals(metricName))) {
			return false;
		}
		for (Map.Entry<String, String> d : this.dimensions.entrySet()) {
			String v = metricDimensions.get(d.getKey());
			if (v == null || !(d.getValue().equals("*") || d.getValue().equals(v))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @param today the day of the check
	 * @return true if the exclusion no longer holds
	 */
	public boolean expired(LocalDate today) {
		return today.isAfter(this.expires);
	}

	/**
	 * @return e.g. {@code FlaskApp/Errors{Method=GET}}
	 */
	public String describe() {
		return this.namespace + "/" + ((this.metric != null) ? this.metric : "*")
				+ (this.dimensions.isEmpty() ? "" : this.dimensions.toString());
	}

}
