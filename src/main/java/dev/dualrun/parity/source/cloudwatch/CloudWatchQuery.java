package dev.dualrun.parity.source.cloudwatch;

import java.util.List;
import java.util.SortedMap;

import dev.dualrun.parity.config.MetricIdentity;
import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.config.StatisticKind;

/**
 * The CloudWatch side of a pair: either one metric with a statistic, or a metric-math
 * expression over named metrics.
 *
 * @param namespace the metric's namespace (null for an expression)
 * @param metricName the metric's name (null for an expression)
 * @param dimensions the exact dimension set published, sorted by name (CloudWatch never
 * aggregates across dimensions)
 * @param statistic the statistic (null for an expression)
 * @param unit the CloudWatch unit sent with the query, e.g. {@code Seconds}; null to
 * accept data of any unit
 * @param expression a metric-math expression, or null
 * @param metrics the metrics the expression refers to by id (empty for a plain metric)
 * @param region the region the metric lives in, e.g. {@code eu-west-1}; null for the
 * run's ({@code --cloudwatch-region})
 */
public record CloudWatchQuery(String namespace, String metricName, SortedMap<String, String> dimensions,
		Statistic statistic, String unit, String expression, List<ExpressionMetric> metrics,
		String region) implements SideQuery {

	public CloudWatchQuery {
		dimensions = (dimensions != null) ? java.util.Collections.unmodifiableSortedMap(dimensions)
				: java.util.Collections.emptySortedMap();
		metrics = (metrics != null) ? List.copyOf(metrics) : List.of();
		region = (region != null && !region.isBlank()) ? region.strip() : null;
	}

	/**
	 * A query of the run's region.
	 * @param namespace the namespace (null for an expression)
	 * @param metricName the metric name (null for an expression)
	 * @param dimensions the dimensions
	 * @param statistic the statistic (null for an expression)
	 * @param unit the unit, or null
	 * @param expression a metric-math expression, or null
	 * @param metrics the metrics the expression refers to
	 */
	public CloudWatchQuery(String namespace, String metricName, SortedMap<String, String> dimensions,
			Statistic statistic, String unit, String expression, List<ExpressionMetric> metrics) {
		this(namespace, metricName, dimensions, statistic, unit, expression, metrics, null);
	}

	/**
	 * @param region a region
	 * @return this query in that region
	 */
	public CloudWatchQuery inRegion(String region) {
		return new CloudWatchQuery(this.namespace, this.metricName, this.dimensions, this.statistic, this.unit,
				this.expression, this.metrics, region);
	}

	@Override
	@com.fasterxml.jackson.annotation.JsonIgnore
	public String type() {
		return CloudWatchReader.TYPE;
	}

	/**
	 * A metric-math expression is judged as an Average.
	 */
	@Override
	@com.fasterxml.jackson.annotation.JsonIgnore
	public StatisticKind kind() {
		return hasExpression() ? StatisticKind.AVERAGE : this.statistic.kind();
	}

	/** A plain metric reads itself; an expression reads the metrics it names. */
	@Override
	@com.fasterxml.jackson.annotation.JsonIgnore
	public List<MetricIdentity> identities() {
		if (!hasExpression()) {
			return List.of(new MetricIdentity(this.namespace, this.metricName, this.dimensions));
		}
		return this.metrics.stream()
			.map((m) -> new MetricIdentity(m.namespace(), m.metricName(), m.dimensions()))
			.toList();
	}

	/**
	 * CloudWatch never aggregates across dimensions: the set published is the identity.
	 */
	@Override
	@com.fasterxml.jackson.annotation.JsonIgnore
	public boolean exactDimensions() {
		return !hasExpression();
	}

	/** An expression has no single statistic for the new side's lint to check. */
	@Override
	@com.fasterxml.jackson.annotation.JsonIgnore
	public String statisticName() {
		return hasExpression() ? null : this.statistic.name();
	}

	@Override
	@com.fasterxml.jackson.annotation.JsonIgnore
	public double percentile() {
		return hasExpression() ? Double.NaN : this.statistic.percentile();
	}

	/**
	 * @return true if this side is a metric-math expression
	 */
	public boolean hasExpression() {
		return this.expression != null;
	}

	/**
	 * @return a short human description, e.g. {@code FlaskApp/EndpointLatency{Endpoint=/}
	 * Average}
	 */
	@Override
	public String describe() {
		String in = (this.region != null) ? " in " + this.region : "";
		if (hasExpression()) {
			return "expression " + this.expression + in;
		}
		return this.namespace + "/" + this.metricName + this.dimensions + " " + this.statistic
				+ ((this.unit != null) ? " [" + this.unit + "]" : "") + in;
	}

	/**
	 * A metric an expression refers to.
	 *
	 * @param id the id used in the expression (lower-case first letter, as CloudWatch
	 * requires)
	 * @param namespace the namespace
	 * @param metricName the metric name
	 * @param dimensions the dimensions
	 * @param statistic the statistic
	 * @param unit the unit, or null
	 */
	public record ExpressionMetric(String id, String namespace, String metricName, SortedMap<String, String> dimensions,
			Statistic statistic, String unit) {

	}

}
