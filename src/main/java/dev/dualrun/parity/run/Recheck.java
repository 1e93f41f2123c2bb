package dev.dualrun.parity.run;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dualrun.parity.compare.PairJudge;
import dev.dualrun.parity.compare.SideAnswer;
import dev.dualrun.parity.compare.Verdict;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.report.CompactChart;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.BackendRow;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.ResultRows;
import dev.dualrun.parity.store.RunPairRow;

/**
 * The work of step {@code recheck}, the settle rule: the pairs the judge says fail only
 * in their newest periods ({@link PairJudge#mayBeSettling}) may be judging data still
 * arriving. After one pause ({@code --settle-recheck}) both their sides are read again,
 * the old side in the fewest calls, and the judge settles each
 * ({@link PairJudge#settle}): UNSETTLED if its newest periods changed. The second reads
 * are kept as evidence, so that a re-judgement settles the same. Nothing here writes: the
 * step writes what {@link #reread()} returns. A restart rechecks what is left: a pair
 * already UNSETTLED is no candidate.
 */
public final class Recheck implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Recheck.class);

	private final ParityStore store;

	private final ParityProperties properties;

	private final Clock clock;

	private final long runId;

	private final Map<String, MetricSource> oldSources = new HashMap<>();

	private final Map<String, MetricSource> newSources = new HashMap<>();

	/**
	 * A pair read again: its judgement settled, and both second reads.
	 *
	 * @param pair the judged pair to write (its verdict UNSETTLED, or as it was)
	 * @param again the second reads, as evidence
	 */
	public record Settled(JudgedPair pair, List<EvidenceRow> again) {

	}

	private record Candidate(RunPairRow planned, PairMapping pair, QueryWindow window, SideAnswer[] first,
			PairJudge.Judgement judgement) {

	}

	/**
	 * @param store the store
	 * @param properties the settings (the pause)
	 * @param clock the clock
	 * @param runId the run
	 */
	public Recheck(ParityStore store, ParityProperties properties, Clock clock, long runId) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		this.runId = runId;
	}

	/**
	 * Finds the candidates, pauses, reads both their sides again and settles each. Holds
	 * no transaction: it writes nothing.
	 * @return each candidate settled, with its second reads
	 * @throws InterruptedException if interrupted in the pause
	 */
	public List<Settled> reread() throws InterruptedException {
		Duration pause = this.properties.settleRecheck();
		List<Candidate> candidates = pause.isZero() ? List.of() : candidates();
		if (candidates.isEmpty()) {
			return List.of();
		}
		log.info("run {}: {} pair(s) fail only in their newest {} minutes: reading them again in {} s", this.runId,
				candidates.size(), PairJudge.NEWEST.toMinutes(), pause.toSeconds());
		Thread.sleep(pause.toMillis());
		Map<String, SideAnswer> oldAgain = rereadOld(candidates);
		List<Settled> out = new ArrayList<>();
		for (Candidate c : candidates) {
			MetricSource newSide = this.newSources.computeIfAbsent(c.pair().newType(),
					(type) -> Sources.open(type, this.properties));
			SideAnswer[] again = { oldAgain.get(c.pair().id()), read(newSide, c.pair(), c.window()) };
			out.add(settle(c, again, pause, newSide));
		}
		return out;
	}

	private Settled settle(Candidate c, SideAnswer[] again, Duration pause, MetricSource newSide) {
		for (SideAnswer a : again) {
			if (a instanceof SideAnswer.Failed f) {
				log.warn("pair {}: re-read failed, keeping the verdict: {}", c.pair().id(), f.message());
			}
		}
		PairJudge.Judgement settled = PairJudge.settle(c.pair(), c.window(), c.judgement(), c.first(), again, pause);
		if (settled.result().verdict() == Verdict.UNSETTLED) {
			log.info("pair {}: UNSETTLED ({})", c.pair().id(), settled.result().summary());
		}
		String chart = (settled.aligned() != null) ? CompactChart.json(settled.aligned(), c.pair(), c.window()) : null;
		JudgedPair judged = new JudgedPair(
				this.store.resultRow(this.runId, c.pair().id(), settled.result()).withChart(chart),
				ResultRows.discrepancies(this.runId, c.pair().id(), settled.result().points().discrepancies()),
				List.of());
		String oldRequest = this.store.results()
			.evidence(this.runId, c.pair().id(), EvidenceRow.Side.OLD)
			.map(EvidenceRow::request)
			.orElse("");
		List<EvidenceRow> evidence = List.of(
				EvidenceRow.of(this.runId, c.pair().id(), EvidenceRow.Side.OLD_AGAIN, oldRequest, c.window(), 0, 1.0,
						(again[0] != null) ? again[0] : new SideAnswer.Failed("not read again"), this.clock.instant()),
				EvidenceRow.of(this.runId, c.pair().id(), EvidenceRow.Side.NEW_AGAIN,
						newSide.describe(c.pair(), c.window()), c.window(), (int) c.pair().period().toSeconds(),
						c.pair().unitFactor(), again[1], this.clock.instant()));
		return new Settled(judged, evidence);
	}

	/**
	 * FAIL pairs whose every discrepancy lies in the newest periods of their window, as
	 * the store's first discrepancies show, judged again from what the run read so that
	 * the judge decides.
	 */
	private List<Candidate> candidates() {
		Map<String, RunPairRow> planned = new HashMap<>();
		this.store.runs().pairs(this.runId).forEach((p) -> planned.put(p.pairId(), p));
		List<Candidate> out = new ArrayList<>();
		for (var f : this.store.results().firstDiscrepancies(this.runId)) {
			RunPairRow row = planned.get(f.pairId());
			if (row == null || f.firstDiscrepancy().isBefore(f.windowEnd().minus(PairJudge.NEWEST))) {
				continue;
			}
			PairMapping pair = PairDefinitions.fromJson(row.definition());
			QueryWindow window = row.window();
			SideAnswer[] first = { this.store.answer(this.runId, pair, EvidenceRow.Side.OLD),
					this.store.answer(this.runId, pair, EvidenceRow.Side.NEW) };
			PairJudge.Judgement judgement = PairJudge.judge(pair, window, first[0], first[1]);
			if (PairJudge.mayBeSettling(judgement, window)) {
				out.add(new Candidate(row, pair, window, first, judgement));
			}
		}
		return out;
	}

	/**
	 * One batched read of the candidates' old side, in the fewest calls of each source.
	 */
	private Map<String, SideAnswer> rereadOld(List<Candidate> candidates) {
		Map<String, Map<QueryWindow, List<PairMapping>>> groups = new LinkedHashMap<>();
		for (Candidate c : candidates) {
			groups.computeIfAbsent(c.pair().oldType(), (t) -> new LinkedHashMap<>())
				.computeIfAbsent(c.window(), (w) -> new ArrayList<>())
				.add(c.pair());
		}
		Map<String, SideAnswer> out = new HashMap<>();
		groups.forEach((type, windows) -> {
			MetricSource source = this.oldSources.computeIfAbsent(type, (t) -> Sources.open(t, this.properties));
			windows.forEach((window, pairs) -> source.plan(pairs, window)
				.forEach((batch) -> source.fetch(batch, window,
						(r) -> out.put(r.pairId(), r.isOk() ? new SideAnswer.Series(r.series())
								: new SideAnswer.Failed(Text.oneLine(r.failure().getMessage()))))));
		});
		return out;
	}

	private static SideAnswer read(MetricSource source, PairMapping pair, QueryWindow window) {
		try {
			return new SideAnswer.Series(source.fetch(pair, window));
		}
		catch (SourceException ex) {
			return new SideAnswer.Failed(Text.oneLine(ex.getMessage()));
		}
	}

	/**
	 * @return the run
	 */
	public long runId() {
		return this.runId;
	}

	/**
	 * @return the pause before the second reads, which the run keeps for a re-judgement
	 */
	public Duration pause() {
		return this.properties.settleRecheck();
	}

	/**
	 * @param stepExecutionId the step
	 * @return the step's record of each source it opened, with its calls
	 */
	public List<BackendRow> backends(long stepExecutionId) {
		List<BackendRow> rows = new ArrayList<>(
				Bookkeeping.rows(this.runId, stepExecutionId, Side.OLD, new TreeMap<>(this.oldSources).values()));
		rows.addAll(Bookkeeping.rows(this.runId, stepExecutionId, Side.NEW, new TreeMap<>(this.newSources).values()));
		return rows;
	}

	@Override
	public void close() {
		this.oldSources.values().forEach(MetricSource::close);
		this.newSources.values().forEach(MetricSource::close);
		this.oldSources.clear();
		this.newSources.clear();
	}

}
