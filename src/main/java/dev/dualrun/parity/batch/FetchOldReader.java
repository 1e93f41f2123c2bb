package dev.dualrun.parity.batch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.PackedSeries;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunPairRow;
import dev.dualrun.parity.store.RunRow;

/**
 * The reader of step {@code fetch-old}: it plans the calls to the old side for the pairs
 * whose old-side series is not stored yet (so a restart never asks again for a pair
 * already answered), grouped by source type and window and packed as each source's API
 * allows, and makes them ahead of the step, as many at a time as the old systems allow
 * (CloudWatch: within its request rate), so fetching never waits for a commit; each item
 * is the series of one call, stored when its chunk commits (a kill loses at most the
 * calls answered and not yet written). The sources are found by type in the one registry,
 * opened with the reader and closed with it.
 */
final class FetchOldReader {

	private static final Logger log = LoggerFactory.getLogger(FetchOldReader.class);

	private final ParityStore store;

	private final ParityProperties properties;

	private final Clock clock;

	private final long runId;

	private final PairPartition partition;

	private final Map<String, MetricSource> sources = new ConcurrentHashMap<>();

	/**
	 * @param store the store
	 * @param properties the settings
	 * @param clock the clock
	 * @param runId the run
	 * @param partition the pairs to fetch, or null for the whole run
	 */
	FetchOldReader(ParityStore store, ParityProperties properties, Clock clock, long runId, PairPartition partition) {
		this.store = store;
		this.properties = (partition != null) ? partition.settings(properties) : properties;
		this.clock = clock;
		this.runId = runId;
		this.partition = partition;
	}

	/**
	 * @return the calls to make for the pairs of the run whose old-side series is not
	 * stored yet, in plan order
	 */
	private List<OldSideCall> calls() {
		Set<String> fetched = new HashSet<>(this.store.results().pairsWithEvidence(this.runId, EvidenceRow.OLD));
		Map<String, Map<QueryWindow, List<PairMapping>>> groups = new LinkedHashMap<>();
		for (RunPairRow row : PairPartition.unjudged(this.store, this.runId, this.partition, this.properties)) {
			if (!fetched.contains(row.pairId())) {
				PairMapping pair = PairDefinitions.fromJson(row.definition());
				groups.computeIfAbsent(pair.oldType(), (t) -> new LinkedHashMap<>())
					.computeIfAbsent(new QueryWindow(row.windowStart(), row.windowEnd(), pair.period()),
							(w) -> new ArrayList<>())
					.add(pair);
			}
		}
		List<OldSideCall> planned = new ArrayList<>();
		groups.forEach((type, windows) -> {
			MetricSource source = source(type);
			windows.forEach((window, pairs) -> source.plan(pairs, window)
				.forEach((batch) -> planned.add(new OldSideCall(type, window, batch, 0, 0))));
		});
		List<OldSideCall> numbered = new ArrayList<>(planned.size());
		for (int i = 0; i < planned.size(); i++) {
			OldSideCall c = planned.get(i);
			numbered.add(new OldSideCall(c.type(), c.window(), c.pairs(), i + 1, planned.size()));
		}
		return numbered;
	}

	/**
	 * @return the step's reader: the calls of the run made ahead, the sources opened with
	 * the reader and closed with it
	 */
	ItemStreamReader<List<EvidenceRow>> reader() {
		return new ReadAhead<>("old-" + this.runId, this::calls, this::fetch,
				Sources.concurrency(this.properties, dev.dualrun.parity.config.Side.OLD), this::close);
	}

	private MetricSource source(String type) {
		return this.sources.computeIfAbsent(type, (t) -> Sources.open(t, this.properties));
	}

	private List<EvidenceRow> fetch(OldSideCall call) {
		MetricSource source = source(call.type());
		List<EvidenceRow> rows = new ArrayList<>(call.pairs().size());
		Map<String, PairMapping> byId = new LinkedHashMap<>();
		call.pairs().forEach((p) -> byId.put(p.id(), p));
		source.fetch(call.pairs(), call.window(),
				(result) -> rows.add(evidence(source, call.window(), byId.get(result.pairId()), result)));
		log.info("run {}: {} call {} of {} answered for {} pair(s)", this.runId, source.side(), call.number(),
				call.of(), call.pairs().size());
		return rows;
	}

	private EvidenceRow evidence(MetricSource source, QueryWindow window, PairMapping pair, SeriesResult result) {
		String request = source.describe(pair, window);
		if (!result.isOk()) {
			return new EvidenceRow(this.runId, pair.id(), EvidenceRow.OLD, request, 0, 1.0, 0, "{}", "[]",
					Text.oneLine(result.failure().getMessage()), null, this.clock.instant());
		}
		var s = result.series();
		return new EvidenceRow(this.runId, pair.id(), EvidenceRow.OLD, request, 0, 1.0, s.size(),
				ParityStore.json(s.labels()), ParityStore.json(s.messages()), null,
				PackedSeries.pack(window, s.timestamps(), s.values()), this.clock.instant());
	}

	/**
	 * @param stored a list stored, e.g. {@code us-east-1, eu-west-1}, or null
	 * @param more what this partition read, or null
	 * @param separator the list's separator
	 * @return both, each element once, in the order first seen
	 */
	static String merged(String stored, String more, String separator) {
		java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
		for (String list : new String[] { stored, more }) {
			if (list != null) {
				for (String element : list.split(java.util.regex.Pattern.quote(separator.strip()))) {
					if (!element.isBlank()) {
						all.add(element.strip());
					}
				}
			}
		}
		return all.isEmpty() ? null : String.join(separator, all);
	}

	/**
	 * Counts each source's calls into the run and records where the old side was read: a
	 * run of several old systems (CloudWatch and Azure Monitor) names each of them.
	 */
	private void close() {
		List<String> systems = new ArrayList<>();
		List<String> locations = new ArrayList<>();
		List<String> versions = new ArrayList<>();
		List<String> regions = new ArrayList<>();
		for (MetricSource source : new java.util.TreeMap<>(this.sources).values()) {
			MetricSource.CallCount calls = source.calls();
			MetricSource.Backend backend = source.backend();
			this.store.runs().addCalls(this.runId, calls.calls(), calls.metricsRequested(), 0, calls.retries(), 0);
			boolean several = this.sources.size() > 1;
			systems.add(source.side());
			locations.add(several ? source.side() + " " + backend.location() : backend.location());
			versions.add(backend.version());
			if (backend.region() != null) {
				regions.add(several ? source.side() + " " + backend.region() : backend.region());
			}
			log.info("run {}: {}: {} call(s) ({} retried, {} split to isolate a refused query), {} metric(s) requested",
					this.runId, source.side(), calls.calls(), calls.retries(), source.splits(),
					calls.metricsRequested());
			source.close();
		}
		if (!systems.isEmpty()) {
			String system = String.join(" + ", systems);
			String location = String.join("; ", locations);
			String version = String.join("; ", versions);
			String region = regions.isEmpty() ? null : String.join("; ", regions);
			RunRow run = (this.partition != null) ? this.store.run(this.runId).orElse(null) : null;
			if (run != null) {
				// a partition read one system, some of the run's regions: added to what
				// the
				// run's other partitions read
				system = merged(run.oldSystem(), system, " + ");
				location = merged(run.oldLocation(), location, "; ");
				version = merged(run.oldVersion(), version, "; ");
				region = merged(run.oldRegion(), region, ", ");
			}
			this.store.runs().oldBackend(this.runId, system, location, version, region);
		}
		this.sources.clear();
	}

}
