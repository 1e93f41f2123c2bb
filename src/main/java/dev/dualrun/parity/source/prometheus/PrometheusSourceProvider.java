package dev.dualrun.parity.source.prometheus;

import java.time.Instant;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.SourceProvider;

/**
 * Prometheus (or any Prometheus-compatible API: Mimir, Thanos, Amazon Managed Prometheus)
 * as the new side: {@code query_range} through OkHttp, from {@code parity.prometheus.*}.
 */
public final class PrometheusSourceProvider implements SourceProvider {

	@Override
	public String type() {
		return "prometheus";
	}

	@Override
	public Role role() {
		return Role.NEW;
	}

	@Override
	public String displayName() {
		return "Prometheus";
	}

	@Override
	public String missingDataHint() {
		return "check the metric name and label matchers of the PromQL";
	}

	@Override
	public dev.dualrun.parity.source.Catalog catalog(ParityProperties properties) {
		return new PrometheusCatalog(new PrometheusClient(properties.prometheus()));
	}

	@Override
	public String grafanaDatasource() {
		return "prometheus";
	}

	/**
	 * The pair's PromQL, evaluated at each period's end as the validator does and drawn
	 * at the period's start (rule 3): a subquery one period ahead,
	 * {@code last_over_time((q)[P:P] offset -P)}, so both sides of a panel line up; times
	 * the pair's unit factor, in the old side's unit.
	 */
	@Override
	public java.util.List<java.util.Map<String, Object>> grafanaQueries(PairMapping pair, String refId,
			String datasourceUid) {
		String p = dev.dualrun.parity.config.Durations.promql(pair.period());
		java.util.Map<String, Object> t = new java.util.LinkedHashMap<>();
		t.put("refId", refId);
		t.put("datasource", java.util.Map.of("type", grafanaDatasource(), "uid", datasourceUid));
		String query = (pair.unitFactor() == 1.0) ? pair.promql()
				: "(" + pair.promql().strip() + ") * " + dev.dualrun.parity.config.Durations.trim(pair.unitFactor());
		t.put("expr", alignedQuery(query, p));
		t.put("interval", p);
		t.put("legendFormat", pair.id() + " (Prometheus)");
		t.put("range", true);
		t.put("instant", false);
		return java.util.List.of(t);
	}

	/**
	 * @param promql a pair's query
	 * @param period its period in PromQL's notation
	 * @return the query's value for the period starting at each instant
	 */
	public static String alignedQuery(String promql, String period) {
		return "last_over_time((" + promql.strip() + ")[" + period + ":" + period + "] offset -" + period + ")";
	}

	@Override
	public int concurrency(ParityProperties properties) {
		return properties.prometheus().concurrency();
	}

	@Override
	public MetricSource open(ParityProperties properties) {
		return new PrometheusSource(new PrometheusClient(properties.prometheus()));
	}

	@Override
	public dev.dualrun.parity.source.AlertSource alerts(ParityProperties properties) {
		return new PrometheusRules(new PrometheusClient(properties.prometheus()));
	}

	/** The query in the Prometheus graph UI. */
	@Override
	public String link(PairMapping pair, Instant start, Instant end, long periodSeconds, String location,
			String region) {
		return GraphLink.of(location, pair.promql(), start, end, periodSeconds);
	}

}
