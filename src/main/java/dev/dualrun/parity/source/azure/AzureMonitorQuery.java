package dev.dualrun.parity.source.azure;

import java.util.Collections;
import java.util.Locale;
import java.util.SortedMap;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.dualrun.parity.config.MetricIdentity;
import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.config.StatisticKind;

/**
 * The Azure Monitor side of a pair: one platform or custom metric of one resource, with
 * one aggregation over the pair's period (the time grain), optionally narrowed to one
 * value of each of some dimensions (a {@code $filter}).
 *
 * @param resource the resource ID,
 * {@code /subscriptions/S/resourceGroups/G/providers/Microsoft.X/type/name}
 * @param namespace the metric namespace; null for the resource type's platform metrics
 * @param metric the metric name, e.g. {@code Percentage CPU}
 * @param aggregation the aggregation
 * @param dimensions dimension name to the one value kept, sorted by name; empty for the
 * metric over the whole resource
 * @param region the resource's region (e.g. {@code westeurope}); when given, the pair is
 * read with the regional batch API ({@code metrics:getBatch}), up to 50 resources a call
 * @param unit the unit the metric must report (e.g. {@code Percent}); null to accept any
 */
public record AzureMonitorQuery(String resource, String namespace, String metric, Aggregation aggregation,
		SortedMap<String, String> dimensions, String region, String unit) implements SideQuery {

	public AzureMonitorQuery {
		dimensions = (dimensions != null) ? Collections.unmodifiableSortedMap(new java.util.TreeMap<>(dimensions))
				: Collections.emptySortedMap();
	}

	/** The aggregations of the Azure Monitor metrics API. */
	public enum Aggregation {

		/** Total / Count of the grain's samples. */
		AVERAGE("Average", StatisticKind.AVERAGE),
		/** The grain's smallest sample. */
		MINIMUM("Minimum", StatisticKind.MINIMUM),
		/** The grain's largest sample. */
		MAXIMUM("Maximum", StatisticKind.MAXIMUM),
		/** The sum of the grain's samples. */
		TOTAL("Total", StatisticKind.SUM),
		/** The number of the grain's samples. */
		COUNT("Count", StatisticKind.SAMPLE_COUNT);

		private final String apiName;

		private final StatisticKind kind;

		Aggregation(String apiName, StatisticKind kind) {
			this.apiName = apiName;
			this.kind = kind;
		}

		/**
		 * @return the name as the API spells it in a request, e.g. {@code Total}
		 */
		public String apiName() {
			return this.apiName;
		}

		/**
		 * @return the field of a data point holding it, e.g. {@code total}
		 */
		public String field() {
			return this.apiName.toLowerCase(Locale.ROOT);
		}

		/**
		 * @return the statistic kind it is judged as
		 */
		public StatisticKind kind() {
			return this.kind;
		}

		/**
		 * @param text a name as written in a mapping (any case)
		 * @return the aggregation
		 * @throws IllegalArgumentException if there is none of that name
		 */
		public static Aggregation parse(String text) {
			for (Aggregation a : values()) {
				if (a.apiName.equalsIgnoreCase(text)) {
					return a;
				}
			}
			throw new IllegalArgumentException(
					"unknown Azure Monitor aggregation '" + text + "' (Average, Minimum, Maximum, Total or Count)");
		}

		@Override
		public String toString() {
			return this.apiName;
		}

	}

	@Override
	@JsonIgnore
	public String type() {
		return AzureMonitorReader.TYPE;
	}

	@Override
	@JsonIgnore
	public StatisticKind kind() {
		return this.aggregation.kind();
	}

	@Override
	@JsonIgnore
	public String statisticName() {
		return this.aggregation.apiName();
	}

	/**
	 * The metric of the resource: its namespace, its name, and the resource with the
	 * dimension values kept.
	 */
	@Override
	@JsonIgnore
	public java.util.List<MetricIdentity> identities() {
		java.util.TreeMap<String, String> dims = new java.util.TreeMap<>(this.dimensions);
		dims.put("resourceId", this.resource.toLowerCase(Locale.ROOT));
		return java.util.List.of(new MetricIdentity(metricNamespace(), this.metric, dims));
	}

	/**
	 * @return the subscription ID of the resource
	 */
	@JsonIgnore
	public String subscription() {
		return segment("subscriptions");
	}

	/**
	 * @return the resource type, e.g. {@code Microsoft.Compute/virtualMachines}
	 */
	@JsonIgnore
	public String resourceType() {
		String[] parts = this.resource.split("/");
		for (int i = 0; i + 2 < parts.length; i++) {
			if (parts[i].equalsIgnoreCase("providers")) {
				return parts[i + 1] + "/" + parts[i + 2];
			}
		}
		return "";
	}

	/**
	 * @return the resource's name, the last segment of its ID
	 */
	@JsonIgnore
	public String resourceName() {
		return this.resource.substring(this.resource.lastIndexOf('/') + 1);
	}

	/**
	 * @return the metric namespace asked for: the declared one, else the resource type
	 * (its platform metrics)
	 */
	@JsonIgnore
	public String metricNamespace() {
		return (this.namespace != null) ? this.namespace : resourceType();
	}

	/**
	 * @return the {@code $filter} of the dimensions, e.g.
	 * {@code ApiName eq 'GetBlob' and ResponseType eq 'Success'}, or null for none
	 */
	@JsonIgnore
	public String filter() {
		if (this.dimensions.isEmpty()) {
			return null;
		}
		StringBuilder f = new StringBuilder();
		this.dimensions.forEach((k, v) -> f.append((f.length() > 0) ? " and " : "")
			.append(k)
			.append(" eq '")
			.append(v.replace("'", "''"))
			.append('\''));
		return f.toString();
	}

	@Override
	public String describe() {
		return resourceName() + " (" + resourceType() + ") " + this.metric
				+ (this.dimensions.isEmpty() ? "" : this.dimensions.toString()) + " " + this.aggregation
				+ ((this.unit != null) ? " [" + this.unit + "]" : "");
	}

	private String segment(String name) {
		String[] parts = this.resource.split("/");
		for (int i = 0; i + 1 < parts.length; i++) {
			if (parts[i].equalsIgnoreCase(name)) {
				return parts[i + 1];
			}
		}
		return "";
	}

}
