package dev.dualrun.parity.source.cloudwatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.source.TimeSeries;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * The CloudWatch side: one {@code GetMetricData} call per batch of {@link CallPlanner},
 * pages followed with the SDK paginator and merged by query id, {@code StatusCode} and
 * {@code Messages} kept. Query ids are {@code q<index in batch>}, so a plan always sends
 * the same request.
 */
public final class CloudWatchSource implements MetricSource {

	private static final Logger log = LoggerFactory.getLogger(CloudWatchSource.class);

	private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-z][A-Za-z0-9_]*)\\b");

	private final CloudWatchClient client;

	private final String endpoint;

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong metrics = new AtomicLong();

	private final CloudWatchClientFactory.AttemptCounter attempts;

	private final AtomicLong splits = new AtomicLong();

	private final boolean ownsClient;

	private final java.util.concurrent.atomic.AtomicInteger serverErrorsInARow = new java.util.concurrent.atomic.AtomicInteger();

	/** Server errors after retries in a row that stop the splitting of refused calls. */
	static final int MAX_SERVER_ERRORS_IN_A_ROW = 3;

	/** Error codes of a refused identity: every half would be refused too. */
	private static final Set<String> AUTH_CODES = Set.of("AccessDenied", "AccessDeniedException",
			"UnrecognizedClientException", "InvalidClientTokenId", "SignatureDoesNotMatch", "IncompleteSignature",
			"ExpiredToken", "ExpiredTokenException", "MissingAuthenticationToken", "InvalidSignatureException");

	/**
	 * @param client the SDK client
	 * @param endpoint where the client points, for messages (region or override URL)
	 * @param attempts the client's attempt counter, for the retries it made
	 */
	public CloudWatchSource(CloudWatchClient client, String endpoint, CloudWatchClientFactory.AttemptCounter attempts) {
		this(client, endpoint, attempts, false);
	}

	/**
	 * @param client the SDK client
	 * @param endpoint where the client points, for messages (region or override URL)
	 * @param attempts the client's attempt counter, for the retries it made
	 * @param ownsClient whether closing this source closes the client
	 */
	CloudWatchSource(CloudWatchClient client, String endpoint, CloudWatchClientFactory.AttemptCounter attempts,
			boolean ownsClient) {
		this.client = client;
		this.endpoint = endpoint;
		this.attempts = attempts;
		this.ownsClient = ownsClient;
	}

	/**
	 * @param pair a pair whose old side is CloudWatch
	 * @return its CloudWatch query
	 * @throws IllegalArgumentException if the pair's old side is another source
	 */
	static CloudWatchQuery query(PairMapping pair) {
		if (pair.old() instanceof CloudWatchQuery cw) {
			return cw;
		}
		throw new IllegalArgumentException("pair '" + pair.id() + "' reads " + pair.oldType() + ", not CloudWatch");
	}

	@Override
	public List<List<PairMapping>> plan(List<PairMapping> pairs, QueryWindow window) {
		return CallPlanner.plan(pairs, window.count());
	}

	@Override
	public String describe(PairMapping pair, QueryWindow window) {
		return query(pair).describe() + ", period " + window.period().toSeconds() + " s, " + window.start() + " .. "
				+ window.end();
	}

	@Override
	public Backend backend() {
		return new Backend(this.endpoint, this.client.serviceClientConfiguration().region().id(), version(), null);
	}

	@Override
	public void close() {
		if (this.ownsClient) {
			this.client.close();
		}
	}

	@Override
	public String side() {
		return "CloudWatch";
	}

	@Override
	public void fetch(List<PairMapping> pairs, QueryWindow window, Consumer<SeriesResult> results) {
		for (List<PairMapping> batch : CallPlanner.plan(pairs, window.count())) {
			fetchBatch(batch, window, results);
		}
	}

	/**
	 * One GetMetricData call (all its pages) for a batch. A call refused as a whole for
	 * its content (a 400 such as a ValidationError or an invalid expression, or a 5xx
	 * still failing after the SDK's retries) is split in halves until the failing queries
	 * are isolated, so one bad query never takes its neighbours down; only those pairs
	 * get the failure. Splitting on 5xx stops after {@link #MAX_SERVER_ERRORS_IN_A_ROW}
	 * failed calls in a row: CloudWatch is down, not one query bad.
	 */
	private void fetchBatch(List<PairMapping> batch, QueryWindow window, Consumer<SeriesResult> results) {
		SourceException failure = fetchOnce(batch, window, results);
		if (failure == null) {
			this.serverErrorsInARow.set(0);
			return;
		}
		boolean server = failure.getCause() instanceof CloudWatchException cw && cw.statusCode() >= 500;
		int inARow = server ? this.serverErrorsInARow.incrementAndGet() : 0;
		if (batch.size() > 1 && splittable(failure) && inARow < MAX_SERVER_ERRORS_IN_A_ROW) {
			this.splits.incrementAndGet();
			log.info("GetMetricData for {} pair(s) refused ({}): splitting it to isolate the failing queries",
					batch.size(), failure.getMessage());
			int half = batch.size() / 2;
			fetchBatch(List.copyOf(batch.subList(0, half)), window, results);
			fetchBatch(List.copyOf(batch.subList(half, batch.size())), window, results);
			return;
		}
		if (batch.size() == 1 || !splittable(failure)) {
			log.warn("{}", failure.getMessage());
		}
		batch.forEach((p) -> results.accept(SeriesResult.failed(p.id(), failure)));
	}

	/** Refusals of a call for what it asks, not for who asks or how often. */
	private static boolean splittable(SourceException failure) {
		if (!(failure.getCause() instanceof CloudWatchException cw) || cw.isThrottlingException()) {
			return false;
		}
		int status = cw.statusCode();
		return status >= 500 || (status == 400 && !AUTH_CODES.contains(errorCode(cw)));
	}

	private static String errorCode(CloudWatchException cw) {
		return (cw.awsErrorDetails() != null) ? cw.awsErrorDetails().errorCode() : null;
	}

	/**
	 * @return the pages of one call, each pair's result handed on; or the failure of the
	 * whole call (nothing handed on)
	 */
	private SourceException fetchOnce(List<PairMapping> batch, QueryWindow window, Consumer<SeriesResult> results) {
		List<MetricDataQuery> queries = new ArrayList<>();
		Map<String, PairMapping> byId = new LinkedHashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			String id = "q" + i;
			byId.put(id, batch.get(i));
			queries.addAll(queriesFor(id, batch.get(i), window));
		}
		GetMetricDataRequest request = GetMetricDataRequest.builder()
			.metricDataQueries(queries)
			.startTime(window.start())
			.endTime(window.end())
			.scanBy(ScanBy.TIMESTAMP_ASCENDING)
			.build();
		Map<String, Accumulator> merged = new HashMap<>();
		List<String> callMessages = new ArrayList<>();
		try {
			Set<String> tokens = new HashSet<>();
			for (GetMetricDataResponse page : this.client.getMetricDataPaginator(request)) {
				this.calls.incrementAndGet();
				for (MetricDataResult r : page.metricDataResults()) {
					merged.computeIfAbsent(r.id(), (k) -> new Accumulator()).add(r);
				}
				page.messages().forEach((m) -> callMessages.add(m.code() + ": " + m.value()));
				String token = page.nextToken();
				if (token != null && !token.isEmpty() && !tokens.add(token)) {
					throw new SourceException("CloudWatch repeated NextToken '" + token + "' at " + this.endpoint
							+ ": the server's pagination is broken", false);
				}
			}
			this.metrics.addAndGet(queries.stream().filter((q) -> q.metricStat() != null).count());
		}
		catch (SourceException ex) {
			return ex;
		}
		catch (SdkException ex) {
			this.calls.incrementAndGet();
			return translate(ex, batch);
		}
		byId.forEach((id, pair) -> results.accept(result(pair, merged.get(id), callMessages)));
		return null;
	}

	private SeriesResult result(PairMapping pair, Accumulator acc, List<String> callMessages) {
		if (acc == null) {
			return SeriesResult.failed(pair.id(), new SourceException(
					"CloudWatch answered no result for pair '" + pair.id() + "' at " + this.endpoint, true));
		}
		if (acc.status == StatusCode.INTERNAL_ERROR || acc.status == StatusCode.FORBIDDEN) {
			return SeriesResult.failed(pair.id(),
					new SourceException("CloudWatch status " + acc.status + " for " + query(pair).describe() + ": "
							+ String.join("; ", acc.messages), acc.status == StatusCode.INTERNAL_ERROR));
		}
		List<String> messages = new ArrayList<>(acc.messages);
		if (acc.status == StatusCode.PARTIAL_DATA) {
			messages.add("CloudWatch status PartialData after the last page");
		}
		messages.addAll(callMessages);
		return SeriesResult.ok(pair.id(), acc.toSeries(query(pair).dimensions(), messages));
	}

	private List<MetricDataQuery> queriesFor(String id, PairMapping pair, QueryWindow window) {
		CloudWatchQuery cw = query(pair);
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

	private SourceException translate(SdkException ex, List<PairMapping> batch) {
		return translate(ex,
				"GetMetricData for "
						+ ((batch.size() == 1) ? "pair '" + batch.get(0).id() + "'" : batch.size() + " pair(s)")
						+ " at " + this.endpoint);
	}

	/**
	 * A failure of a CloudWatch call in one line: refused credentials, throttling, a
	 * CloudWatch error with its code, an answer that is not CloudWatch's, or no answer.
	 * @param ex the SDK's exception
	 * @param scope the call and where, e.g. {@code GetMetricData for pair 'x' at region
	 * us-east-1}
	 * @return the failure, retryable where a retry may help
	 */
	static SourceException translate(SdkException ex, String scope) {
		if (ex instanceof CloudWatchException cw) {
			String code = (cw.awsErrorDetails() != null) ? cw.awsErrorDetails().errorCode() : null;
			String message = (cw.awsErrorDetails() != null) ? cw.awsErrorDetails().errorMessage() : cw.getMessage();
			int status = cw.statusCode();
			if (code == null && message == null) {
				var raw = (cw.awsErrorDetails() != null) ? cw.awsErrorDetails().rawResponse() : null;
				String body = (raw != null) ? new String(raw.asByteArray(), java.nio.charset.StandardCharsets.UTF_8)
						: "";
				return new SourceException(
						"CloudWatch answered HTTP " + status + " with a body that is not a CloudWatch error ("
								+ Text.oneLine(body, 120) + "): is the endpoint a CloudWatch API? in " + scope,
						status >= 500, ex);
			}
			String cause = (status == 401 || status == 403) ? "CloudWatch refused the credentials"
					: cw.isThrottlingException() ? "CloudWatch throttled" : "CloudWatch error";
			return new SourceException(cause + " (" + code + ", HTTP " + status + ": " + message + ") in " + scope,
					status >= 500 || cw.isThrottlingException(), ex);
		}
		if (ex instanceof SdkClientException && String.valueOf(ex.getMessage()).startsWith("Unable to unmarshall")) {
			return new SourceException(
					"CloudWatch's answer could not be read (not the protocol of the CloudWatch API: "
							+ Text.oneLine(ex.getMessage(), 200) + "): is the endpoint a CloudWatch API? in " + scope,
					false, ex);
		}
		if (ex instanceof SdkClientException) {
			return new SourceException(
					"CloudWatch not reachable or client failed (" + ex.getMessage() + ") in " + scope, true, ex);
		}
		return new SourceException("CloudWatch failed (" + ex.getMessage() + ") in " + scope, true, ex);
	}

	@Override
	public String version() {
		return "GetMetricData API 2010-08-01 (AWS SDK for Java " + VersionInfo.SDK_VERSION + ") at " + this.endpoint;
	}

	@Override
	public long splits() {
		return this.splits.get();
	}

	@Override
	public CallCount calls() {
		return new CallCount(this.calls.get(), this.metrics.get(), this.attempts.retries());
	}

	/** Merges the pages of one query id. */
	private static final class Accumulator {

		private final List<java.time.Instant> timestamps = new ArrayList<>();

		private final List<Double> values = new ArrayList<>();

		private final List<String> messages = new ArrayList<>();

		private StatusCode status = StatusCode.COMPLETE;

		void add(MetricDataResult r) {
			this.timestamps.addAll(r.timestamps());
			this.values.addAll(r.values());
			r.messages().forEach((m) -> this.messages.add(m.code() + ": " + m.value()));
			this.status = r.statusCode();
		}

		TimeSeries toSeries(SortedMap<String, String> dimensions, List<String> messages) {
			int n = Math.min(this.timestamps.size(), this.values.size());
			Integer[] order = new Integer[n];
			for (int i = 0; i < n; i++) {
				order[i] = i;
			}
			java.util.Arrays.sort(order, java.util.Comparator.comparing(this.timestamps::get));
			long[] ts = new long[n];
			double[] vs = new double[n];
			for (int i = 0; i < n; i++) {
				ts[i] = this.timestamps.get(order[i]).toEpochMilli();
				vs[i] = this.values.get(order[i]);
			}
			if (this.timestamps.size() != this.values.size()) {
				messages.add("CloudWatch returned " + this.timestamps.size() + " timestamps but " + this.values.size()
						+ " values");
			}
			return new TimeSeries(dimensions, ts, vs, messages);
		}

	}

}
