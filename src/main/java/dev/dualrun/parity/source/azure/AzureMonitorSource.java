package dev.dualrun.parity.source.azure;

import java.util.List;
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
import dev.dualrun.parity.source.http.RetryInterceptor;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;
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

	private static final MediaType JSON_TYPE = MediaType.get("application/json");

	private final AzureSettings settings;

	private final AzureMonitorHttp http;

	private final AtomicLong metrics = new AtomicLong();

	private final AtomicLong splits = new AtomicLong();

	private final java.util.Set<String> regions = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/**
	 * @param settings the API's settings
	 * @param tokens the bearer tokens of the requests
	 */
	AzureMonitorSource(AzureSettings settings, AzureTokenInterceptor tokens) {
		this.settings = settings;
		this.http = new AzureMonitorHttp(settings, tokens);
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
		return AzureMonitorBatches.of(pairs);
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
		return new CallCount(this.http.calls(), this.metrics.get(), this.http.retries());
	}

	@Override
	public void close() {
		this.http.close();
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
			root = this.http.call(new Request.Builder().url(url.build()).get().build(), scope);
		}
		catch (SourceException ex) {
			log.warn("{}", ex.getMessage());
			results.accept(SeriesResult.failed(pair.id(), ex));
			return;
		}
		this.metrics.incrementAndGet();
		results.accept(AzureMonitorAnswer.read(pair, root.path("value")));
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
		ObjectNode body = AzureMonitorHttp.JSON.createObjectNode();
		ArrayNode ids = body.putArray("resourceids");
		batch.forEach((p) -> ids.add(query(p).resource()));
		String scope = "metrics:getBatch for "
				+ ((batch.size() == 1) ? "pair '" + batch.get(0).id() + "'" : batch.size() + " resource(s)") + " at "
				+ endpoint;
		JsonNode root;
		try {
			root = this.http.call(new Request.Builder().url(batchUrl(base, first, window))
				.post(RequestBody.create(AzureMonitorHttp.JSON.writeValueAsBytes(body), JSON_TYPE))
				.build(), scope);
		}
		catch (SourceException ex) {
			if (batch.size() > 1 && ex instanceof AzureMonitorHttp.Refused refused && refused.status() == 400) {
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
		answerEach(batch, root, scope, first.region(), results);
	}

	private HttpUrl batchUrl(HttpUrl base, AzureMonitorQuery first, QueryWindow window) {
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
		return url.build();
	}

	/** Each pair of a batch its series from the answer's values of its resource. */
	private static void answerEach(List<PairMapping> batch, JsonNode root, String scope, String region,
			Consumer<SeriesResult> results) {
		Map<String, JsonNode> byResource = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (JsonNode v : root.path("values")) {
			byResource.put(v.path("resourceid").asString(""), v.path("value"));
		}
		for (PairMapping pair : batch) {
			JsonNode value = byResource.get(query(pair).resource());
			if (value == null) {
				results.accept(SeriesResult.failed(pair.id(),
						new SourceException("Azure Monitor answered no values for " + query(pair).resource() + " in "
								+ scope + ": is the resource in region " + region + "?", false)));
			}
			else {
				results.accept(AzureMonitorAnswer.read(pair, value));
			}
		}
	}

}
