package dev.dualrun.parity.run;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dualrun.parity.compare.SideAnswer;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.BackendRow;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunPairRow;

/**
 * The work of step {@code fetch-old}: it plans the calls to the old side for the pairs
 * whose old-side answer is not stored yet (so a restart never asks again for a pair
 * already answered), grouped by source type and window and packed as each source's API
 * allows, and makes them one by one ({@link #fetch}), each call's answers as evidence
 * rows. The sources are found by type in the one registry, opened on first use and closed
 * with {@link #close()}; {@link #backends(long)} is the step's record of them.
 */
public final class OldSideFetch implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OldSideFetch.class);

	private final ParityStore store;

	private final ParityProperties properties;

	private final Clock clock;

	private final long runId;

	private final Partition partition;

	private final Map<String, MetricSource> sources = new ConcurrentHashMap<>();

	/**
	 * @param store the store
	 * @param properties the settings
	 * @param clock the clock
	 * @param runId the run
	 * @param partition the pairs to fetch, or null for the whole run
	 */
	public OldSideFetch(ParityStore store, ParityProperties properties, Clock clock, long runId, Partition partition) {
		this.store = store;
		this.properties = (partition != null) ? partition.settings(properties) : properties;
		this.clock = clock;
		this.runId = runId;
		this.partition = partition;
	}

	/**
	 * @return the calls to make for the pairs of the run whose old-side answer is not
	 * stored yet, in plan order
	 */
	public List<OldSideCall> calls() {
		Set<String> fetched = new HashSet<>(this.store.results().pairsWithEvidence(this.runId, EvidenceRow.Side.OLD));
		Map<String, Map<QueryWindow, List<PairMapping>>> groups = new LinkedHashMap<>();
		for (RunPairRow row : Partition.unjudged(this.store, this.runId, this.partition, this.properties)) {
			if (!fetched.contains(row.pairId())) {
				PairMapping pair = PairDefinitions.fromJson(row.definition());
				groups.computeIfAbsent(pair.oldType(), (t) -> new LinkedHashMap<>())
					.computeIfAbsent(row.window(), (w) -> new ArrayList<>())
					.add(pair);
			}
		}
		List<OldSideCall> planned = new ArrayList<>();
		groups.forEach((type, windows) -> {
			MetricSource source = source(type);
			windows.forEach((window, pairs) -> source.plan(pairs, window)
				.forEach((batch) -> planned.add(new OldSideCall(type, window, batch, 0, 0))));
		});
		// numbered per source, as each source's progress and total are told
		Map<String, Long> perSource = planned.stream()
			.collect(java.util.stream.Collectors.groupingBy(OldSideCall::type, java.util.stream.Collectors.counting()));
		Map<String, Integer> numbers = new HashMap<>();
		List<OldSideCall> numbered = new ArrayList<>(planned.size());
		for (OldSideCall c : planned) {
			int number = numbers.merge(c.type(), 1, Integer::sum);
			numbered.add(new OldSideCall(c.type(), c.window(), c.pairs(), number, perSource.get(c.type()).intValue()));
		}
		return numbered;
	}

	/**
	 * @return the sources' settings' limit on calls in flight at once
	 */
	public int concurrency() {
		return Sources.concurrency(this.properties, Side.OLD);
	}

	private MetricSource source(String type) {
		return this.sources.computeIfAbsent(type, (t) -> Sources.open(t, this.properties));
	}

	/**
	 * Makes one call; every pair gets its answer, a failure of one pair hiding none of
	 * the others.
	 * @param call the call
	 * @return the answer of each of its pairs, as evidence
	 */
	public List<EvidenceRow> fetch(OldSideCall call) {
		MetricSource source = source(call.type());
		List<EvidenceRow> rows = new ArrayList<>(call.pairs().size());
		Map<String, PairMapping> byId = new LinkedHashMap<>();
		call.pairs().forEach((p) -> byId.put(p.id(), p));
		source.fetch(call.pairs(), call.window(),
				(result) -> rows.add(evidence(source, call.window(), byId.get(result.pairId()), result)));
		log.info("run {}: {} batch {} of {} answered for {} pair(s)", this.runId, source.side(), call.number(),
				call.of(), call.pairs().size());
		return rows;
	}

	private EvidenceRow evidence(MetricSource source, QueryWindow window, PairMapping pair, SeriesResult result) {
		SideAnswer answer = result.isOk() ? new SideAnswer.Series(result.series())
				: new SideAnswer.Failed(Text.oneLine(result.failure().getMessage()));
		return EvidenceRow.of(this.runId, pair.id(), EvidenceRow.Side.OLD, source.describe(pair, window), window, 0,
				1.0, answer, this.clock.instant());
	}

	/**
	 * @param stepExecutionId the step
	 * @return the step's record of each source it opened, its counts so far
	 */
	public List<BackendRow> backends(long stepExecutionId) {
		return Bookkeeping.rows(this.runId, stepExecutionId, Side.OLD, new TreeMap<>(this.sources).values());
	}

	/** Logs what each source did and closes it. */
	@Override
	public void close() {
		for (MetricSource source : new TreeMap<>(this.sources).values()) {
			MetricSource.CallCount calls = source.calls();
			log.info("run {}: {}: {} call(s) ({} retried, {} split to isolate a refused query), {} metric(s) requested",
					this.runId, source.side(), calls.calls(), calls.retries(), source.splits(),
					calls.metricsRequested());
			source.close();
		}
		this.sources.clear();
	}

}
