package dev.dualrun.parity.batch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.cloudwatch.CallPlanner;
import dev.dualrun.parity.source.cloudwatch.CloudWatchClientFactory;
import dev.dualrun.parity.source.cloudwatch.CloudWatchSource;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.PackedSeries;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunPairRow;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The reader of step {@code fetch-cloudwatch}: it plans the GetMetricData calls of the
 * pairs whose CloudWatch series is not stored yet (so a restart never asks again for a
 * pair already answered) and makes them ahead of the step, {@code concurrency} at a time
 * within the configured request rate, so fetching never waits for a commit; each item is
 * the series of one call, stored when its chunk commits (a kill loses at most the calls
 * answered and not yet written). The client lives from open to close.
 */
final class FetchCloudWatchReader {

	private static final Logger log = LoggerFactory.getLogger(FetchCloudWatchReader.class);

	private final ParityStore store;

	private final ParityProperties.CloudWatch settings;

	private final Clock clock;

	private final long runId;

	private CloudWatchClient client;

	private CloudWatchSource source;

	private String region;

	private String endpoint;

	FetchCloudWatchReader(ParityStore store, ParityProperties.CloudWatch settings, Clock clock, long runId) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
		this.runId = runId;
	}

	/**
	 * @param store the store
	 * @param runId the run
	 * @return the calls to make for the pairs of the run whose CloudWatch series is not
	 * stored yet, in plan order
	 */
	static List<CloudWatchBatch> batches(ParityStore store, long runId) {
		Set<String> fetched = new HashSet<>(store.results().pairsWithEvidence(runId, EvidenceRow.OLD));
		Map<QueryWindow, List<PairMapping>> groups = new LinkedHashMap<>();
		for (RunPairRow row : store.runs().unjudgedPairs(runId)) {
			if (!fetched.contains(row.pairId())) {
				PairMapping pair = PairDefinitions.fromJson(row.definition());
				groups
					.computeIfAbsent(new QueryWindow(row.windowStart(), row.windowEnd(), pair.period()),
							(w) -> new ArrayList<>())
					.add(pair);
			}
		}
		List<QueryWindow> windows = new ArrayList<>();
		List<List<PairMapping>> calls = new ArrayList<>();
		groups.forEach((window, pairs) -> CallPlanner.plan(pairs, window.count()).forEach((batch) -> {
			windows.add(window);
			calls.add(batch);
		}));
		List<CloudWatchBatch> batches = new ArrayList<>(calls.size());
		for (int i = 0; i < calls.size(); i++) {
			batches.add(new CloudWatchBatch(windows.get(i), calls.get(i), i + 1, calls.size()));
		}
		return batches;
	}

	/**
	 * @return the step's reader: the calls of the run made ahead, the client opened with
	 * the reader and closed with it
	 */
	ItemStreamReader<List<EvidenceRow>> reader() {
		return new ReadAhead<>("cloudwatch-" + this.runId, () -> {
			open();
			return batches(this.store, this.runId);
		}, this::fetch, this.settings.concurrency(), this::close);
	}

	private void open() {
		CloudWatchClientFactory.AttemptCounter attempts = new CloudWatchClientFactory.AttemptCounter();
		this.client = CloudWatchClientFactory.create(this.settings, attempts);
		this.region = this.client.serviceClientConfiguration().region().id();
		this.endpoint = (this.settings.endpoint() != null) ? this.settings.endpoint() : "region " + this.region;
		this.source = new CloudWatchSource(this.client, this.endpoint, attempts);
	}

	private List<EvidenceRow> fetch(CloudWatchBatch batch) {
		List<EvidenceRow> rows = new ArrayList<>(batch.pairs().size());
		Map<String, PairMapping> byId = new LinkedHashMap<>();
		batch.pairs().forEach((p) -> byId.put(p.id(), p));
		this.source.fetch(batch.pairs(), batch.window(),
				(result) -> rows.add(evidence(batch.window(), byId.get(result.pairId()), result)));
		log.info("run {}: CloudWatch call {} of {} answered for {} pair(s)", this.runId, batch.number(), batch.of(),
				batch.pairs().size());
		return rows;
	}

	private EvidenceRow evidence(QueryWindow window, PairMapping pair, SeriesResult result) {
		String request = pair.cloudwatch().describe() + ", period " + window.period().toSeconds() + " s, "
				+ window.start() + " .. " + window.end();
		if (!result.isOk()) {
			return new EvidenceRow(this.runId, pair.id(), EvidenceRow.OLD, request, 0, 1.0, 0, "{}", "[]",
					Text.oneLine(result.failure().getMessage()), null, this.clock.instant());
		}
		var s = result.series();
		return new EvidenceRow(this.runId, pair.id(), EvidenceRow.OLD, request, 0, 1.0, s.size(),
				ParityStore.json(s.labels()), ParityStore.json(s.messages()), null,
				PackedSeries.pack(window, s.timestamps(), s.values()), this.clock.instant());
	}

	private void close() {
		if (this.source != null) {
			MetricSource.CallCount calls = this.source.calls();
			this.store.runs().addCalls(this.runId, calls.calls(), calls.metricsRequested(), 0, calls.retries(), 0);
			this.store.runs().cloudwatchBackend(this.runId, this.endpoint, this.source.version(), this.region);
			log.info(
					"run {}: CloudWatch: {} GetMetricData call(s) ({} retried, {} split to isolate a refused query), "
							+ "{} metric(s) requested",
					this.runId, calls.calls(), calls.retries(), this.source.splits(), calls.metricsRequested());
		}
		if (this.client != null) {
			this.client.close();
		}
		this.source = null;
		this.client = null;
	}

}
