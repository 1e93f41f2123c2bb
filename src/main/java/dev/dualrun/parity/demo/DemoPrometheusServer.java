package dev.dualrun.parity.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Prometheus-compatible {@code /api/v1/query_range} endpoint on loopback that serves
 * the simulated Prometheus side of the demo. It is <b>not a PromQL engine</b>: it answers
 * only the exact queries registered with it (whitespace-insensitive), with the
 * precomputed value at each evaluation instant {@code start + k*step <= end}; any other
 * query gets an empty matrix, as Prometheus answers for a metric that does not exist. GET
 * and POST (form) are accepted.
 */
public final class DemoPrometheusServer implements AutoCloseable {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor;

	private final Map<String, Registered> series = new ConcurrentHashMap<>();

	private final AtomicLong requests = new AtomicLong();

	private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

	private final java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();

	private volatile SyntheticEstate synthetic;

	private volatile long delayMillis;

	/**
	 * Answers the queries of a synthetic estate besides the registered ones.
	 * @param estate the estate
	 */
	public void serve(SyntheticEstate estate) {
		this.synthetic = estate;
	}

	/**
	 * @param delay latency added to every query_range answer
	 */
	public void delay(java.time.Duration delay) {
		this.delayMillis = delay.toMillis();
	}

	private record Registered(Map<String, String> labels, NavigableMap<Long, Double> values) {

	}

	private DemoPrometheusServer(HttpServer server) {
		this.server = server;
		// enough workers for a job's concurrent requests with latency injected
		this.executor = Executors.newFixedThreadPool(64, (r) -> {
			Thread t = new Thread(r, "prometheus-compatible");
			t.setDaemon(true);
			return t;
		});
		server.setExecutor(this.executor);
		server.createContext("/api/v1/query_range", this::queryRange);
		server.createContext("/api/v1/label/", this::labelValues);
		server.createContext("/api/v1/series", (exchange) -> send(exchange, 200,
				"{\"status\":\"success\",\"data\":" + JSON.writeValueAsString(matching(exchange, false)) + "}"));
		server.createContext("/api/v1/rules",
				(exchange) -> send(exchange, 200, "{\"status\":\"success\",\"data\":{\"groups\":"
						+ JSON.writeValueAsString(this.groups.values()) + "}}"));
		// raw samples are not kept: an instant query of a range vector finds none
		server.createContext("/api/v1/query", (exchange) -> send(exchange, 200,
				"{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}"));
		server.createContext("/api/v1/status/config", (exchange) -> send(exchange, 200,
				"{\"status\":\"success\",\"data\":" + JSON.writeValueAsString(Map.of("yaml", configYaml())) + "}"));
		server.createContext("/api/v1/status/buildinfo", (exchange) -> send(exchange, 200,
				"{\"status\":\"success\",\"data\":{\"version\":\"demo (precomputed series, not a PromQL engine)\"}}"));
	}

