package dev.dualrun.parity.source.prometheus;

import java.time.Instant;
import java.util.List;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.source.AlertReplay;
import dev.dualrun.parity.source.Catalogued;
import dev.dualrun.parity.source.Costed;
import dev.dualrun.parity.source.DashboardPanels;
import dev.dualrun.parity.source.Linked;
import dev.dualrun.parity.source.Linted;
import dev.dualrun.parity.source.QueryShape;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SourceProvider;

/**
 * Prometheus (or any Prometheus-compatible API: Mimir, Thanos, Amazon Managed Prometheus)
 * as the new side: {@code query_range} through OkHttp, from {@code parity.prometheus.*}.
 */
public final class PrometheusSourceProvider implements SourceProvider, Costed, Catalogued, DashboardPanels, Linked,
		AlertReplay, Linted, dev.dualrun.parity.source.Migrating, dev.dualrun.parity.source.Configurable,
		dev.dualrun.parity.source.Censused {

	private static final PrometheusReader READER = new PrometheusReader();

	@Override
	public List<org.flywaydb.core.api.migration.JavaMigration> migrations() {
		return List.of(new V13__Definitions_name_the_new_side());
	}

	@Override
	public String describeAlerts() {
		return "Prometheus alerting rules (/api/v1/rules)";
	}

	@Override
	public Options options() {
		return new PrometheusOptions();
	}

	@Override
	public SideReader reader() {
		return READER;
	}

	@Override
	public java.util.List<dev.dualrun.parity.config.LintFinding> lint(PairMapping pair, QueryShape shape) {
		return PromQlLinter.lint(pair);
	}

	@Override
	public QueryShape shape(dev.dualrun.parity.config.SideQuery query) {
		return PromQlLinter.shape(PrometheusQuery.of(query));
	}

	/** The {@code query_range} and {@code series} requests, and the samples they load. */
	@Override
	public String estimate(java.util.Map<QueryWindow, java.util.List<PairMapping>> pairs, ParityProperties properties) {
		return QueryRangeCost.estimate(pairs, dev.dualrun.parity.config.Side.NEW,
				PrometheusSettings.of(properties).maxPointsPerRequest());
	}

	@Override
	public String displayName() {
		return "Prometheus";
	}

	@Override
	public String missingDataHint() {
		return "check the metric name and label matchers of the PromQL";
	}

	private static final PrometheusQueryWriter WRITER = new PrometheusQueryWriter();

	@Override
	public dev.dualrun.parity.source.QueryWriter writer() {
		return WRITER;
	}

	@Override
	public dev.dualrun.parity.source.Catalog catalog(ParityProperties properties) {
		return new PrometheusCatalog(new PrometheusClient(PrometheusSettings.of(properties)));
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
		String p = dev.dualrun.parity.config.Durations.compact(pair.period());
		java.util.Map<String, Object> t = new java.util.LinkedHashMap<>();
		t.put("refId", refId);
		t.put("datasource", java.util.Map.of("type", grafanaDatasource(), "uid", datasourceUid));
		String query = (pair.unitFactor() == 1.0) ? PrometheusQuery.of(pair.neu())
				: "(" + PrometheusQuery.of(pair.neu()).strip() + ") * "
						+ dev.dualrun.parity.config.Durations.trim(pair.unitFactor());
		t.put("expr", alignedQuery(query, p));
		t.put("interval", p);
		t.put("legendFormat", pair.id() + " (Prometheus)");
		t.put("range", true);
		t.put("instant", false);
		return java.util.List.of(t);
	}

	/**
	 * A rule's firing over time: the ALERTS series Prometheus keeps of each alerting
	 * rule.
	 */
	@Override
	public java.util.List<java.util.Map<String, Object>> grafanaAlertQueries(
			dev.dualrun.parity.config.AlertMapping.Ref alert, String refId, String datasourceUid) {
		java.util.Map<String, Object> t = new java.util.LinkedHashMap<>();
		t.put("refId", refId);
		t.put("datasource", java.util.Map.of("type", grafanaDatasource(), "uid", datasourceUid));
		String name = alert.name().replace("\\", "\\\\").replace("\"", "\\\"");
		t.put("expr", "max(ALERTS{alertname=\"" + name + "\", alertstate=\"firing\"}) or vector(0)");
		t.put("legendFormat", alert.describe() + " firing (Prometheus)");
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
	public Object settings(dev.dualrun.parity.config.SettingsBinder binder) {
		return PrometheusSettings.bind(binder);
	}

	@Override
	public int concurrency(ParityProperties properties) {
		return PrometheusSettings.of(properties).concurrency();
	}

	/**
	 * A {@code query_range} a pair, and a {@code series} call for each pair that compares
	 * series sets (series parity).
	 */
	@Override
	public long minimumCalls(List<PairMapping> pairs, QueryWindow window) {
		return pairs.size() + pairs.stream().filter(PairMapping::comparesSeries).count();
	}

	@Override
	public MetricSource open(ParityProperties properties) {
		return new PrometheusSource(new PrometheusClient(PrometheusSettings.of(properties)),
				dev.dualrun.parity.config.Side.NEW);
	}

	/**
	 * The families named, among the series carrying the other side's identifying labels.
	 */
	@Override
	public Census census(ParityProperties properties, List<String> families, java.util.Map<String, String> identity,
			Instant at) {
		PrometheusClient client = new PrometheusClient(PrometheusSettings.of(properties));
		return new Census(displayName(), client.url(), java.util.Map.of(),
				SeriesCensus.count(client, families, identity, at), client.calls());
	}

	@Override
	public dev.dualrun.parity.source.AlertSource alerts(ParityProperties properties) {
		return new PrometheusRules(new PrometheusClient(PrometheusSettings.of(properties)));
	}

	/** The query in the Prometheus graph UI. */
	@Override
	public String link(PairMapping pair, Instant start, Instant end, long periodSeconds, String location,
			String region) {
		return GraphLink.of(location, PrometheusQuery.of(pair.neu()), start, end, periodSeconds);
	}

}
