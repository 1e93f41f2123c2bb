package dev.dualrun.parity.source.azure;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.source.TimeSeries;
import dev.dualrun.parity.source.http.RetryInterceptor;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Azure Monitor side: pairs whose resources share a subscription, region, resource
 * type, metric, aggregation and dimension filter are read with one
 * {@code metrics:getBatch} call of up to {@value #BATCH_SIZE} resources; a pair without a
 * region is read alone from {@code Microsoft.Insights/metrics} of its resource. A data
 * point without the pair's aggregation is a grain with no data, never a zero. Time stamps
 * are grain starts, the grid of {@link QueryWindow}. Throttling (429 with
 * {@code Retry-After}) and unavailability are retried by {@link RetryInterceptor}; a
 * batch refused for its content is split in halves until the refused resource is
 * isolated.
 */
public final class AzureMonitorSource implements MetricSource {

	private static final Logger log = LoggerFactory.getLogger(AzureMonitorSource.class);

	/** Resources of one {@code metrics:getBatch} call at most (the API's limit). */
	public static final int BATCH_SIZE = 50;

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final MediaType JSON_TYPE = MediaType.get("application/json");

	/** Answers larger than this are refused, not read into memory. */
	static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

	private final AzureSettings settings;

	private final OkHttpClient http;

	private final RetryInterceptor retry;

	private final AzureTokenInterceptor tokens;

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong metrics = new AtomicLong();

	private final AtomicLong splits = new AtomicLong();

	private final java.util.Set<String> regions = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/**
	 * @param settings the API's settings
	 * @param tokens the bearer tokens of the requests
	 */
	AzureMonitorSource(AzureSettings settings, AzureTokenInterceptor tokens) {
		this.settings = settings;
		this.tokens = tokens;
		this.retry = new RetryInterceptor("azure-monitor", settings.retry());
		// the token is taken once per call, outside the retries: a refused credential is
		// not retried, a throttled answer is sent again with the same token
		this.http = new OkHttpClient.Builder().connectTimeout(settings.timeout())
			.readTimeout(settings.timeout())
			.writeTimeout(settings.timeout())
			.callTimeout(settings.timeout().multipliedBy(4))
			.retryOnConnectionFailure(false)
			.addInterceptor(tokens)
			.addInterceptor(this.retry)
			.build();
	}

	static AzureMonitorQuery query(PairMapping pair) {
		if (pair.old() instanceof AzureMonitorQuery q) {
			return q;
		}
		throw new IllegalArgumentException("pair '" + pair.id() + "' reads " + pair.oldType() + ", not Azure Monitor");
	}

	@Override
	public String side() {
		return "Azure Monitor";
	}

	/**
	 * Pairs that one batch call can answer together, in batches of at most
	 * {@value #BATCH_SIZE} resources; pairs without a region one by one.
	 */
	@Override
	public List<List<PairMapping>> plan(List<PairMapping> pairs, QueryWindow window) {
		return batches(pairs);
	}

	/**
	 * @param pairs pairs of one window
	 * @return the calls: batches of one subscription, region, resource type and metric;
	 * pairs without a region alone
	 */
	static List<List<PairMapping>> batches(List<PairMapping> pairs) {
		Map<String, List<PairMapping>> groups = new LinkedHashMap<>();
		List<List<PairMapping>> out = new ArrayList<>();
		for (PairMapping pair : pairs) {
			AzureMonitorQuery q = query(pair);
			if (q.region() == null) {
				out.add(List.of(pair));
				continue;
			}
			String key = String.join("\n", q.subscription().toLowerCase(Locale.ROOT), q.region(),
					q.resourceType().toLowerCase(Locale.ROOT), q.metricNamespace().toLowerCase(Locale.ROOT), q.metric(),
					q.aggregation().name(), String.valueOf(q.filter()), String.valueOf(q.unit()));
			groups.computeIfAbsent(key, (k) -> new ArrayList<>()).add(pair);
		}
		for (List<PairMapping> group : groups.values()) {
			// one resource once a call: the k-th pair of a resource goes to the k-th
			// layer,
			// each layer in calls of BATCH_SIZE
			Map<String, Integer> seen = new java.util.HashMap<>();
			List<List<PairMapping>> layers = new ArrayList<>();
			for (PairMapping pair : group) {
				int k = seen.merge(query(pair).resource().toLowerCase(Locale.ROOT), 1, Integer::sum) - 1;
				if (k == layers.size()) {
					layers.add(new ArrayList<>());
				}
				layers.get(k).add(pair);
			}
			for (List<PairMapping> layer : layers) {
				for (int from = 0; from < layer.size(); from += BATCH_SIZE) {
					out.add(List.copyOf(layer.subList(from, Math.min(layer.size(), from + BATCH_SIZE))));
				}
			}
		}
		return out;
	}

	@Override
	public void fetch(List<PairMapping> pairs, QueryWindow window, Consumer<SeriesResult> results) {
		for (List<PairMapping> batch : plan(pairs, window)) {
			if (query(batch.get(0)).region() == null) {
				fetchOne(batch.get(0), window, results);
			}
			else {
				fetchBatch(batch, window, results);
			}
		}
	}

	@Override
	public String describe(PairMapping pair, QueryWindow window) {
		AzureMonitorQuery q = query(pair);
		return q.describe() + ", namespace " + q.metricNamespace()
				+ ((q.filter() != null) ? ", $filter " + q.filter() : "") + ", interval "
				+ Durations.iso(window.period()) + ", " + window.start() + " .. " + window.end()
				+ ((q.region() != null) ? " (metrics:getBatch, " + q.region() + ")" : "");
	}

	@Override
	public String version() {
		return "Azure Monitor metrics API " + this.settings.apiVersion() + " at " + this.settings.endpoint();
	}

	@Override
	public Backend backend() {
		String location = this.settings.endpoint();
		if (!this.regions.isEmpty()) {
			location += " and " + this.settings.batchEndpoint();
		}
		return new Backend(location,
				this.regions.isEmpty() ? null : String.join(",", new java.util.TreeSet<>(this.regions)), version(),
				null);
	}

	@Override
	public long splits() {
		return this.splits.get();
	}

	@Override
	public CallCount calls() {
		return new CallCount(this.calls.get(), this.metrics.get(), this.retry.retries());
	}

	@Override
	public void close() {
		this.http.dispatcher().executorService().shutdown();
		this.http.connectionPool().evictAll();
	}

	private void fetchOne(PairMapping pair, QueryWindow window, Consumer<SeriesResult> results) {
		AzureMonitorQuery q = query(pair);
		HttpUrl base = HttpUrl.parse(this.settings.endpoint());
		if (base == null) {
			results.accept(SeriesResult.failed(pair.id(),
					new SourceException(
							"parity.azure.endpoint '" + Text.oneLine(this.settings.endpoint(), 100) + "' is not a URL",
							false)));
			return;
		}
		HttpUrl.Builder url = base.newBuilder()
			.addPathSegments(q.resource().replaceAll("^/+", "") + "/providers/Microsoft.Insights/metrics")
			.addQueryParameter("api-version", this.settings.apiVersion())
			.addQueryParameter("metricnames", q.metric())
			.addQueryParameter("metricnamespace", q.metricNamespace())
			.addQueryParameter("aggregation", q.aggregation().apiName())
			.addQueryParameter("interval", Durations.iso(window.period()))
			.addQueryParameter("timespan", window.start() + "/" + window.end())
			.addQueryParameter("AutoAdjustTimegrain", "false")
			.addQueryParameter("ValidateDimensions", "false");
		if (q.filter() != null) {
			url.addQueryParameter("$filter", q.filter());
		}
		String scope = "Microsoft.Insights/metrics of " + q.resourceName() + " at " + this.settings.endpoint();
		JsonNode root;
		try {
			root = call(new Request.Builder().url(url.build()).get().build(), scope);
		}
		catch (SourceException ex) {
			log.warn("{}", ex.getMessage());
			results.accept(SeriesResult.failed(pair.id(), ex));
			return;
		}
		this.metrics.incrementAndGet();
		results.accept(result(pair, root.path("value"), window));
	}

	private void fetchBatch(List<PairMapping> batch, QueryWindow window, Consumer<SeriesResult> results) {
		AzureMonitorQuery first = query(batch.get(0));
		this.regions.add(first.region());
		String endpoint = this.settings.batchEndpoint().replace("{region}", first.region());
		HttpUrl base = HttpUrl.parse(endpoint + "/subscriptions/" + first.subscription() + "/metrics:getBatch");
		if (base == null) {
			SourceException ex = new SourceException(
					"parity.azure.batch-endpoint '" + Text.oneLine(endpoint, 100) + "' is not a URL", false);
			batch.forEach((p) -> results.accept(SeriesResult.failed(p.id(), ex)));
			return;
		}
		HttpUrl.Builder url = base.newBuilder()
			.addQueryParameter("api-version", this.settings.apiVersion())
			.addQueryParameter("metricnamespace", first.metricNamespace())
			.addQueryParameter("metricnames", first.metric())
			.addQueryParameter("aggregation", first.aggregation().apiName())
			.addQueryParameter("interval", Durations.iso(window.period()))
			.addQueryParameter("starttime", window.start().toString())
			.addQueryParameter("endtime", window.end().toString());
		if (first.filter() != null) {
			url.addQueryParameter("filter", first.filter());
		}
		ObjectNode body = JSON.createObjectNode();
		ArrayNode ids = body.putArray("resourceids");
		batch.forEach((p) -> ids.add(query(p).resource()));
		String scope = "metrics:getBatch for "
				+ ((batch.size() == 1) ? "pair '" + batch.get(0).id() + "'" : batch.size() + " resource(s)") + " at "
				+ endpoint;
		JsonNode root;
		try {
			root = call(new Request.Builder().url(url.build())
				.post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE))
				.build(), scope);
		}
		catch (SourceException ex) {
			if (batch.size() > 1 && ex instanceof Refused refused && refused.status == 400) {
				this.splits.incrementAndGet();
				log.info("{}: splitting the batch to isolate the refused resource", ex.getMessage());
				int half = batch.size() / 2;
				fetchBatch(List.copyOf(batch.subList(0, half)), window, results);
				fetchBatch(List.copyOf(batch.subList(half, batch.size())), window, results);
				return;
			}
			log.warn("{}", ex.getMessage());
			batch.forEach((p) -> results.accept(SeriesResult.failed(p.id(), ex)));
			return;
		}
		this.metrics.addAndGet(batch.size());
		Map<String, JsonNode> byResource = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (JsonNode v : root.path("values")) {
			byResource.put(v.path("resourceid").asString(""), v.path("value"));
		}
		for (PairMapping pair : batch) {
			JsonNode value = byResource.get(query(pair).resource());
			if (value == null) {
				results.accept(
						SeriesResult.failed(pair.id(),
								new SourceException(
										"Azure Monitor answered no values for " + query(pair).resource() + " in "
												+ scope + ": is the resource in region " + first.region() + "?",
										false)));
			}
			else {
				results.accept(result(pair, value, window));
			}
		}
	}

	/** A call refused with an HTTP status. */
	private static final class Refused extends SourceException {

		private final int status;

		Refused(String message, boolean retryable, int status) {
			super(message, retryable);
			this.status = status;
		}

	}

	private JsonNode call(Request request, String scope) {
		this.calls.incrementAndGet();
		try (Response response = this.http.newCall(request).execute()) {
			ResponseBody body = response.body();
			long length = (body != null) ? body.contentLength() : 0;
			if (length > MAX_BODY_BYTES) {
				throw new SourceException("Azure Monitor answered " + length + " bytes, more than the "
						+ (MAX_BODY_BYTES >> 20) + " MiB read at most, in " + scope, false);
			}
			String text = (body != null) ? body.string() : "";
			if (!response.isSuccessful()) {
				throw refused(response.code(), text, scope);
			}
			try {
				return JSON.readTree(text);
			}
			catch (RuntimeException ex) {
				throw new SourceException("Azure Monitor's answer is not JSON (" + Text.oneLine(text, 120)
						+ "): is the endpoint the Azure Monitor metrics API? in " + scope, false, ex);
			}
		}
		catch (AzureTokenInterceptor.TokenException ex) {
			throw new SourceException(ex.getMessage(), false, ex);
		}
		catch (IOException ex) {
			throw new SourceException(
					"Azure Monitor not reachable (" + Text.oneLine(ex.getMessage(), 160) + ") in " + scope, true, ex);
		}
	}

	/**
	 * Azure's error bodies: {@code {"error":{"code","message"}}} or
	 * {@code {"code","message"}}.
	 */
	private Refused refused(int status, String text, String scope) {
		String code = "";
		String message = "";
		try {
			JsonNode root = JSON.readTree(text);
			JsonNode error = root.has("error") ? root.path("error") : root;
			code = error.path("code").asString("");
			message = error.path("message").asString("");
		}
		catch (RuntimeException ex) {
			// not JSON: shown as it came
		}
		String detail = code.isEmpty() && message.isEmpty()
				? "a body that is not an Azure error: " + Text.oneLine(text, 120)
				: code + ": " + Text.oneLine(message, 240);
		String cause = (status == 401 || status == 403) ? "Azure Monitor refused the token"
				: (status == 429) ? "Azure Monitor throttled"
						: (status == 404) ? "Azure Monitor found no such resource or metric" : "Azure Monitor error";
		return new Refused(hide(cause + " (HTTP " + status + ", " + detail + ") in " + scope),
				status >= 500 || status == 429, status);
	}

	private String hide(String text) {
		String out = text;
		for (String s : this.tokens.secrets()) {
			if (s.length() >= 4) {
				out = out.replace(s, "***");
			}
		}
		return out;
	}

	/**
	 * One pair's series from the {@code value} array of a metrics answer: the metric of
	 * the pair's name, its one time series, the points carrying its aggregation.
	 */
	private SeriesResult result(PairMapping pair, JsonNode values, QueryWindow window) {
		AzureMonitorQuery q = query(pair);
		JsonNode metric = null;
		for (JsonNode m : values) {
			if (q.metric().equalsIgnoreCase(m.path("name").path("value").asString(""))) {
				metric = m;
			}
		}
		if (metric == null) {
			return SeriesResult.failed(pair.id(), new SourceException(
					"Azure Monitor answered no metric '" + q.metric() + "' for " + q.resourceName(), false));
		}
		String errorCode = metric.path("errorCode").asString("Success");
		if (!errorCode.equals("Success")) {
			return SeriesResult.failed(pair.id(), new SourceException("Azure Monitor " + errorCode + " for "
					+ q.describe() + ": " + Text.oneLine(metric.path("errorMessage").asString(""), 200), false));
		}
		String unit = metric.path("unit").asString("");
		if (q.unit() != null && !unit.isEmpty() && !unit.equalsIgnoreCase(q.unit())) {
			return SeriesResult.failed(pair.id(),
					new SourceException(
							"Azure Monitor reports " + q.metric() + " of " + q.resourceName() + " in " + unit
									+ ", the mapping declares " + q.unit() + ": fix the unit (and the unit-factor)",
							false));
		}
		JsonNode series = metric.path("timeseries");
		if (series.size() > 1) {
			return SeriesResult.failed(pair.id(),
					new SourceException("Azure Monitor answered " + series.size() + " series for " + q.describe()
							+ ": give every dimension of the metric a value under 'dimensions:'", false));
		}
		List<String> messages = new ArrayList<>();
		if (!unit.isEmpty()) {
			messages.add("unit " + unit);
		}
		if (series.isEmpty()) {
			return SeriesResult.ok(pair.id(), new TimeSeries(q.dimensions(), new long[0], new double[0], messages));
		}
		JsonNode data = series.get(0).path("data");
		long[] ts = new long[data.size()];
		double[] vs = new double[data.size()];
		int n = 0;
		int empty = 0;
		String field = q.aggregation().field();
		for (JsonNode point : data) {
			JsonNode value = point.get(field);
			if (value == null || value.isNull()) {
				empty++;
				continue;
			}
			Instant t;
			try {
				t = Instant.parse(point.path("timeStamp").asString(""));
			}
			catch (java.time.format.DateTimeParseException ex) {
				return SeriesResult.failed(pair.id(),
						new SourceException("Azure Monitor answered a time stamp that is not ISO 8601 ('"
								+ Text.oneLine(point.path("timeStamp").asString(""), 40) + "') for " + q.describe(),
								false));
			}
			ts[n] = t.toEpochMilli();
			vs[n] = value.isNumber() ? value.asDouble() : Double.NaN;
			n++;
		}
		if (empty > 0) {
			messages.add(empty + " grain(s) without a " + field + " (no data)");
		}
		long[] t2 = java.util.Arrays.copyOf(ts, n);
		double[] v2 = java.util.Arrays.copyOf(vs, n);
		sortByTime(t2, v2);
		return SeriesResult.ok(pair.id(), new TimeSeries(q.dimensions(), t2, v2, messages));
	}

	private static void sortByTime(long[] ts, double[] vs) {
		for (int i = 1; i < ts.length; i++) {
			if (ts[i] < ts[i - 1]) {
				Integer[] order = new Integer[ts.length];
				for (int k = 0; k < order.length; k++) {
					order[k] = k;
				}
				java.util.Arrays.sort(order, java.util.Comparator.comparingLong((Integer k) -> ts[k]));
				long[] t = ts.clone();
				double[] v = vs.clone();
				for (int k = 0; k < order.length; k++) {
					ts[k] = t[order[k]];
					vs[k] = v[order[k]];
				}
				return;
			}
		}
	}

}
