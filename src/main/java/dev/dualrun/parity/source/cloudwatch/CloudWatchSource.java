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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.source.TimeSeries;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
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

	private final CloudWatchClient client;

	private final String endpoint;

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong metrics = new AtomicLong();

	private final CloudWatchClientFactory.AttemptCounter attempts;

	private final AtomicLong splits = new AtomicLong();

	private final boolean ownsClient;

	private final java.util.concurrent.atomic.AtomicInteger serverErrorsInARow = new java.util.concurrent.atomic.AtomicInteger();

	/** The retries of a half of a failed call: throttling's only. */
	private final SdkPlugin halfRetries;

	/** Server errors after retries in a row that stop the splitting of refused calls. */
	static final int MAX_SERVER_ERRORS_IN_A_ROW = 3;

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
		this.halfRetries = CloudWatchClientFactory.throttlingRetriesOnly(client);
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
			fetchBatch(batch, window, results, true);
		}
	}

	/**
	 * @param failure a failed call of the batch
	 * @param batch the batch
	 * @return the failed calls in a row after which the batch is not split: a call too
	 * slow for its attempts may need log2(n) halvings, a service that fails every call is
	 * down
	 */
	private static int splitLimit(SourceException failure, List<PairMapping> batch) {
		int halvings = 32 - Integer.numberOfLeadingZeros(Math.max(0, batch.size() - 1));
		return MAX_SERVER_ERRORS_IN_A_ROW + (CloudWatchFailures.timedOut(failure) ? halvings : 0);
	}

	/**
	 * One GetMetricData call (all its pages) for a batch. A call refused as a whole for
	 * its content (a 400 such as a ValidationError or an invalid expression, or a 5xx
	 * still failing after the SDK's retries), or not answered in time in any attempt, is
	 * split in halves until the failing queries are isolated (or the calls are small
	 * enough), so one bad query never takes its neighbours down; only those pairs get the
	 * failure. A half of more than one pair is retried for throttling only: a refused
	 * query then costs one request per half that holds it, about 2 log2(n) requests after
	 * its first call's, and a single pair has the client's retries. Splitting on 5xx
	 * stops after {@link #MAX_SERVER_ERRORS_IN_A_ROW} failed calls in a row (CloudWatch
	 * is down, not one query bad), on time-outs after as many more as halvings the batch
	 * may need.
	 * @param first whether the call is a batch's first (not a half)
	 */
	private void fetchBatch(List<PairMapping> batch, QueryWindow window, Consumer<SeriesResult> results,
			boolean first) {
		SourceException failure = fetchOnce(batch, window, results, first || batch.size() == 1);
		if (failure == null) {
			this.serverErrorsInARow.set(0);
			return;
		}
		boolean server = (failure.getCause() instanceof CloudWatchException cw && cw.statusCode() >= 500)
				|| CloudWatchFailures.timedOut(failure);
		int inARow = server ? this.serverErrorsInARow.incrementAndGet() : 0;
		if (batch.size() > 1 && CloudWatchFailures.splittable(failure) && inARow < splitLimit(failure, batch)) {
			this.splits.incrementAndGet();
			log.info("GetMetricData for {} pair(s) failed ({}): splitting it to isolate the failing queries",
					batch.size(), failure.getMessage());
			int half = batch.size() / 2;
			fetchBatch(List.copyOf(batch.subList(0, half)), window, results, false);
			fetchBatch(List.copyOf(batch.subList(half, batch.size())), window, results, false);
			return;
		}
		if (batch.size() == 1 || !CloudWatchFailures.splittable(failure)) {
			log.warn("{}", failure.getMessage());
		}
		batch.forEach((p) -> results.accept(SeriesResult.failed(p.id(), failure)));
	}

	/**
	 * @return the pages of one call, each pair's result handed on; or the failure of the
	 * whole call (nothing handed on)
	 */
	private SourceException fetchOnce(List<PairMapping> batch, QueryWindow window, Consumer<SeriesResult> results,
			boolean retried) {
		List<MetricDataQuery> queries = new ArrayList<>();
		Map<String, PairMapping> byId = new LinkedHashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			String id = "q" + i;
			byId.put(id, batch.get(i));
			queries.addAll(CloudWatchQueries.of(id, query(batch.get(i)), window));
		}
		GetMetricDataRequest request = GetMetricDataRequest.builder()
			.metricDataQueries(queries)
			.startTime(window.start())
			.endTime(window.end())
			.scanBy(ScanBy.TIMESTAMP_ASCENDING)
			.overrideConfiguration((o) -> {
				if (!retried) {
					o.addPlugin(this.halfRetries);
				}
			})
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

	private SourceException translate(SdkException ex, List<PairMapping> batch) {
		return CloudWatchFailures.translate(ex,
				"GetMetricData for "
						+ ((batch.size() == 1) ? "pair '" + batch.get(0).id() + "'" : batch.size() + " pair(s)")
						+ " at " + this.endpoint);
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
