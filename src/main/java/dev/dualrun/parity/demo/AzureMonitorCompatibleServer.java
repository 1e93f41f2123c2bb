package dev.dualrun.parity.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An Azure-Monitor-compatible server on loopback, built from the request and response
 * shapes of the Azure Monitor REST specification: the Microsoft Entra ID token endpoint
 * ({@code POST /{tenant}/oauth2/v2.0/token}, client credentials), Resource Manager's
 * {@code GET {resourceId}/providers/Microsoft.Insights/metrics} and the regional batch
 * API {@code POST /subscriptions/{id}/metrics:getBatch}. Metrics are held as Azure holds
 * them, one pre-aggregated value per minute (count, total, minimum, maximum) per
 * dimension values, and rolled up to the asked time grain as the service does: Average =
 * sum of totals / sum of counts, Minimum and Maximum of the minutes, Total and Count
 * summed, over the dimensions not filtered; a grain with no minute carries a time stamp
 * and no aggregate. Every request must carry a token issued by this server for its
 * audience; errors come in Azure's shapes; the next N calls can be throttled (429 with
 * {@code Retry-After}).
 */
public final class AzureMonitorCompatibleServer implements AutoCloseable {

	/** The resources of one batch call at most. */
	static final int MAX_BATCH = 50;

	/** What the service keeps. */
	static final Duration RETENTION = Duration.ofDays(93);

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Set<String> GRAINS = Set.of("PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "PT6H", "PT12H", "P1D");

	private static final Pattern FILTER = Pattern.compile("\\s*([^\\s]+)\\s+eq\\s+'((?:[^']|'')*)'\\s*");

	private static final String ARM = "https://management.azure.com/.default";

	private static final String METRICS = "https://metrics.monitor.azure.com/.default";

	private final HttpServer server;

	private final ExecutorService executor;

	private final Clock clock;

	private final String tenant;

	private final String clientId;

	private final String clientSecret;

	/** resource id (lower case) to its region. */
	private final Map<String, String> regions = new ConcurrentHashMap<>();

	/** resource|namespace|metric (lower case) to the metric. */
	private final Map<String, StoredMetric> metrics = new ConcurrentHashMap<>();

	/** token to its audience. */
	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

	private final AtomicInteger throttleNext = new AtomicInteger();

	private volatile long delayMillis;

	private record StoredMetric(String name, String unit,
			Map<Map<String, String>, NavigableMap<Long, double[]>> byDimensions) {

	}

	private AzureMonitorCompatibleServer(HttpServer server, Clock clock, String tenant, String clientId,
			String clientSecret) {
		this.server = server;
		this.clock = clock;
		this.tenant = tenant;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.executor = Executors.newFixedThreadPool(16, (r) -> {
			Thread t = new Thread(r, "azure-monitor-compatible");
			t.setDaemon(true);
			return t;
		});
		server.setExecutor(this.executor);
		server.createContext("/", this::handle);
	}

	/**
	 * Starts a server on a free loopback port that issues tokens to one service
	 * principal.
	 * @param clock the server's clock (retention)
	 * @param tenant the tenant ID
	 * @param clientId the client ID
	 * @param clientSecret its secret
	 * @return the running server
	 * @throws IOException if no port can be bound
	 */
	public static AzureMonitorCompatibleServer start(Clock clock, String tenant, String clientId, String clientSecret)
			throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		AzureMonitorCompatibleServer azure = new AzureMonitorCompatibleServer(server, clock, tenant, clientId,
				clientSecret);
		server.start();
		return azure;
	}

	/**
	 * @return the base URL, for {@code parity.azure.endpoint}, {@code batch-endpoint} and
	 * {@code token-endpoint} alike
	 */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * @param operation {@code token}, {@code metrics} or {@code getBatch}
	 * @return HTTP calls received for it, refused ones included
	 */
	public long calls(String operation) {
		AtomicLong n = this.calls.get(operation);
		return (n != null) ? n.get() : 0;
	}

	/**
	 * @param n the next n metrics calls answer 429 with {@code Retry-After: 1}
	 */
	public void throttleNext(int n) {
		this.throttleNext.set(n);
	}

	/**
	 * @param delay latency added to every metrics answer
	 */
	public void delay(Duration delay) {
		this.delayMillis = delay.toMillis();
	}

	/**
	 * @param audience {@code https://management.azure.com/.default} or
	 * {@code https://metrics.monitor.azure.com/.default}
	 * @return a token the server accepts for that audience, as a pipeline would be given
	 */
	public String issue(String audience) {
		String token = "eyJ0eXAiOiJKV1QifQ." + UUID.randomUUID().toString().replace("-", "") + ".sig";
		this.tokens.put(token, audience);
		return token;
	}

