package dev.dualrun.parity.source.cloudwatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dualrun.parity.source.QueryWindow;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * The {@code GetMetricData} queries of one pair at the window's period: its metric, or
 * its metric math expression (the one query returned) with the metrics it reads, their
 * ids prefixed with the pair's query id so that pairs of one call never clash.
 */
final class CloudWatchQueries {

	private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-z][A-Za-z0-9_]*)\\b");

	private CloudWatchQueries() {
	}

	/**
	 * @param id the pair's query id in its call
	 * @param cw the pair's query
	 * @param window the window, for its period
	 * @return the queries, the returned one first
	 */
	static List<MetricDataQuery> of(String id, CloudWatchQuery cw, QueryWindow window) {
		int period = (int) window.period().toSeconds();
		if (!cw.hasExpression()) {
			return List.of(MetricDataQuery.builder()
				.id(id)
				.metricStat(stat(cw.namespace(), cw.metricName(), cw.dimensions(), cw.statistic().name(), cw.unit(),
						period))
				.returnData(true)
				.build());
		}
		List<MetricDataQuery> queries = new ArrayList<>();
		Matcher m = IDENTIFIER.matcher(cw.expression());
		Set<String> known = new HashSet<>();
		cw.metrics().forEach((e) -> known.add(e.id()));
		String expression = m.replaceAll((r) -> known.contains(r.group(1)) ? id + "_" + r.group(1) : r.group(1));
		queries.add(MetricDataQuery.builder().id(id).expression(expression).period(period).returnData(true).build());
		for (CloudWatchQuery.ExpressionMetric e : cw.metrics()) {
			queries.add(MetricDataQuery.builder()
				.id(id + "_" + e.id())
				.metricStat(stat(e.namespace(), e.metricName(), e.dimensions(), e.statistic().name(), e.unit(), period))
				.returnData(false)
				.build());
		}
		return queries;
	}

	private static MetricStat stat(String namespace, String name, SortedMap<String, String> dimensions,
			String statistic, String unit, int period) {
		List<Dimension> dims = new ArrayList<>();
		dimensions.forEach((k, v) -> dims.add(Dimension.builder().name(k).value(v).build()));
		MetricStat.Builder stat = MetricStat.builder()
			.metric(Metric.builder().namespace(namespace).metricName(name).dimensions(dims).build())
			.period(period)
			.stat(statistic);
		if (unit != null) {
			stat.unit(unit);
		}
		return stat.build();
	}

}
