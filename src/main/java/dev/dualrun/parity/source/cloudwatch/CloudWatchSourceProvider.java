package dev.dualrun.parity.source.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.source.AlertReplay;
import dev.dualrun.parity.source.AlertSource;
import dev.dualrun.parity.source.Costed;
import dev.dualrun.parity.source.DashboardPanels;
import dev.dualrun.parity.source.Inventoried;
import dev.dualrun.parity.source.Inventory;
import dev.dualrun.parity.source.InventoryQuery;
import dev.dualrun.parity.source.Linked;
import dev.dualrun.parity.source.ListPrice;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.QuotaShared;
import dev.dualrun.parity.source.Retained;
import dev.dualrun.parity.source.SourceProvider;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * CloudWatch as the old side: {@code GetMetricData} through the SDK, the client made from
 * {@code parity.cloudwatch.*} when a run opens the source.
 */
public final class CloudWatchSourceProvider implements SourceProvider, Costed, Inventoried, DashboardPanels, Linked,
		Retained, QuotaShared, AlertReplay, dev.dualrun.parity.source.Linted, dev.dualrun.parity.source.Discovering,
		dev.dualrun.parity.source.Migrating, dev.dualrun.parity.source.Configurable {

	private static final CloudWatchReader READER = new CloudWatchReader();

	private static final CloudWatchDiscovery DISCOVERY = new CloudWatchDiscovery();

	@Override
	public dev.dualrun.parity.source.Discoverable discovery() {
		return DISCOVERY;
	}

	@Override
	public List<org.flywaydb.core.api.migration.JavaMigration> migrations() {
		return List.of(new V9__Definitions_name_the_old_side());
	}

	@Override
	public String quota() {
		return "a CloudWatch region";
	}

	@Override
	public String describeAlerts() {
		return "CloudWatch metric alarms (DescribeAlarms)";
	}

	@Override
	public Options options() {
		return new CloudWatchOptions();
	}

	@Override
	public SideReader reader() {
		return READER;
	}

	@Override
	public List<dev.dualrun.parity.config.LintFinding> lint(PairMapping pair,
			dev.dualrun.parity.source.QueryShape shape) {
		return CloudWatchLinter.lint(pair, shape);
	}

	@Override
	public String displayName() {
		return "CloudWatch";
	}

	@Override
	public String missingDataHint() {
		return "check namespace, metric name, dimensions and unit";
	}

	@Override
	public MetricSource open(ParityProperties properties) {
		return new RegionalCloudWatchSource(CloudWatchSettings.of(properties));
	}

	@Override
	public AlertSource alerts(ParityProperties properties) {
		CloudWatchSettings settings = CloudWatchSettings.of(properties);
		CloudWatchClient client = CloudWatchClientFactory.create(settings,
				new CloudWatchClientFactory.AttemptCounter());
		String endpoint = (settings.endpoint() != null) ? settings.endpoint()
				: "region " + client.serviceClientConfiguration().region().id();
		return new CloudWatchAlarms(client, endpoint);
	}

	@Override
	public String estimate(java.util.Map<QueryWindow, List<PairMapping>> pairs, ParityProperties properties) {
		return Costed.calls(this, pairs, properties);
	}

	/** GetMetricData is billed per metric requested. */
	@Override
	public String price(ParityProperties properties, long calls, long metricsRequested) {
		ListPrice price = CloudWatchSettings.of(properties).price();
		return price.of(metricsRequested) + " at " + price.per("metrics requested");
	}

	@Override
	public Object settings(dev.dualrun.parity.config.SettingsBinder binder) {
		return CloudWatchSettings.bind(binder);
	}

	@Override
	public String grafanaDatasource() {
		return "cloudwatch";
	}

	/**
	 * Grafana's CloudWatch queries: the metric with its statistic and exact dimensions;
	 * for a metric-math expression, each metric it names as a hidden query of that id and
	 * the expression over them. CloudWatch stamps each period at its start, as the
	 * validator does.
	 */
	@Override
	public List<java.util.Map<String, Object>> grafanaQueries(PairMapping pair, String refId, String datasourceUid) {
		if (!(pair.old() instanceof CloudWatchQuery q)) {
			return List.of();
		}
		if (!q.hasExpression()) {
			java.util.Map<String, Object> t = grafanaMetric(refId, datasourceUid, pair, q.namespace(), q.metricName(),
					q.dimensions(), q.statistic().toString());
			t.put("label", pair.id() + " (CloudWatch)");
			return List.of(t);
		}
		List<java.util.Map<String, Object>> out = new java.util.ArrayList<>();
		for (CloudWatchQuery.ExpressionMetric m : q.metrics()) {
			java.util.Map<String, Object> t = grafanaMetric(refId + "_" + m.id(), datasourceUid, pair, m.namespace(),
					m.metricName(), m.dimensions(), m.statistic().toString());
			t.put("id", m.id());
			t.put("hide", true);
			out.add(t);
		}
		java.util.Map<String, Object> e = grafanaBase(refId, datasourceUid, pair);
		e.put("metricEditorMode", 1);
		e.put("expression", q.expression());
		e.put("id", "");
		e.put("label", pair.id() + " (CloudWatch)");
		out.add(e);
		return out;
	}

	private java.util.Map<String, Object> grafanaBase(String refId, String uid, PairMapping pair) {
		java.util.Map<String, Object> t = new java.util.LinkedHashMap<>();
		t.put("refId", refId);
		t.put("datasource", java.util.Map.of("type", grafanaDatasource(), "uid", uid));
		t.put("region", "default");
		t.put("period", String.valueOf(pair.period().toSeconds()));
		t.put("matchExact", true);
		t.put("queryMode", "Metrics");
		t.put("metricQueryType", 0);
		return t;
	}

	private java.util.Map<String, Object> grafanaMetric(String refId, String uid, PairMapping pair, String namespace,
			String metric, java.util.SortedMap<String, String> dimensions, String statistic) {
		java.util.Map<String, Object> t = grafanaBase(refId, uid, pair);
		t.put("metricEditorMode", 0);
		t.put("namespace", namespace);
		t.put("metricName", metric);
		java.util.Map<String, Object> dims = new java.util.LinkedHashMap<>();
		dimensions.forEach((k, v) -> dims.put(k, List.of(v)));
		t.put("dimensions", dims);
		t.put("statistic", statistic);
		t.put("id", "");
		t.put("expression", "");
		return t;
	}

	/** The metrics of the account (and its linked accounts) through ListMetrics. */
	@Override
	public Inventory inventory(ParityProperties properties, InventoryQuery query) {
		CloudWatchSettings settings = CloudWatchSettings.of(properties);
		try (CloudWatchClient client = CloudWatchClientFactory.create(settings,
				new CloudWatchClientFactory.AttemptCounter())) {
			String location = (settings.endpoint() != null) ? settings.endpoint()
					: "region " + client.serviceClientConfiguration().region().id();
			return CloudWatchInventory.list(client, location, query);
		}
	}

	@Override
	public String listedBy() {
		return "CloudWatch ListMetrics";
	}

	/**
	 * CloudWatch's GetMetricData quota holds per account and region: the pair's region,
	 * else the run's (the credentials name the account).
	 */
	@Override
	public String quotaScope(PairMapping pair, ParityProperties properties) {
		String region = CloudWatchSource.query(pair).region();
		if (region == null) {
			region = CloudWatchSettings.of(properties).region();
		}
		return "cloudwatch " + ((region != null && !region.isBlank()) ? region.strip() : "default-region");
	}

	@Override
	public ParityProperties share(ParityProperties properties, double share) {
		return properties.withSource(CloudWatchSettings.of(properties).shared(share));
	}

	@Override
	public int concurrency(ParityProperties properties) {
		return CloudWatchSettings.of(properties).concurrency();
	}

	@Override
	public long minimumCalls(List<PairMapping> pairs, QueryWindow window) {
		return CallPlanner.minimumCalls(pairs.size(), window.count());
	}

	@Override
	public List<List<PairMapping>> calls(List<PairMapping> pairs, QueryWindow window) {
		return CallPlanner.plan(pairs, window.count());
	}

	/**
	 * Rule 1: CloudWatch keeps sub-minute data 3 hours, one-minute data 15 days,
	 * five-minute data 63 days; older data only exists at the coarser period.
	 */
	@Override
	public String windowProblem(PairMapping pair, QueryWindow window, Instant now) {
		long p = pair.period().toSeconds();
		Duration age = Duration.between(window.start(), now);
		if (p < 60 && age.compareTo(Duration.ofHours(3)) > 0) {
			return "CloudWatch keeps sub-minute data 3 hours";
		}
		if (p % 300 != 0 && age.compareTo(Duration.ofDays(15)) > 0) {
			return "CloudWatch keeps one-minute data 15 days: use a multiple of 5m";
		}
		if (p % 3600 != 0 && age.compareTo(Duration.ofDays(63)) > 0) {
			return "CloudWatch keeps five-minute data 63 days: use a multiple of 1h";
		}
		if (age.compareTo(Duration.ofDays(455)) > 0) {
			return "CloudWatch keeps metrics 15 months";
		}
		return null;
	}

	/** The metric in the CloudWatch console, for real AWS only. */
	@Override
	public String link(PairMapping pair, Instant start, Instant end, long periodSeconds, String location,
			String region) {
		if (!(pair.old() instanceof CloudWatchQuery q)) {
			return null;
		}
		// the pair's own region, else the run's (the first it names)
		String in = (q.region() != null) ? q.region() : (region != null) ? region.split(",")[0].strip() : null;
		return ConsoleLink.of(in, location, q, start, end, periodSeconds);
	}

}