	/**
	 * Publishes one minute of a metric, as a resource's platform metrics arrive.
	 * @param resource the resource ID
	 * @param region its region
	 * @param namespace the metric namespace (the resource type for platform metrics)
	 * @param metric the metric name
	 * @param unit its unit, e.g. {@code Percent}
	 * @param dimensions the dimension values of the minute (empty for none)
	 * @param minute the minute's start
	 * @param count the samples of the minute
	 * @param total their sum
	 * @param minimum their smallest
	 * @param maximum their largest
	 */
	public void publish(String resource, String region, String namespace, String metric, String unit,
			Map<String, String> dimensions, Instant minute, double count, double total, double minimum,
			double maximum) {
		this.regions.put(resource.toLowerCase(Locale.ROOT), region);
		StoredMetric m = this.metrics.computeIfAbsent(key(resource, namespace, metric),
				(k) -> new StoredMetric(metric, unit, new ConcurrentHashMap<>()));
		long t = Math.floorDiv(minute.getEpochSecond(), 60) * 60;
		m.byDimensions()
			.computeIfAbsent(Map.copyOf(dimensions), (d) -> new ConcurrentSkipListMap<>())
			.merge(t, new double[] { count, total, minimum, maximum },
					(a, b) -> new double[] { a[0] + b[0], a[1] + b[1], Math.min(a[2], b[2]), Math.max(a[3], b[3]) });
	}

	private static String key(String resource, String namespace, String metric) {
		return (resource + "|" + namespace + "|" + metric).toLowerCase(Locale.ROOT);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			if (path.endsWith("/oauth2/v2.0/token") && exchange.getRequestMethod().equals("POST")) {
				count("token");
				token(exchange, path, new String(body, StandardCharsets.UTF_8));
				return;
			}
			boolean batch = path.endsWith("/metrics:getBatch");
			boolean single = path.toLowerCase(Locale.ROOT).endsWith("/providers/microsoft.insights/metrics");
			if (!batch && !single) {
				error(exchange, 404, "InvalidResourceType", "The resource type could not be found in the namespace "
						+ "for api version " + query.get("api-version") + ".");
				return;
			}
			count(batch ? "getBatch" : "metrics");
			if (this.delayMillis > 0) {
				Thread.sleep(this.delayMillis);
			}
			if (!authorized(exchange, batch ? METRICS : ARM)) {
				return;
			}
			if (this.throttleNext.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
				exchange.getResponseHeaders().add("Retry-After", "1");
				error(exchange, 429, "TooManyRequests",
						"The request is being throttled as the limit has been reached for operation type - Read.");
				return;
			}
			if (query.get("api-version") == null) {
				error(exchange, 400, "MissingApiVersionParameter",
						"The api-version query parameter (?api-version=) is required for all requests.");
				return;
			}
			if (batch) {
				getBatch(exchange, path, query, body);
			}
			else {
				metrics(exchange, URLDecoder.decode(path, StandardCharsets.UTF_8), query);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			error(exchange, 500, "InternalServerError", "The server encountered an error: " + ex.getMessage());
		}
	}

	private void count(String operation) {
		this.calls.computeIfAbsent(operation, (k) -> new AtomicLong()).incrementAndGet();
	}

	private void token(HttpExchange exchange, String path, String form) throws IOException {
		Map<String, String> f = query(form);
		String tenantInPath = path.substring(1, path.indexOf('/', 1));
		if (!tenantInPath.equals(this.tenant)) {
			oauthError(exchange, 400, "invalid_request", "AADSTS90002: Tenant '" + tenantInPath + "' not found.");
			return;
		}
		if (!"client_credentials".equals(f.get("grant_type"))) {
			oauthError(exchange, 400, "unsupported_grant_type",
					"AADSTS70003: The app requested an unsupported grant " + "type '" + f.get("grant_type") + "'.");
			return;
		}
		if (!this.clientId.equals(f.get("client_id"))) {
			oauthError(exchange, 400, "unauthorized_client", "AADSTS700016: Application with identifier '"
					+ f.get("client_id") + "' was not found in the directory '" + this.tenant + "'.");
			return;
		}
		if (!this.clientSecret.equals(f.get("client_secret"))) {
			oauthError(exchange, 401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the "
					+ "secret being sent in the request is the client secret value, not the client secret ID, for a "
					+ "secret added to app '" + this.clientId + "'.\r\nTrace ID: " + UUID.randomUUID()
					+ "\r\nCorrelation ID: " + UUID.randomUUID() + "\r\nTimestamp: " + this.clock.instant());
			return;
		}
		String scope = f.get("scope");
		if (!ARM.equals(scope) && !METRICS.equals(scope)) {
			oauthError(exchange, 400, "invalid_scope",
					"AADSTS70011: The provided value for the input parameter 'scope' is not valid.");
			return;
		}
		ObjectNode answer = JSON.createObjectNode();
		answer.put("token_type", "Bearer");
		answer.put("expires_in", 3599);
		answer.put("ext_expires_in", 3599);
		answer.put("access_token", issue(scope));
		send(exchange, 200, answer);
	}

