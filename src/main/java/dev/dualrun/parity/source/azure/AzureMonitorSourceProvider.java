package dev.dualrun.parity.source.azure;

import java.util.List;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.source.Costed;
import dev.dualrun.parity.source.DashboardPanels;
import dev.dualrun.parity.source.Linked;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.QuotaShared;
import dev.dualrun.parity.source.Retained;
import dev.dualrun.parity.source.SourceProvider;

/**
 * Azure Monitor as the old side: the metrics REST API on OkHttp, from
 * {@code parity.azure.*} and the Azure credentials of the environment.
 */
public final class AzureMonitorSourceProvider implements SourceProvider, Costed, DashboardPanels, Linked, Retained,
		QuotaShared, dev.dualrun.parity.source.Linted, dev.dualrun.parity.source.Configurable {

	private static final AzureMonitorReader READER = new AzureMonitorReader();

	/** Azure Monitor keeps platform metrics 93 days. */
	static final Duration RETENTION = Duration.ofDays(93);

	@Override
	public String quota() {
		return "an Azure subscription";
	}

	@Override
	public Options options() {
		return new AzureMonitorOptions();
	}

	@Override
	public SideReader reader() {
		return READER;
	}

	@Override
	public List<dev.dualrun.parity.config.LintFinding> lint(PairMapping pair,
			dev.dualrun.parity.source.QueryShape shape) {
		return AzureMonitorLinter.lint(pair, shape);
	}

	@Override
	public String displayName() {
		return "Azure Monitor";
	}

	@Override
	public String missingDataHint() {
		return "check resource ID, metric namespace, metric name, aggregation and dimension values";
	}

	@Override
	public MetricSource open(ParityProperties properties) {
		AzureSettings settings = AzureSettings.of(properties);
		return new AzureMonitorSource(settings, AzureTokenInterceptor.of(settings, System::getenv, Clock.systemUTC()));
	}

	@Override
	public String estimate(java.util.Map<QueryWindow, java.util.List<PairMapping>> pairs, ParityProperties properties) {
		return Costed.calls(this, pairs, properties);
	}

	/** Metrics API calls are free up to a monthly allowance, then billed per call. */
	@Override
	public String price(ParityProperties properties, long calls, long metricsRequested) {
		dev.dualrun.parity.source.ListPrice price = AzureSettings.of(properties).price();
		return "at most " + price.of(calls) + ", at " + price.per("calls beyond the month's free ones");
	}

	@Override
	public Object settings(dev.dualrun.parity.config.SettingsBinder binder) {
		return AzureSettings.bind(binder);
	}

	@Override
	public String grafanaDatasource() {
		return "grafana-azure-monitor-datasource";
	}

	/**
	 * Grafana's Azure Monitor metrics query: the resource, its metric with the
	 * aggregation at the pair's time grain, the dimension values as filters; Azure
	 * Monitor stamps each grain at its start, as the validator does.
	 */
	@Override
	public java.util.List<java.util.Map<String, Object>> grafanaQueries(PairMapping pair, String refId,
			String datasourceUid) {
		if (!(pair.old() instanceof AzureMonitorQuery q)) {
			return java.util.List.of();
		}
		String[] parts = q.resource().split("/");
		String group = "";
		for (int i = 0; i + 1 < parts.length; i++) {
			if (parts[i].equalsIgnoreCase("resourceGroups")) {
				group = parts[i + 1];
			}
		}
		java.util.List<java.util.Map<String, Object>> filters = new java.util.ArrayList<>();
		q.dimensions()
			.forEach((k, v) -> filters
				.add(java.util.Map.of("dimension", k, "operator", "eq", "filters", java.util.List.of(v))));
		java.util.Map<String, Object> azure = new java.util.LinkedHashMap<>();
		azure.put("resources", java.util.List.of(java.util.Map.of("subscription", q.subscription(), "resourceGroup",
				group, "metricNamespace", q.metricNamespace(), "resourceName", q.resourceName())));
		azure.put("metricNamespace", q.metricNamespace());
		azure.put("metricName", q.metric());
		azure.put("aggregation", q.aggregation().apiName());
		azure.put("timeGrain", dev.dualrun.parity.config.Durations.iso(pair.period()));
		azure.put("dimensionFilters", filters);
		java.util.Map<String, Object> t = new java.util.LinkedHashMap<>();
		t.put("refId", refId);
		t.put("datasource", java.util.Map.of("type", grafanaDatasource(), "uid", datasourceUid));
		t.put("queryType", "Azure Monitor");
		t.put("subscription", q.subscription());
		t.put("azureMonitor", azure);
		return java.util.List.of(t);
	}

	/**
	 * Azure Resource Manager throttles reads per subscription: the subscription of the
	 * pair's resource ID, and its region when the pair is read by the regional batch API.
	 */
	@Override
	public String quotaScope(PairMapping pair, ParityProperties properties) {
		AzureMonitorQuery query = (AzureMonitorQuery) pair.old();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)^/subscriptions/([^/]+)")
			.matcher(query.resource());
		String subscription = m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "unknown-subscription";
		return "azure-monitor " + subscription + ((query.region() != null) ? " " + query.region() : "");
	}

	@Override
	public ParityProperties share(ParityProperties properties, double share) {
		return properties.withSource(AzureSettings.of(properties).shared(share));
	}

	@Override
	public int concurrency(ParityProperties properties) {
		return AzureSettings.of(properties).concurrency();
	}

	@Override
	public long minimumCalls(java.util.List<PairMapping> pairs, QueryWindow window) {
		return AzureMonitorBatches.of(pairs).size();
	}

	@Override
	public String windowProblem(PairMapping pair, QueryWindow window, Instant now) {
		Duration age = Duration.between(window.start(), now);
		return (age.compareTo(RETENTION) > 0) ? "Azure Monitor keeps metrics 93 days" : null;
	}

	/** The resource's metrics blade in the Azure portal, for real Azure only. */
	@Override
	public String link(PairMapping pair, Instant start, Instant end, long periodSeconds, String location,
			String region) {
		if (!(pair.old() instanceof AzureMonitorQuery q) || location == null
				|| !location.startsWith("https://management.azure.com")) {
			return null;
		}
		return "https://portal.azure.com/#@/resource" + q.resource() + "/metrics";
	}

}
