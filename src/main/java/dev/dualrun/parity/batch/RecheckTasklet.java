package dev.dualrun.parity.batch;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.compare.PairJudge;
import dev.dualrun.parity.compare.Verdict;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.source.TimeSeries;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.PackedSeries;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.PairResultRow;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunPairRow;

/**
 * Step {@code recheck}, the settle rule: the pairs that FAIL only in their newest 30
 * minutes may be judging data still arriving. After one pause ({@code --settle-recheck})
 * their old side is read again in the fewest calls and their new side once each; a pair
 * whose newest periods changed on either side is UNSETTLED, not FAIL. The candidates are
 * found from the store (a FAIL whose every discrepancy is that recent), so a restart
 * rechecks what is left and nothing twice.
 */
record RecheckTasklet(ParityStore store, ParityProperties properties, Clock clock) implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(RecheckTasklet.class);

	/** Failures in this many newest minutes may still be late data. */
	static final Duration NEWEST = Duration.ofMinutes(30);

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		long runId = RunContext.requireRunId(contribution.getStepExecution().getJobExecution());
		Duration pause = this.properties.settleRecheck();
		if (pause.isZero()) {
			return RepeatStatus.FINISHED;
		}
		List<RunPairRow> candidates = candidates(runId);
		if (candidates.isEmpty()) {
			return RepeatStatus.FINISHED;
		}
		log.info("run {}: {} pair(s) fail only in their newest {} minutes: reading them again in {} s", runId,
				candidates.size(), NEWEST.toMinutes(), pause.toSeconds());
		Thread.sleep(pause.toMillis());
		Map<String, TimeSeries> oldAgain = rereadOld(runId, candidates);
		Map<String, MetricSource> newSources = new HashMap<>();
		try {
			for (RunPairRow planned : candidates) {
				PairMapping pair = PairDefinitions.fromJson(planned.definition());
				recheck(runId, planned, pair, pause, oldAgain.get(pair.id()),
						newSources.computeIfAbsent(pair.newType(), (type) -> Sources.open(type, this.properties)));
			}
		}
		finally {
			for (MetricSource source : newSources.values()) {
				var calls = source.calls();
				this.store.runs().addCalls(runId, 0, 0, calls.calls(), 0, calls.retries());
				source.close();
			}
		}
		return RepeatStatus.FINISHED;
	}

	private void recheck(long runId, RunPairRow planned, PairMapping pair, Duration pause, TimeSeries oldAgain,
			MetricSource newSide) {
		QueryWindow window = new QueryWindow(planned.windowStart(), planned.windowEnd(), pair.period());
		TimeSeries newAgain;
		try {
			newAgain = newSide.fetch(pair, window);
		}
		catch (SourceException ex) {
			log.warn("pair {}: re-read of {} failed, keeping the verdict: {}", pair.id(), newSide.side(),
					ex.getMessage());
			return;
		}
		if (oldAgain == null) {
			return;
		}
		AlignedPair first = PairJudge.align(pair, window, stored(runId, pair.id(), EvidenceRow.OLD),
				stored(runId, pair.id(), EvidenceRow.NEW));
		AlignedPair again = PairJudge.align(pair, window, oldAgain, newAgain);
		int from = Math.max(0, window.count() - (int) (NEWEST.toSeconds() / window.period().toSeconds()));
		int oldChanged = changed(first.oldValues(), first.oldPresent(), again.oldValues(), again.oldPresent(), from);
		int newChanged = changed(first.newValues(), first.newPresent(), again.newValues(), again.newPresent(), from);
		if (oldChanged + newChanged > 0) {
			Diagnosis unsettled = new Diagnosis(Diagnosis.Code.UNSETTLED, String.format(Locale.ROOT,
					"the newest %d minutes changed when read again after %d s (%s: %d period(s), %s: %d): data was "
							+ "still arriving; judge again later or raise --settle (the settle rule)",
					NEWEST.toMinutes(), pause.toSeconds(), pair.sides().oldName(), oldChanged, pair.sides().newName(),
					newChanged));
			List<Diagnosis> diagnoses = new ArrayList<>();
			diagnoses.add(unsettled);
			PairResultRow earlier = this.store.results().result(runId, pair.id()).orElse(null);
			if (earlier != null) {
				diagnoses.addAll(ParityStore.diagnoses(earlier.diagnoses()));
			}
			this.store.results()
				.unsettle(runId, pair.id(), Verdict.UNSETTLED.name(), unsettled.message(), ParityStore.json(diagnoses));
			log.info("pair {}: UNSETTLED ({})", pair.id(), unsettled.message());
		}
	}

	/**
	 * FAIL pairs whose every discrepancy lies in the newest 30 minutes of their window.
	 */
	private List<RunPairRow> candidates(long runId) {
		Map<String, RunPairRow> planned = new HashMap<>();
		this.store.runs().pairs(runId).forEach((p) -> planned.put(p.pairId(), p));
		List<RunPairRow> out = new ArrayList<>();
		for (var f : this.store.results().firstDiscrepancies(runId)) {
			RunPairRow p = planned.get(f.pairId());
			if (p != null && !f.firstDiscrepancy().isBefore(f.windowEnd().minus(NEWEST))) {
				out.add(p);
			}
		}
		return out;
	}

	/**
	 * One batched read of the candidates' old side, in the fewest calls of each source.
	 */
	private Map<String, TimeSeries> rereadOld(long runId, List<RunPairRow> candidates) {
		Map<String, Map<QueryWindow, List<PairMapping>>> groups = new LinkedHashMap<>();
		for (RunPairRow row : candidates) {
			PairMapping pair = PairDefinitions.fromJson(row.definition());
			groups.computeIfAbsent(pair.oldType(), (t) -> new LinkedHashMap<>())
				.computeIfAbsent(new QueryWindow(row.windowStart(), row.windowEnd(), pair.period()),
						(w) -> new ArrayList<>())
				.add(pair);
		}
		Map<String, TimeSeries> out = new HashMap<>();
		groups.forEach((type, windows) -> {
			try (MetricSource source = Sources.open(type, this.properties)) {
				windows.forEach((window, pairs) -> source.plan(pairs, window)
					.forEach((batch) -> source.fetch(batch, window, (SeriesResult r) -> {
						if (r.isOk()) {
							out.put(r.pairId(), r.series());
						}
						else {
							log.warn("pair {}: re-read of {} failed, keeping the verdict: {}", r.pairId(),
									source.side(), r.failure().getMessage());
						}
					})));
				var calls = source.calls();
				this.store.runs().addCalls(runId, calls.calls(), calls.metricsRequested(), 0, calls.retries(), 0);
			}
		});
		return out;
	}

	private TimeSeries stored(long runId, String pairId, String side) {
		EvidenceRow row = this.store.results().evidence(runId, pairId, side).orElseThrow();
		PackedSeries.Points p = PackedSeries.unpack(row.packed());
		return new TimeSeries(Map.of(), p.timestamps(), p.values(), List.of());
	}

	static int changed(double[] a, BitSet aPresent, double[] b, BitSet bPresent, int from) {
		int n = 0;
		for (int k = from; k < a.length; k++) {
			boolean pa = aPresent.get(k);
			boolean pb = bPresent.get(k);
			if (pa != pb || (pa && Double.compare(a[k], b[k]) != 0
					&& Math.abs(a[k] - b[k]) > 1e-9 * Math.max(Math.abs(a[k]), Math.abs(b[k])))) {
				n++;
			}
		}
		return n;
	}

}