	private boolean authorized(HttpExchange exchange, String audience) throws IOException {
		String header = exchange.getRequestHeaders().getFirst("Authorization");
		if (header == null || !header.startsWith("Bearer ")) {
			error(exchange, 401, "AuthenticationFailed",
					"Authentication failed. The 'Authorization' header is missing.");
			return false;
		}
		String issued = this.tokens.get(header.substring("Bearer ".length()));
		if (issued == null) {
			error(exchange, 401, "InvalidAuthenticationToken", "The access token is invalid.");
			return false;
		}
		if (!issued.equals(audience)) {
			error(exchange, 401, "InvalidAuthenticationTokenAudience", "The access token has been obtained for "
					+ "wrong audience or resource '" + issued.replace("/.default", "") + "'.");
			return false;
		}
		return true;
	}

	/** {@code GET {resourceId}/providers/Microsoft.Insights/metrics}. */
	private void metrics(HttpExchange exchange, String path, Map<String, String> query) throws IOException {
		String resource = path.substring(0, path.toLowerCase(Locale.ROOT).lastIndexOf("/providers/microsoft.insights"));
		String region = this.regions.get(resource.toLowerCase(Locale.ROOT));
		if (region == null) {
			error(exchange, 404, "ResourceNotFound",
					"The Resource '" + resource.substring(resource.indexOf("/providers/") + 11) + "' was not found.");
			return;
		}
		String[] timespan = String.valueOf(query.get("timespan")).split("/");
		Request r = request(exchange, query, (timespan.length == 2) ? timespan[0] : null,
				(timespan.length == 2) ? timespan[1] : null, query.get("$filter"));
		if (r == null) {
			return;
		}
		ObjectNode answer = JSON.createObjectNode();
		answer.put("cost", 0);
		answer.put("timespan", r.start + "/" + r.end);
		answer.put("interval", r.interval);
		ArrayNode value = answer.putArray("value");
		if (!metricsOf(exchange, resource, r, value)) {
			return;
		}
		answer.put("namespace", r.namespace);
		answer.put("resourceregion", region);
		send(exchange, 200, answer);
	}

	/** {@code POST /subscriptions/{id}/metrics:getBatch}. */
	private void getBatch(HttpExchange exchange, String path, Map<String, String> query, byte[] body)
			throws IOException {
		Matcher sub = Pattern.compile("/subscriptions/([^/]+)/metrics:getBatch").matcher(path);
		if (!sub.matches()) {
			error(exchange, 404, "InvalidResourceType", "metrics:getBatch is served under /subscriptions/{id}");
			return;
		}
		JsonNode ids = resourceIds(exchange, body);
		if (ids == null) {
			return;
		}
		Request r = request(exchange, query, query.get("starttime"), query.get("endtime"), query.get("filter"));
		if (r == null) {
			return;
		}
		String host = exchange.getRequestHeaders().getFirst("Host");
		ObjectNode answer = JSON.createObjectNode();
		ArrayNode values = answer.putArray("values");
		String type = null;
		for (JsonNode id : ids) {
			String resource = id.asString("");
			String region = this.regions.get(resource.toLowerCase(Locale.ROOT));
			if (!resource.toLowerCase(Locale.ROOT)
				.startsWith("/subscriptions/" + sub.group(1).toLowerCase(Locale.ROOT) + "/")) {
				error(exchange, 400, "BadRequest", "Resource '" + resource + "' is not in subscription " + sub.group(1)
						+ ": a batch reads resources of one subscription.");
				return;
			}
			String t = typeOf(resource);
			if (type != null && !type.equalsIgnoreCase(t)) {
				error(exchange, 400, "BadRequest",
						"All resources of a batch must be of one type: " + type + " and " + t + ".");
				return;
			}
			type = t;
			if (region == null) {
				error(exchange, 400, "BadRequest", "Resource '" + resource + "' was not found.");
				return;
			}
			if (!addValue(exchange, values, resource, region, r)) {
				return;
			}
		}
		if (host == null) {
			error(exchange, 400, "BadRequest", "no Host header");
			return;
		}
		send(exchange, 200, answer);
	}

