package dev.dualrun.parity.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * The demo's dual run: a seeded Flask app (latency by endpoint and method, request and
 * error counts) and two host gauges, published to a CloudWatch-compatible server through
 * the real SDK, an application gateway and a virtual machine on an
 * Azure-Monitor-compatible server, all simulated on the Prometheus side. Ten pairs are
 * equivalent under realistic noise; four carry an injected discrepancy (bias, gap,
 * one-period shift, unit x1000), listed in {@link #expectations()}.
 */
public final class DemoScenario {

	/**
	 * What the job should find for a pair.
	 *
	 * @param pairId the pair
	 * @param verdict PASS or FAIL
	 * @param diagnosis the diagnosis code expected first for a FAIL, or null
	 * @param injected what was injected, in words
	 */
	public record Expectation(String pairId, String verdict, String diagnosis, String injected) {

	}

	private static final String NS = "FlaskApp";

	private static final FlaskSimulation.Endpoint ROOT = new FlaskSimulation.Endpoint("/", "GET", 120, 0.045, 0.002);

	private static final FlaskSimulation.Endpoint ORDERS_GET = new FlaskSimulation.Endpoint("/api/orders", "GET", 60,
			0.120, 0.002);

	private static final FlaskSimulation.Endpoint ORDERS_POST = new FlaskSimulation.Endpoint("/api/orders", "POST", 30,
			0.250, 0.02);

	private static final FlaskSimulation.Endpoint USERS = new FlaskSimulation.Endpoint("/api/users", "GET", 80, 0.080,
			0.002);

	private static final long PERIOD = 300;

	private final long seed;

	private final List<Expectation> expectations = new ArrayList<>();

	private final StringBuilder yaml = new StringBuilder();

	private final Map<String, TreeMap<Long, Double>> prometheus = new LinkedHashMap<>();

	private long putCalls;

	public DemoScenario(long seed) {
		this.seed = seed;
	}

	/**
	 * @return what the job should find, pair by pair
	 */
	public List<Expectation> expectations() {
		return List.copyOf(this.expectations);
	}

	/**
	 * What the job should find for an alert pair.
	 *
	 * @param alertId the alert pair
	 * @param verdict PASS, FAIL or NO_EPISODES
	 * @param finding the finding code expected first for a FAIL, or null
	 * @param injected what was injected, in words
	 */
	public record AlertExpectation(String alertId, String verdict, String finding, String injected) {

	}

	private final List<AlertExpectation> alertExpectations = new ArrayList<>();

	/**
	 * @return what the job should find, alert pair by alert pair
	 */
	public List<AlertExpectation> alertExpectations() {
		return List.copyOf(this.alertExpectations);
	}

	/**
	 * @return PutMetricData calls made while loading
	 */
	public long putCalls() {
		return this.putCalls;
	}

	/**
	 * Simulates 26 hours up to {@code now}, publishes the CloudWatch side, registers the
	 * Prometheus side and writes the mapping file.
	 * @param cloudwatch an SDK client pointed at the CloudWatch-compatible server
	 * @param azure the Azure-Monitor-compatible server, filled with the Azure side
	 * @param prometheus the Prometheus-compatible endpoint
	 * @param edge the edge's Prometheus-compatible endpoint, which feeds the first
	 * @param now the current time
	 * @param mappingFile where to write the mapping
	 */
	public void load(CloudWatchClient cloudwatch, AzureMonitorCompatibleServer azure, DemoPrometheusServer prometheus,
			DemoPrometheusServer edge, Instant now, Path mappingFile) {
		long end = now.toEpochMilli();
		long start = Math.floorDiv(end - 26 * 3_600_000L, PERIOD * 1000) * PERIOD * 1000;
		FlaskSimulation sim = new FlaskSimulation(this.seed, start, end);
		header();
		Map<FlaskSimulation.Endpoint, FlaskSimulation.Requests> requests = new LinkedHashMap<>();
		List<MetricDatum> data = new ArrayList<>();
		for (FlaskSimulation.Endpoint e : List.of(ROOT, ORDERS_GET, ORDERS_POST, USERS)) {
			FlaskSimulation.Requests r = sim.requests(e);
			requests.put(e, r);
			CloudWatchPublishing.latency(r, "EndpointLatency", "Seconds", 1, data);
			CloudWatchPublishing.errors(r, data);
		}
		CloudWatchPublishing.latency(requests.get(ORDERS_POST), "PaymentLatency", "Milliseconds", 1000, data);
		double[] queue = sim.gauge(50, 20, 0.6);
		double[] cpu = sim.gauge(45, 15, 3);
		CloudWatchPublishing.gauge(sim, queue, "QueueDepth", "Queue", "orders", "Count", true, data);
		CloudWatchPublishing.gauge(sim, cpu, "CPUUtilization", "Host", "web-1", "Percent", false, data);
		this.putCalls += CloudWatchPublishing.publish(cloudwatch, data);

		FlaskSimulation.Scraped root = sim.scrape(requests.get(ROOT));
		FlaskSimulation.Scraped ordersGet = sim.scrape(requests.get(ORDERS_GET));
		FlaskSimulation.Scraped ordersPost = sim.scrape(requests.get(ORDERS_POST));
		FlaskSimulation.Scraped users = sim.scrape(requests.get(USERS));
		average("latency-root-get", "Mean latency of GET /", ROOT, root, sim, 1, "EndpointLatency", "Seconds", null,
				"PASS", null, null);
		average("latency-orders-post", "Mean latency of POST /api/orders", ORDERS_POST, ordersPost, sim, 1,
				"EndpointLatency", "Seconds", null, "PASS", null, null);
		count("requests-root-get", "Requests per 5 min to GET /", ROOT, root, sim, "", (v) -> v, "PASS", null, null);
		count("requests-orders-post", "Requests per 5 min to POST /api/orders", ORDERS_POST, ordersPost, sim, "",
				(v) -> v, "PASS", null, null);
		percentile(sim, users);
		errors(sim, ordersPost);
		gauges(sim, queue, cpu);
		average("latency-users-get", "Mean latency of GET /api/users", USERS, users, sim, 1.06, "EndpointLatency",
				"Seconds", null, "FAIL", "BIAS", "bias: the exporter's latency is 6 % high");
		gap(sim, requests.get(ORDERS_GET));
		count("requests-users-get", "Requests per 5 min to GET /api/users", USERS, users, sim, " offset ${period}",
				(v) -> v, "FAIL", "SHIFT", "shift: an 'offset' in the PromQL moves Prometheus one period late");
		average("payment-latency-orders-post", "Payment latency of POST /api/orders (CloudWatch in ms)", ORDERS_POST,
				ordersPost, sim, 1, "PaymentLatency", "Milliseconds", "1    # wrong: Prometheus is in seconds", "FAIL",
				"UNIT_FACTOR", "unit: Prometheus seconds vs CloudWatch Milliseconds, unit-factor left at 1");
		azure(sim, requests.get(ROOT), root, azure);
		edge(sim, List.of(ordersPost, ordersGet, users), edge, prometheus);
		List<MetricDatum> pool = new ArrayList<>();
		alertSignals(sim, ordersPost, pool);
		this.putCalls += CloudWatchPublishing.publish(cloudwatch, pool);
		for (var e : this.prometheus.entrySet()) {
			prometheus.register(e.getKey(), Map.of(), e.getValue());
		}
		alerts(cloudwatch, prometheus, now);
		describeForDiscovery(prometheus);
		writeMapping(mappingFile);
		writeRules(prometheus, rules(mappingFile));
	}

	/**
	 * @param mappingFile the demo's mapping file
	 * @return the rule file its Prometheus loaded, beside it
	 */
	public static Path rules(Path mappingFile) {
		return mappingFile.resolveSibling("rules.yml");
	}

	private static void writeRules(DemoPrometheusServer prometheus, Path file) {
		prometheus.ruleFileAt(file);
		try {
			Files.writeString(file, prometheus.ruleFile(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The series the app, node_exporter and the ingress controller expose, for discover.
	 */
	private static void describeForDiscovery(DemoPrometheusServer prometheus) {
		for (FlaskSimulation.Endpoint e : List.of(ROOT, ORDERS_GET, ORDERS_POST, USERS)) {
			for (String status : List.of("200", "500")) {
				Map<String, String> labels = Map.of("path", e.path(), "method", e.method(), "status", status, "job",
						"flask", "instance", "web-1:8000");
				for (String suffix : List.of("_count", "_sum")) {
					prometheus.describe("flask_http_request_duration_seconds" + suffix, labels);
				}
				for (double le : FlaskSimulation.BUCKETS) {
					Map<String, String> bucket = new java.util.TreeMap<>(labels);
					bucket.put("le", Double.isInfinite(le) ? "+Inf" : Double.toString(le));
					prometheus.describe("flask_http_request_duration_seconds_bucket", bucket);
				}
			}
		}
		prometheus.describe("app_queue_depth", Map.of("queue", "orders", "job", "flask", "instance", "web-1:8000"));
		prometheus.describe("db_pool_usage_percent", Map.of("host", "web-1", "job", "flask", "instance", "web-1:8000"));
		for (String host : List.of("web-1", "web-2")) {
			prometheus.describe("node_cpu_utilization_percent",
					Map.of("host", host, "job", "node", "instance", host + ":9100"));
		}
		prometheus.describe("nginx_ingress_controller_requests",
				Map.of("ingress", "shop", "path", "/", "job", "ingress-nginx"));
	}

	/** Writes the mapping and its exclusions. */
	private void writeMapping(Path mappingFile) {
		try {
			Files.createDirectories(mappingFile.toAbsolutePath().getParent());
			Files.writeString(mappingFile, this.yaml.toString(), StandardCharsets.UTF_8);
			Files.writeString(mappingFile.toAbsolutePath().resolveSibling("exclusions.yml"), """
					# Old-side metrics left out of the migration on purpose (coverage, signoff).
					exclusions:
					  - namespace: FlaskApp
					    metric: Errors
					    dimensions: { Endpoint: "/" }
					    reason: errors of GET / are alerted on from the load balancer's logs
					    owner: sre-team
					    expires: 2099-12-31
					""", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the demo mapping " + mappingFile, ex);
		}
	}

	private void header() {
		this.yaml.append("""
				# Demo mapping: a Flask app and two host gauges migrated from CloudWatch to Prometheus, and a
				# gateway and a VM migrated from Azure Monitor.
				# Written by `parity-validator demo` (seed %d). Each pair: the CloudWatch metric and the
				# PromQL that should reproduce it. ${period} in a query is replaced by the pair's period.
				version: 1
				defaults:
				  period: 5m            # one period per pair; Prometheus step = period (rule 1)
				pairs:
				""".formatted(this.seed));
	}

	private void average(String id, String description, FlaskSimulation.Endpoint e, FlaskSimulation.Scraped s,
			FlaskSimulation sim, double skew, String metric, String unit, String unitFactor, String verdict,
			String diagnosis, String injected) {
		String sel = selector(e, "");
		String promql = "sum by (path, method) (increase(flask_http_request_duration_seconds_sum" + sel
				+ "[${period}]))\n  / sum by (path, method) (increase(flask_http_request_duration_seconds_count" + sel
				+ "[${period}]))";
		TreeMap<Long, Double> values = new TreeMap<>();
		for (long t = sim.firstGrid(PERIOD); t * 1000 <= sim.endMillis(); t += PERIOD) {
			double sum = PromQlModel.increase(s.times(), s.sum(), t * 1000, PERIOD * 1000);
			double count = PromQlModel.increase(s.times(), s.count(), t * 1000, PERIOD * 1000);
			if (!Double.isNaN(sum) && !Double.isNaN(count)) {
				values.put(t, (count == 0) ? Double.NaN : sum / count * skew);
			}
		}
		pair(id, description, metric, e, "Average", unit, promql, null, unitFactor, null, values, verdict, diagnosis,
				injected);
	}

	private void count(String id, String description, FlaskSimulation.Endpoint e, FlaskSimulation.Scraped s,
			FlaskSimulation sim, String offset, DoubleUnaryOperator skew, String verdict, String diagnosis,
			String injected) {
		String promql = "sum by (path, method) (increase(flask_http_request_duration_seconds_count" + selector(e, "")
				+ "[${period}]" + offset + "))";
		TreeMap<Long, Double> values = increases(sim, s, offset.isEmpty() ? 0 : PERIOD, skew);
		pair(id, description, "EndpointLatency", e, "SampleCount", "Seconds", promql, null, null, null, values, verdict,
				diagnosis, injected);
		if (!offset.isEmpty()) {
			// the query as its written fix has it (the offset removed), so that running
			// the fixed pair again shows the fix
			this.prometheus.put(promql.replace(offset, "").replace("${period}", "5m"), increases(sim, s, 0, skew));
		}
	}

	/** increase() of a counter per period, read {@code lag} seconds late. */
	private static TreeMap<Long, Double> increases(FlaskSimulation sim, FlaskSimulation.Scraped s, long lag,
			DoubleUnaryOperator skew) {
		TreeMap<Long, Double> values = new TreeMap<>();
		for (long t = sim.firstGrid(PERIOD); t * 1000 <= sim.endMillis(); t += PERIOD) {
			double v = PromQlModel.increase(s.times(), s.count(), (t - lag) * 1000, PERIOD * 1000);
			if (!Double.isNaN(v)) {
				values.put(t, skew.applyAsDouble(v));
			}
		}
		return values;
	}

	private void gap(FlaskSimulation sim, FlaskSimulation.Requests r) {
		FlaskSimulation.Scraped s = sim.scrape(r);
		long gapStart = sim.startMillis() + 14 * 3_600_000L;
		long gapEnd = gapStart + 45 * 60_000L;
		List<Integer> keep = new ArrayList<>();
		for (int i = 0; i < s.times().length; i++) {
			if (s.times()[i] < gapStart || s.times()[i] >= gapEnd) {
				keep.add(i);
			}
		}
		long[] times = keep.stream().mapToLong((i) -> s.times()[i]).toArray();
		double[] counts = keep.stream().mapToDouble((i) -> s.count()[i]).toArray();
		FlaskSimulation.Scraped gappy = new FlaskSimulation.Scraped(times, counts, counts, counts, new double[0][]);
		count("requests-orders-get", "Requests per 5 min to GET /api/orders", ORDERS_GET, gappy, sim, "", (v) -> v,
				"FAIL", "GAP_NEW", "gap: the scrape target was down for 45 minutes");
	}

	private void percentile(FlaskSimulation sim, FlaskSimulation.Scraped s) {
		String promql = "histogram_quantile(0.95,\n  sum by (le, path, method) (increase(flask_http_request_duration_seconds_bucket"
				+ selector(USERS, "") + "[${period}])))";
		TreeMap<Long, Double> values = new TreeMap<>();
		int b = FlaskSimulation.BUCKETS.length;
		for (long t = sim.firstGrid(PERIOD); t * 1000 <= sim.endMillis(); t += PERIOD) {
			double[] cumulative = new double[b];
			boolean any = true;
			for (int k = 0; k < b; k++) {
				double[] series = new double[s.times().length];
				for (int j = 0; j < series.length; j++) {
					series[j] = s.buckets()[j][k];
				}
				cumulative[k] = PromQlModel.increase(s.times(), series, t * 1000, PERIOD * 1000);
				any &= !Double.isNaN(cumulative[k]);
			}
			if (any) {
				values.put(t, PromQlModel.histogramQuantile(0.95, FlaskSimulation.BUCKETS, cumulative));
			}
		}
		pair("latency-p95-users-get", "95th percentile latency of GET /api/users", "EndpointLatency", USERS, "p95",
				"Seconds", promql, null, null, null, values, "PASS", null, null);
	}

	private void errors(FlaskSimulation sim, FlaskSimulation.Scraped s) {
		String promql = "sum by (path, method) (increase(flask_http_request_duration_seconds_count"
				+ selector(ORDERS_POST, ",status=~\"5..\"") + "[${period}]))";
		TreeMap<Long, Double> values = new TreeMap<>();
		for (long t = sim.firstGrid(PERIOD); t * 1000 <= sim.endMillis(); t += PERIOD) {
			double v = PromQlModel.increase(s.times(), s.errors(), t * 1000, PERIOD * 1000);
			if (!Double.isNaN(v)) {
				values.put(t, v);
			}
		}
		pair("errors-orders-post", "5xx answers per 5 min of POST /api/orders", "Errors", ORDERS_POST, "Sum", "Count",
				promql, null, null, null, values, "PASS", null, null);
		this.yaml.append("    published-when-non-zero: true   # the app publishes Errors only when there are some\n");
	}

	private void gauges(FlaskSimulation sim, double[] queue, double[] cpu) {
		pairGauge("queue-depth-max", "Deepest orders queue per minute", "QueueDepth", "Queue", "orders", "Maximum",
				"Count", "max by (queue) (max_over_time(app_queue_depth{queue=\"orders\"}[${period}]))",
				sim.overTime(queue, 60, true));
		pairGauge("cpu-average", "Mean CPU of web-1 per minute", "CPUUtilization", "Host", "web-1", "Average",
				"Percent", "avg by (host) (avg_over_time(node_cpu_utilization_percent{host=\"web-1\"}[${period}]))",
				sim.overTime(cpu, 60, false));
	}

	private void pairGauge(String id, String description, String metric, String dim, String value, String stat,
			String unit, String promql, TreeMap<Long, Double> values) {
		this.yaml.append("  - id: ").append(id).append("\n    description: ").append(description).append('\n');
		this.yaml.append("    period: 1m\n    cloudwatch:\n      namespace: Host\n      metric: ").append(metric);
		this.yaml.append("\n      dimensions: { ").append(dim).append(": ").append(value).append(" }\n");
		this.yaml.append("      statistic: ").append(stat).append("\n      unit: ").append(unit).append('\n');
		this.yaml.append("    prometheus:\n      query: '").append(promql).append("'\n");
		if (stat.equals("Average")) {
			this.yaml
				.append("    # avg_over_time sees 4 scrapes a minute; CloudWatch averages 60 one-second samples\n");
			this.yaml.append("    tolerance: { relative: 0.08 }\n");
		}
		this.prometheus.put(promql.replace("${period}", "1m"), values);
		this.expectations.add(new Expectation(id, "PASS", null, null));
	}

	private void pair(String id, String description, String metric, FlaskSimulation.Endpoint e, String stat,
			String unit, String promql, String period, String unitFactor, String tolerance,
			TreeMap<Long, Double> values, String verdict, String diagnosis, String injected) {
		this.yaml.append("  - id: ").append(id).append('\n');
		if (injected != null) {
			this.yaml.append("    # injected discrepancy: ").append(injected).append('\n');
		}
		this.yaml.append("    description: ").append(description).append('\n');
		if (period != null) {
			this.yaml.append("    period: ").append(period).append('\n');
		}
		this.yaml.append("    cloudwatch:\n      namespace: ").append(NS).append("\n      metric: ").append(metric);
		this.yaml.append("\n      dimensions: { Endpoint: \"")
			.append(e.path())
			.append("\", Method: ")
			.append(e.method());
		this.yaml.append(" }\n      statistic: ").append(stat).append("\n      unit: ").append(unit).append('\n');
		this.yaml.append("    prometheus:\n      query: |\n");
		for (String line : promql.split("\n")) {
			this.yaml.append("        ").append(line).append('\n');
		}
		if (unitFactor != null) {
			this.yaml.append("    unit-factor: ").append(unitFactor).append('\n');
		}
		if (tolerance != null) {
			this.yaml.append("    tolerance: ").append(tolerance).append('\n');
		}
		this.prometheus.put(promql.replace("${period}", "5m"), values);
		this.expectations.add(new Expectation(id, verdict, diagnosis, injected));
	}

	private static final String POOL = "db_pool_usage_percent{host=\"web-1\"}";

	/**
	 * The database connection pool of web-1, in percent of its size: about 40 % with
	 * three saturations (25, 40 and 15 minutes at 97 %), each starting on a minute; and
	 * its metric pair. Also the Prometheus side of the errors alert, per minute.
	 * @return the pool's usage per second
	 */
	private double[] alertSignals(FlaskSimulation sim, FlaskSimulation.Scraped ordersPost, List<MetricDatum> data) {
		double[] usage = sim.gauge(40, 4, 0.5);
		long[][] incidents = { { 5 * 60, 25 }, { 13 * 60 + 20, 40 }, { 19 * 60 + 40, 15 } };
		for (long[] incident : incidents) {
			for (int i = 0; i < incident[1] * 60; i++) {
				int at = (int) (incident[0] * 60 + i);
				if (at < usage.length) {
					usage[at] = 97 + 0.5 * Math.sin(i / 7.0);
				}
			}
		}
		CloudWatchPublishing.gauge(sim, usage, "ConnectionPoolUsage", "Host", "web-1", "Percent", true, data);
		pairGauge("pool-usage-max", "Fullest database connection pool of web-1 per minute", "ConnectionPoolUsage",
				"Host", "web-1", "Maximum", "Percent", "max by (host) (max_over_time(" + POOL + "[${period}]))",
				sim.overTime(usage, 60, true));
		this.prometheus.put("avg by (host) (avg_over_time(" + POOL + "[1m]))", sim.overTime(usage, 60, false));
		TreeMap<Long, Double> ratio = new TreeMap<>();
		sim.overTime(usage, 60, false).forEach((t, v) -> ratio.put(t, v / 100));
		this.prometheus.put("avg by (host) (avg_over_time(db_pool_usage_ratio{host=\"web-1\"}[1m]))", ratio);
		TreeMap<Long, Double> errors = new TreeMap<>();
		for (long t = sim.firstGrid(60); t * 1000 <= sim.endMillis(); t += 60) {
			double v = PromQlModel.increase(ordersPost.times(), ordersPost.errors(), t * 1000, 60_000);
			if (!Double.isNaN(v)) {
				errors.put(t, v);
			}
		}
		this.prometheus.put(ERRORS_1M, errors);
		return usage;
	}

	private static final String ERRORS_1M = "sum by (path, method) (increase(flask_http_request_duration_seconds_count"
			+ selector(ORDERS_POST, ",status=~\"5..\"") + "[1m]))";

	/**
	 * Five alarms on the CloudWatch-compatible server (which evaluates them) and the
	 * alerting rules meant to replace them on the Prometheus side, with the ALERTS they
	 * wrote: one equivalent, three with an injected defect, and one that never came near
	 * its threshold.
	 */
	private void alerts(CloudWatchClient cloudwatch, DemoPrometheusServer prometheus, Instant now) {
		long minute = now.getEpochSecond() / 60 * 60;
		long fiveMinutes = now.getEpochSecond() / 300 * 300;
		String max = "max by (host) (max_over_time(" + POOL + "[1m]))";
		String avg = "avg by (host) (avg_over_time(" + POOL + "[1m]))";
		String ratio = "avg by (host) (avg_over_time(db_pool_usage_ratio{host=\"web-1\"}[1m]))";
		String p95 = "histogram_quantile(0.95,\n  sum by (le, path, method) (increase(flask_http_request_duration_seconds_bucket"
				+ selector(USERS, "") + "[5m])))";
		alarm(cloudwatch, "pool-saturation-page", "Host", "ConnectionPoolUsage", "Host", "web-1", "Maximum", null, 60,
				3, 3, 90, "missing", "Percent");
		alarm(cloudwatch, "pool-saturation-ticket", "Host", "ConnectionPoolUsage", "Host", "web-1", "Average", null, 60,
				5, 5, 80, "missing", "Percent");
		alarm(cloudwatch, "pool-usage-high", "Host", "ConnectionPoolUsage", "Host", "web-1", "Average", null, 60, 3, 3,
				85, "missing", "Percent");
		alarm(cloudwatch, "orders-errors", NS, "Errors", ORDERS_POST, "Sum", null, 60, 3, 3, 5, "breaching", "Count");
		alarm(cloudwatch, "users-latency-p95", NS, "EndpointLatency", USERS, null, "p95", 300, 2, 2, 1.0, "missing",
				"Seconds");
		prometheus.alertingRule("pool", 60, minute, "PoolSaturationPage", max, ">", 90, 120);
		prometheus.alertingRule("pool", 60, minute, "PoolSaturationTicket", avg, ">", 80, 1800);
		prometheus.alertingRule("pool", 60, minute, "PoolUsageHigh", ratio, ">", 85, 120);
		prometheus.alertingRule("shop", 60, minute, "OrdersErrors", ERRORS_1M, ">", 5, 120);
		prometheus.alertingRule("shop", 300, fiveMinutes, "UsersLatencyP95", p95, ">", 1.0, 300);
		this.yaml.append("""
				# Alert pairs: each CloudWatch alarm and the alerting rule that replaces it. The job replays both
				# on the window's data and reads what each recorded (alarm history, ALERTS).
				alerts:
				  - id: pool-saturation-page
				    description: Page when web-1's connection pool is full for 3 minutes
				    cloudwatch: { alarm: pool-saturation-page }
				    prometheus: { alert: PoolSaturationPage }
				  - id: pool-saturation-ticket
				    # injected defect: 'for: 30m' where the alarm waits 5 of 5 minutes
				    description: Ticket when web-1's connection pool stays above 80 % for 5 minutes
				    cloudwatch: { alarm: pool-saturation-ticket }
				    prometheus: { alert: PoolSaturationTicket, group: pool }
				  - id: pool-usage-high
				    # injected defect: the rule reads the pool as a ratio (0-1) but kept the alarm's 85 (percent)
				    description: Warn when web-1's connection pool is above 85 %
				    cloudwatch: { alarm: pool-usage-high }
				    prometheus: { alert: PoolUsageHigh }
				  - id: orders-errors
				    # injected defect: the app publishes Errors only when there are some, and the alarm
				    # treats missing data as breaching
				    description: Page on more than 5 errors a minute of POST /api/orders
				    cloudwatch: { alarm: orders-errors }
				    prometheus: { alert: OrdersErrors }
				  - id: users-latency-p95
				    description: Page when GET /api/users is slower than 1 s at the 95th percentile
				    cloudwatch: { alarm: users-latency-p95 }
				    prometheus: { alert: UsersLatencyP95 }
				""");
		this.alertExpectations.add(new AlertExpectation("pool-saturation-page", "PASS", null, null));
		this.alertExpectations.add(new AlertExpectation("pool-saturation-ticket", "FAIL", "FOR_TOO_LONG",
				"for: 30m where the alarm waits 5 of 5 minutes"));
		this.alertExpectations.add(new AlertExpectation("pool-usage-high", "FAIL", "THRESHOLD_UNIT_FACTOR",
				"the rule reads a ratio and kept the alarm's percent"));
		this.alertExpectations.add(new AlertExpectation("orders-errors", "FAIL", "MISSING_DATA_TREATMENT",
				"missing data as breaching on a metric published only when non-zero"));
		this.alertExpectations.add(new AlertExpectation("users-latency-p95", "NO_EPISODES", null, null));
	}

	private static void alarm(CloudWatchClient cloudwatch, String name, String namespace, String metric, String dim,
			String value, String statistic, String extended, int period, int n, int m, double threshold, String treat,
			String unit) {
		alarm(cloudwatch, name, namespace, metric, List
			.of(software.amazon.awssdk.services.cloudwatch.model.Dimension.builder().name(dim).value(value).build()),
				statistic, extended, period, n, m, threshold, treat, unit);
	}

	private static void alarm(CloudWatchClient cloudwatch, String name, String namespace, String metric,
			FlaskSimulation.Endpoint e, String statistic, String extended, int period, int n, int m, double threshold,
			String treat, String unit) {
		alarm(cloudwatch, name, namespace, metric,
				List.of(software.amazon.awssdk.services.cloudwatch.model.Dimension.builder()
					.name("Endpoint")
					.value(e.path())
					.build(),
						software.amazon.awssdk.services.cloudwatch.model.Dimension.builder()
							.name("Method")
							.value(e.method())
							.build()),
				statistic, extended, period, n, m, threshold, treat, unit);
	}

	private static void alarm(CloudWatchClient cloudwatch, String name, String namespace, String metric,
			List<software.amazon.awssdk.services.cloudwatch.model.Dimension> dimensions, String statistic,
			String extended, int period, int n, int m, double threshold, String treat, String unit) {
		cloudwatch.putMetricAlarm((b) -> {
			b.alarmName(name)
				.namespace(namespace)
				.metricName(metric)
				.dimensions(dimensions)
				.period(period)
				.evaluationPeriods(n)
				.datapointsToAlarm(m)
				.threshold(threshold)
				.comparisonOperator(
						software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator.GREATER_THAN_THRESHOLD)
				.treatMissingData(treat)
				.unit(unit);
			if (extended != null) {
				b.extendedStatistic(extended);
			}
			else {
				b.statistic(statistic);
			}
		});
	}

	/** The demo's Azure subscription. */
	static final String SUBSCRIPTION = "8d2f6c1e-5a7b-4c3d-9e0f-00000000de70";

	private static final String GROUP = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/shop/providers/";

	/**
	 * The part of the shop still on Azure: its application gateway counts the requests to
	 * GET / (now counted by the ingress controller), and virtual machine web-2 reports
	 * its CPU (now node_exporter's). Published as Azure Monitor holds platform metrics,
	 * one aggregate a minute.
	 */
	private void azure(FlaskSimulation sim, FlaskSimulation.Requests requests, FlaskSimulation.Scraped scraped,
			AzureMonitorCompatibleServer azure) {
		String gateway = GROUP + "Microsoft.Network/applicationGateways/shop-gw";
		TreeMap<Long, Double> perMinute = new TreeMap<>();
		for (long t : requests.times()) {
			perMinute.merge(t - t % 60_000, 1.0, Double::sum);
		}
		perMinute.forEach((minute, n) -> azure.publish(gateway, "westeurope", "Microsoft.Network/applicationGateways",
				"TotalRequests", "Count", Map.of(), Instant.ofEpochMilli(minute), 1, n, n, n));
		String query = "sum(increase(nginx_ingress_controller_requests{ingress=\"shop\",path=\"/\"}[${period}]))";
		TreeMap<Long, Double> values = new TreeMap<>();
		for (long t = sim.firstGrid(PERIOD); t * 1000 <= sim.endMillis(); t += PERIOD) {
			double v = PromQlModel.increase(scraped.times(), scraped.count(), t * 1000, PERIOD * 1000);
			if (!Double.isNaN(v)) {
				values.put(t, v);
			}
		}
		this.yaml.append("""
				  - id: azure-gateway-requests
				    description: Requests per 5 min to GET / (Azure Application Gateway, now the ingress controller)
				    azure-monitor:
				      resource: %s
				      metric: TotalRequests
				      aggregation: Total
				      region: westeurope      # read with the regional batch API, metrics:getBatch
				      unit: Count
				    prometheus:
				      query: '%s'
				""".formatted(gateway, query));
		this.prometheus.put(query.replace("${period}", "5m"), values);
		this.expectations.add(new Expectation("azure-gateway-requests", "PASS", null, null));

		String vm = GROUP + "Microsoft.Compute/virtualMachines/web-2";
		double[] cpu = sim.gauge(45, 12, 2);
		for (FlaskSimulation.Minute m : FlaskSimulation.minutes(cpu)) {
			azure.publish(vm, "westeurope", "Microsoft.Compute/virtualMachines", "Percentage CPU", "Percent", Map.of(),
					Instant.ofEpochMilli(sim.startMillis() + m.offsetSeconds() * 1000L), 60, m.sum(), m.min(), m.max());
		}
		String cpuQuery = "avg by (host) (avg_over_time(node_cpu_utilization_percent{host=\"web-2\"}[${period}]))";
		this.yaml.append("""
				  - id: azure-vm-cpu-average
				    description: Mean CPU of web-2 per minute (Azure Monitor, now node_exporter)
				    period: 1m
				    azure-monitor:
				      resource: %s
				      metric: Percentage CPU
				      aggregation: Average
				      unit: Percent
				    prometheus:
				      query: '%s'
				    # avg_over_time sees 4 scrapes a minute; Azure Monitor averages the minute's samples
				    tolerance: { relative: 0.08 }
				""".formatted(vm, cpuQuery));
		this.prometheus.put(cpuQuery.replace("${period}", "1m"), sim.overTime(cpu, 60, false));
		this.expectations.add(new Expectation("azure-vm-cpu-average", "PASS", null, null));
	}

	/** The edge's external label, which its remote write adds to every series. */
	private static final Map<String, String> EDGE_LABELS = Map.of("cluster", "edge-1");

	/**
	 * Three pairs of an edge Prometheus against the store it feeds: the shop's checkouts
	 * arrive as they are; its abandoned carts are dropped on the way by a relabelling;
	 * its payment retries gain a label on the way.
	 * @param sim the simulation
	 * @param scraped the scraped requests each family counts
	 * @param edge the edge's endpoint
	 * @param centre the store's endpoint
	 */
	private void edge(FlaskSimulation sim, List<FlaskSimulation.Scraped> scraped, DemoPrometheusServer edge,
			DemoPrometheusServer centre) {
		edge.externalLabels(EDGE_LABELS);
		edgePair("edge-checkouts", "shop_checkouts_total", scraped.get(0), sim, edge, centre, Map.of(), "PASS", null,
				null);
		edgePair("edge-carts-abandoned", "shop_carts_abandoned_total", scraped.get(1), sim, edge, null, Map.of(),
				"FAIL", "FAMILY_MISSING", "the edge's write_relabel_configs drops the family on the way to the store");
		edgePair("edge-payment-retries", "shop_payment_retries_total", scraped.get(2), sim, edge, centre,
				Map.of("region", "eu"), "FAIL", "IDENTITY", "a relabelling adds region=\"eu\" on the way to the store");
	}

	private void edgePair(String id, String family, FlaskSimulation.Scraped scraped, FlaskSimulation sim,
			DemoPrometheusServer edge, DemoPrometheusServer centre, Map<String, String> addedOnTheWay, String verdict,
			String diagnosis, String injected) {
		String query = "sum(rate(" + family + "[${period}]))";
		TreeMap<Long, Double> values = new TreeMap<>();
		for (long t = sim.firstGrid(PERIOD); t * 1000 <= sim.endMillis(); t += PERIOD) {
			double v = PromQlModel.increase(scraped.times(), scraped.count(), t * 1000, PERIOD * 1000) / PERIOD;
			if (!Double.isNaN(v)) {
				values.put(t, v);
			}
		}
		Map<String, String> labels = Map.of("job", "shop", "instance", "shop-1:8080");
		edge.register(query.replace("${period}", "5m"), Map.of(), values);
		edge.describe(family, labels);
		if (centre != null) {
			this.prometheus.put(query.replace("${period}", "5m"), values);
			Map<String, String> stored = new TreeMap<>(labels);
			stored.putAll(EDGE_LABELS);
			stored.putAll(addedOnTheWay);
			centre.describe(family, stored);
		}
		this.yaml.append("  - id: ").append(id).append('\n');
		if (injected != null) {
			this.yaml.append("    # injected discrepancy: ").append(injected).append('\n');
		}
		this.yaml.append("    description: Rate of ").append(family).append(" at the edge and in the store it feeds\n");
		this.yaml.append("    edge: { query: '").append(query).append("' }\n");
		this.yaml.append("    prometheus: { query: '").append(query).append("' }\n");
		this.expectations.add(new Expectation(id, verdict, diagnosis, injected));
	}

	private static String selector(FlaskSimulation.Endpoint e, String extra) {
		return "{path=\"" + e.path() + "\",method=\"" + e.method() + "\"" + extra + "}";
	}

}