	/**
	 * @return a running server on a free loopback port
	 * @throws IOException if no port can be bound
	 */
	public static DemoPrometheusServer start() throws IOException {
		DemoPrometheusServer s = new DemoPrometheusServer(
				HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
		s.server.start();
		return s;
	}

	/**
	 * @return the base URL
	 */
	public URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * @return query_range requests answered
	 */
	public long requests() {
		return this.requests.get();
	}

	private volatile Map<String, String> externalLabels = Map.of();

	/**
	 * @param labels the external labels its configuration names (an edge's, which its
	 * remote write adds to every series)
	 */
	public void externalLabels(Map<String, String> labels) {
		this.externalLabels = Map.copyOf(labels);
	}

	private String configYaml() {
		StringBuilder yaml = new StringBuilder("global:\n  scrape_interval: 15s\n");
		if (!this.externalLabels.isEmpty()) {
			yaml.append("  external_labels:\n");
			new TreeMap<>(this.externalLabels)
				.forEach((k, v) -> yaml.append("    ").append(k).append(": ").append(v).append('\n'));
		}
		return yaml.toString();
	}

	/** The label sets of the simulated series, for the catalog endpoints. */
	private final java.util.List<Map<String, String>> catalog = new java.util.concurrent.CopyOnWriteArrayList<>();

	/**
	 * Makes a series known to {@code /api/v1/label/__name__/values} and
	 * {@code /api/v1/series}, as the scraped app exposes it (its values are not kept:
	 * only registered queries are answered).
	 * @param name the metric name
	 * @param labels its labels
	 */
	public void describe(String name, Map<String, String> labels) {
		Map<String, String> all = new TreeMap<>(labels);
		all.put("__name__", name);
		this.catalog.add(Map.copyOf(all));
	}

	/**
	 * {@code /api/v1/label/NAME/values}, of the series {@code match[]} selects when
	 * given.
	 */
	private void labelValues(HttpExchange exchange) throws IOException {
		String[] path = exchange.getRequestURI().getPath().split("/");
		String name = (path.length == 6 && path[5].equals("values")) ? path[4] : null;
		if (name == null) {
			send(exchange, 404, "{\"status\":\"error\",\"error\":\"not found\"}");
			return;
		}
		java.util.Set<String> values = new java.util.TreeSet<>();
		matching(exchange, true).stream()
			.map((l) -> l.get(name))
			.filter(java.util.Objects::nonNull)
			.forEach(values::add);
		send(exchange, 200, "{\"status\":\"success\",\"data\":" + JSON.writeValueAsString(values) + "}");
	}

	/**
	 * The series {@code match[]=name{label="value",...}} selects (equality matchers
	 * only).
	 * @param exchange the request
	 * @param allWithout whether no {@code match[]} selects every series
	 * @return their labels
	 */
	private java.util.List<Map<String, String>> matching(HttpExchange exchange, boolean allWithout) {
		String raw = exchange.getRequestURI().getRawQuery();
		if (allWithout && (raw == null || !raw.contains("match%5B%5D=") && !raw.contains("match[]="))) {
			return this.catalog;
		}
		java.util.List<Map<String, String>> out = new java.util.ArrayList<>();
		for (String part : (raw != null) ? raw.split("&") : new String[0]) {
			String[] kv = part.split("=", 2);
			if (kv.length < 2 || !URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals("match[]")) {
				continue;
			}
			String selector = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?")
				.matcher(selector.strip());
			if (!m.matches()) {
				continue;
			}
			Map<String, String> wanted = new HashMap<>();
			wanted.put("__name__", m.group(1));
			if (m.group(3) != null) {
				java.util.regex.Matcher eq = java.util.regex.Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"")
					.matcher(m.group(3));
				while (eq.find()) {
					wanted.put(eq.group(1), eq.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
				}
			}
			for (Map<String, String> s : this.catalog) {
				if (wanted.entrySet().stream().allMatch((w) -> w.getValue().equals(s.get(w.getKey())))) {
					out.add(s);
				}
			}
		}
		return out;
	}

	/** Rule groups by name, as {@code /api/v1/rules} lists them. */
	private final Map<String, Map<String, Object>> groups = new java.util.concurrent.ConcurrentSkipListMap<>();

	/**
	 * Adds an alerting rule, and the {@code ALERTS} series its evaluations would have
	 * written, as Prometheus' rule manager does: the rule is evaluated on the registered
	 * answers of {@code watched} at {@code lastEvaluation - k * interval}; pending from
	 * the first evaluation where {@code watched op threshold} holds, firing once it has
	 * held for {@code for}, inactive at the first evaluation where it does not.
	 * @param group the rule group
	 * @param intervalSeconds the group's evaluation interval
	 * @param lastEvaluation the group's last evaluation, epoch seconds
	 * @param name the alert's name
	 * @param watched the registered query the expression compares
	 * @param op the comparison, {@code >} or {@code <}
	 * @param threshold the threshold
	 * @param forSeconds the rule's {@code for}
	 */
	public void alertingRule(String group, long intervalSeconds, long lastEvaluation, String name, String watched,
			String op, double threshold, long forSeconds) {
		Registered r = this.series.get(normalize(watched));
		if (r == null) {
			throw new IllegalStateException("register the answers of " + watched + " before its rule");
		}
		TreeMap<Long, Double> alerts = new TreeMap<>();
		Long activeAt = null;
		long first = lastEvaluation
				- Math.floorDiv(lastEvaluation - r.values().firstKey(), intervalSeconds) * intervalSeconds;
		for (long t = first; t <= lastEvaluation; t += intervalSeconds) {
			Double v = r.values().get(t);
			boolean active = v != null && (op.equals(">") ? v > threshold : v < threshold);
			if (!active) {
				activeAt = null;
				continue;
			}
			if (activeAt == null) {
				activeAt = t;
			}
			if (t - activeAt >= forSeconds) {
				alerts.put(t, 1.0);
			}
		}
		register("ALERTS{alertname=\"" + name + "\",alertstate=\"firing\"}",
				Map.of("__name__", "ALERTS", "alertname", name, "alertstate", "firing"), alerts);
		String evaluated = java.time.Instant.ofEpochSecond(lastEvaluation).toString();
		Map<String, Object> rule = new java.util.LinkedHashMap<>();
		rule.put("state", "inactive");
		rule.put("name", name);
		rule.put("query", watched + " " + op + " " + threshold);
		rule.put("duration", forSeconds);
		rule.put("keepFiringFor", 0);
		rule.put("labels", Map.of("severity", "page"));
		rule.put("annotations", Map.of());
		rule.put("alerts", java.util.List.of());
		rule.put("health", "ok");
		rule.put("evaluationTime", 0.0004);
		rule.put("lastEvaluation", evaluated);
		rule.put("type", "alerting");
		Map<String, Object> g = this.groups.computeIfAbsent(group, (k) -> {
			Map<String, Object> m = new java.util.LinkedHashMap<>();
			m.put("name", k);
			m.put("file", "/etc/prometheus/rules/" + k + ".yml");
			m.put("rules", new java.util.concurrent.CopyOnWriteArrayList<Map<String, Object>>());
			m.put("interval", intervalSeconds);
			m.put("limit", 0);
			m.put("evaluationTime", 0.001);
			m.put("lastEvaluation", evaluated);
			return m;
		});
		@SuppressWarnings("unchecked")
		java.util.List<Map<String, Object>> rules = (java.util.List<Map<String, Object>>) g.get("rules");
		rules.add(rule);
	}

	/**
	 * @return the alerting rules as a Prometheus rule file, the file their groups name
	 * (what its rule manager loaded)
	 */
	@SuppressWarnings("unchecked")
	public String ruleFile() {
		StringBuilder out = new StringBuilder(
				"# The alerting rules of the demo's Prometheus, as its rule manager loaded them.\ngroups:\n");
		for (Map<String, Object> g : this.groups.values()) {
			out.append("  - name: ").append(g.get("name")).append('\n');
			out.append("    interval: ").append(g.get("interval")).append("s\n    rules:\n");
			for (Map<String, Object> rule : (java.util.List<Map<String, Object>>) g.get("rules")) {
				out.append("      - alert: ").append(rule.get("name")).append('\n');
				out.append("        expr: |\n");
				((String) rule.get("query")).lines().forEach((l) -> out.append("          ").append(l).append('\n'));
				out.append("        for: ").append(rule.get("duration")).append("s\n");
				out.append("        labels:\n          severity: page\n");
			}
		}
		return out.toString();
	}

	/**
	 * @param file where the rule file is, named by each group as Prometheus names its
	 * source
	 */
	@SuppressWarnings("unchecked")
	public void ruleFileAt(java.nio.file.Path file) {
		this.groups.values().forEach((g) -> g.put("file", file.toAbsolutePath().toString()));
	}

	/**
	 * Registers the answer to a query.
	 * @param query the PromQL exactly as the job will send it
	 * @param labels the labels of the single series returned
	 * @param values evaluation instant (epoch seconds) to value
	 */
	public void register(String query, Map<String, String> labels, NavigableMap<Long, Double> values) {
		this.series.put(normalize(query), new Registered(Map.copyOf(labels), new TreeMap<>(values)));
	}

	private void queryRange(HttpExchange exchange) throws IOException {
		this.peak.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		try {
			answerRange(exchange);
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	/**
	 * @return the most query_range requests in flight at once since the last
	 * {@link #resetPeak()}
	 */
	public int peakInFlight() {
		return this.peak.get();
	}

	/** Starts counting the peak of requests in flight afresh. */
	public void resetPeak() {
		this.peak.set(this.inFlight.get());
	}

	private void answerRange(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		Map<String, String> params = params(exchange);
		long start;
		long end;
		long step;
		try {
			start = (long) Double.parseDouble(params.get("start"));
			end = (long) Double.parseDouble(params.get("end"));
			step = (long) Double.parseDouble(params.get("step"));
		}
		catch (RuntimeException ex) {
			send(exchange, 400,
					"{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid start, end or step\"}");
			return;
		}
		if ((end - start) / step + 1 > 11_000) {
			send(exchange, 400,
					"{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"exceeded maximum resolution "
							+ "of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)\"}");
			return;
		}
		long delay = this.delayMillis;
		if (delay > 0) {
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		send(exchange, 200, matrix(normalize(params.getOrDefault("query", "")), start, end, step));
	}

	/** The query's parameters, from the URL and, for a POST, the form body. */
	private static Map<String, String> params(HttpExchange exchange) throws IOException {
		Map<String, String> params = new HashMap<>();
		parse(exchange.getRequestURI().getRawQuery(), params);
		if ("POST".equals(exchange.getRequestMethod())) {
			try (InputStream in = exchange.getRequestBody()) {
				parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), params);
			}
		}
		return params;
	}

	/**
	 * The answer to a range query: the synthetic estate's pair it reads, and the series
	 * registered for it, at each step from start to end.
	 */
	private String matrix(String query, long start, long end, long step) {
		Registered r = this.series.get(query);
		SyntheticEstate estate = this.synthetic;
		int pair = (r == null && estate != null) ? estate.pairOfQuery(query) : -1;
		StringBuilder body = new StringBuilder(
				"{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
		if (pair >= 0) {
			body.append("{\"metric\":{\"pair\":\"").append(pair).append("\"},\"values\":[");
			for (long t = start; t <= end; t += step) {
				body.append((t == start) ? "" : ",")
					.append('[')
					.append(t)
					.append(",\"")
					.append(format(estate.prometheus(pair, (t - step) * 1000, step)))
					.append("\"]");
			}
			body.append("]}");
		}
		if (r != null) {
			body.append("{\"metric\":").append(JSON.writeValueAsString(r.labels())).append(",\"values\":[");
			boolean first = true;
			for (long t = start; t <= end; t += step) {
				Double v = r.values().get(t);
				if (v != null) {
					body.append(first ? "" : ",").append('[').append(t).append(",\"").append(format(v)).append("\"]");
					first = false;
				}
			}
			body.append("]}");
		}
		body.append("]}}");
		return body.toString();
	}

	private static String format(double v) {
		if (Double.isNaN(v)) {
			return "NaN";
		}
		if (Double.isInfinite(v)) {
			return (v > 0) ? "+Inf" : "-Inf";
		}
		return Double.toString(v);
	}

	private static void parse(String raw, Map<String, String> into) {
		if (raw == null || raw.isEmpty()) {
			return;
		}
		for (String part : raw.split("&")) {
			int eq = part.indexOf('=');
			if (eq > 0) {
				into.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
	}

	static String normalize(String query) {
		return query.replaceAll("\\s+", "");
	}

	static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