	/** The batch's {@code resourceids}, or null once an error is answered. */
	private static JsonNode resourceIds(HttpExchange exchange, byte[] body) throws IOException {
		JsonNode ids;
		try {
			ids = JSON.readTree(body).path("resourceids");
		}
		catch (RuntimeException ex) {
			error(exchange, 400, "BadRequest", "The request body is not JSON.");
			return null;
		}
		if (!ids.isArray() || ids.isEmpty() || ids.size() > MAX_BATCH) {
			error(exchange, 400, "BadRequest",
					"resourceids must list 1 to " + MAX_BATCH + " resource IDs, got " + ids.size() + ".");
			return null;
		}
		return ids;
	}

	/** Adds a resource's answer to a batch's {@code values}, or answers an error. */
	private boolean addValue(HttpExchange exchange, ArrayNode values, String resource, String region, Request r)
			throws IOException {
		ObjectNode v = values.addObject();
		v.put("starttime", r.start.toString());
		v.put("endtime", r.end.toString());
		v.put("interval", r.interval);
		v.put("namespace", r.namespace);
		v.put("resourceregion", region);
		v.put("resourceid", resource);
		return metricsOf(exchange, resource, r, v.putArray("value"));
	}

	private record Request(Instant start, Instant end, String interval, long grainSeconds, String namespace,
			List<String> metricNames, List<String> aggregations, Map<String, String> filter) {

	}

	/** The parameters both APIs share, or null once an error is answered. */
	private Request request(HttpExchange exchange, Map<String, String> query, String from, String to, String filter)
			throws IOException {
		String interval = query.getOrDefault("interval", "PT1M");
		if (!GRAINS.contains(interval)) {
			error(exchange, 400, "BadRequest", "Invalid time grain '" + interval
					+ "'. Supported time grains: PT1M, PT5M, PT15M, PT30M, PT1H, PT6H, PT12H, P1D.");
			return null;
		}
		Instant start;
		Instant end;
		try {
			start = Instant.parse(String.valueOf(from));
			end = Instant.parse(String.valueOf(to));
		}
		catch (DateTimeParseException ex) {
			error(exchange, 400, "BadRequest", "The timespan '" + from + "/" + to + "' is not valid ISO 8601.");
			return null;
		}
		if (!end.isAfter(start)) {
			error(exchange, 400, "BadRequest", "The end time must be after the start time.");
			return null;
		}
		String namespace = query.get("metricnamespace");
		if (namespace == null) {
			error(exchange, 400, "BadRequest", "metricnamespace is required.");
			return null;
		}
		List<String> names = split(query.get("metricnames"));
		if (names.isEmpty()) {
			error(exchange, 400, "BadRequest", "metricnames is required.");
			return null;
		}
		List<String> aggregations = split(query.getOrDefault("aggregation", "Average"));
		for (String a : aggregations) {
			if (!Set.of("average", "minimum", "maximum", "total", "count").contains(a.toLowerCase(Locale.ROOT))) {
				error(exchange, 400, "BadRequest", "Invalid aggregation '" + a + "'.");
				return null;
			}
		}
		Map<String, String> dims = new LinkedHashMap<>();
		if (filter != null && !filter.isBlank()) {
			for (String clause : filter.split("(?i)\\s+and\\s+")) {
				Matcher m = FILTER.matcher(clause);
				if (!m.matches()) {
					error(exchange, 400, "BadRequest",
							"Invalid $filter '" + filter + "': write Name eq 'value' and ...");
					return null;
				}
				dims.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2).replace("''", "'"));
			}
		}
		Duration grain = Duration.parse(interval.equals("P1D") ? "PT24H" : interval);
		return new Request(start, end, interval, grain.toSeconds(), namespace, names, aggregations, dims);
	}

	private static List<String> split(String text) {
		List<String> out = new ArrayList<>();
		if (text != null) {
			for (String s : text.split(",")) {
				if (!s.isBlank()) {
					out.add(s.strip());
				}
			}
		}
		return out;
	}

	/** Adds each asked metric of a resource to {@code value}, or answers an error. */
	private boolean metricsOf(HttpExchange exchange, String resource, Request r, ArrayNode value) throws IOException {
		Instant oldest = this.clock.instant().minus(RETENTION);
		for (String name : r.metricNames) {
			StoredMetric m = this.metrics.get(key(resource, r.namespace, name));
			if (m == null) {
				error(exchange, 400, "BadRequest",
						"Failed to find metric configuration for provider: " + r.namespace + ", resource Type: "
								+ typeOf(resource) + ", metric: " + name + ", Valid metrics: "
								+ String.join(",", known(resource, r.namespace)));
				return false;
			}
			ObjectNode metric = value.addObject();
			metric.put("id", resource + "/providers/Microsoft.Insights/metrics/" + m.name());
			metric.put("type", "Microsoft.Insights/metrics");
			ObjectNode n = metric.putObject("name");
			n.put("value", m.name());
			n.put("localizedValue", m.name());
			metric.put("displayDescription", "");
			metric.put("unit", m.unit());
			ArrayNode timeseries = metric.putArray("timeseries");
			Map<Long, double[]> grains = new TreeMap<>();
			boolean matched = false;
			for (var e : m.byDimensions().entrySet()) {
				if (!matches(e.getKey(), r.filter)) {
					continue;
				}
				matched = true;
				long from = Math.max(r.start.getEpochSecond(), oldest.getEpochSecond());
				for (var minute : e.getValue().subMap(from, true, r.end.getEpochSecond(), false).entrySet()) {
					long g = r.start.getEpochSecond()
							+ Math.floorDiv(minute.getKey() - r.start.getEpochSecond(), r.grainSeconds)
									* r.grainSeconds;
					double[] v = minute.getValue();
					grains.merge(g, v.clone(), (a, b) -> new double[] { a[0] + b[0], a[1] + b[1], Math.min(a[2], b[2]),
							Math.max(a[3], b[3]) });
				}
			}
			if (!matched && !r.filter.isEmpty()) {
				metric.put("errorCode", "Success");
				continue;
			}
			series(timeseries.addObject(), r, grains);
			metric.put("errorCode", "Success");
		}
		return true;
	}

	/**
	 * A time series: the filter's dimension values, and a point for each grain with the
	 * asked aggregations where it has data.
	 * @param grains {count, sum, min, max} of each grain, by its start in seconds
	 */
	private static void series(ObjectNode series, Request r, Map<Long, double[]> grains) {
		ArrayNode metadata = series.putArray("metadatavalues");
		r.filter.forEach((k, v) -> {
			ObjectNode md = metadata.addObject();
			md.putObject("name").put("value", k).put("localizedValue", k);
			md.put("value", v);
		});
		ArrayNode data = series.putArray("data");
		for (long g = r.start.getEpochSecond(); g < r.end.getEpochSecond(); g += r.grainSeconds) {
			ObjectNode point = data.addObject();
			point.put("timeStamp", Instant.ofEpochSecond(g).toString());
			double[] v = grains.get(g);
			if (v == null || v[0] == 0) {
				continue;
			}
			for (String a : r.aggregations) {
				switch (a.toLowerCase(Locale.ROOT)) {
					case "average" -> point.put("average", v[1] / v[0]);
					case "minimum" -> point.put("minimum", v[2]);
					case "maximum" -> point.put("maximum", v[3]);
					case "total" -> point.put("total", v[1]);
					default -> point.put("count", v[0]);
				}
			}
		}
	}

	private List<String> known(String resource, String namespace) {
		String prefix = (resource + "|" + namespace + "|").toLowerCase(Locale.ROOT);
		List<String> out = new ArrayList<>();
		this.metrics.forEach((k, m) -> {
			if (k.startsWith(prefix)) {
				out.add(m.name());
			}
		});
		return out;
	}

	private static boolean matches(Map<String, String> dimensions, Map<String, String> filter) {
		Map<String, String> lower = new HashMap<>();
		dimensions.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
		for (var f : filter.entrySet()) {
			if (!f.getValue().equalsIgnoreCase(lower.get(f.getKey()))) {
				return false;
			}
		}
		return true;
	}

	private static String typeOf(String resource) {
		String[] parts = resource.split("/");
		for (int i = 0; i + 2 < parts.length; i++) {
			if (parts[i].equalsIgnoreCase("providers")) {
				return parts[i + 1] + "/" + parts[i + 2];
			}
		}
		return "";
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> out = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return out;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			String k = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String v = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			out.put(k, v);
		}
		return out;
	}

	private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
		ObjectNode answer = JSON.createObjectNode();
		ObjectNode error = answer.putObject("error");
		error.put("code", code);
		error.put("message", message);
		send(exchange, status, answer);
	}

	private static void oauthError(HttpExchange exchange, int status, String error, String description)
			throws IOException {
		ObjectNode answer = JSON.createObjectNode();
		answer.put("error", error);
		answer.put("error_description", description);
		answer.put("trace_id", UUID.randomUUID().toString());
		send(exchange, status, answer);
	}

	private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
		exchange.getResponseHeaders().add("x-ms-request-id", UUID.randomUUID().toString());
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
