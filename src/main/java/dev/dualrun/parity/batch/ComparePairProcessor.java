package dev.dualrun.parity.batch;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dualrun.parity.compare.ComparisonResult;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.report.CompactChart;
import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.compare.PairJudge;
import dev.dualrun.parity.source.CardinalityException;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.source.TimeSeries;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.PackedSeries;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunPairRow;

/**
 * Judges one pair: the stored old-side series against the new side's series fetched now,
 * aligned and compared. A source failure becomes an ERROR judgement with its cause, and
 * the run goes on. Called concurrently by the compare step's reader; holds no mutable
 * state. At the end of the step it adds its new-side requests to the run.
 */
final class ComparePairProcessor {

	private static final Logger log = LoggerFactory.getLogger(ComparePairProcessor.class);

	private final ParityStore store;

	private final MetricSource newSide;

	private final Clock clock;

	private final java.util.concurrent.Semaphore judging;

	ComparePairProcessor(ParityStore store, MetricSource newSide, Clock clock, int judgingThreads) {
		this.store = store;
		this.newSide = newSide;
		this.clock = clock;
		this.judging = new java.util.concurrent.Semaphore(judgingThreads);
	}

	/**
	 * @param planned a planned pair
	 * @return its judgement, or its ERROR with the cause
	 */
	JudgedPair process(RunPairRow planned) {
		PairMapping pair = PairDefinitions.fromJson(planned.definition());
		try {
			return judge(planned, pair);
		}
		catch (RuntimeException ex) {
			// a defect in judging one pair must not stop the others: record it as the
			// pair's cause
			log.warn("pair {}: internal error while judging", pair.id(), ex);
			return error(planned.runId(), pair, "internal error while judging the pair: " + ex, null);
		}
	}

	private JudgedPair judge(RunPairRow planned, PairMapping pair) {
		long runId = planned.runId();
		QueryWindow window = new QueryWindow(planned.windowStart(), planned.windowEnd(), pair.period());
		EvidenceRow oldEvidence = this.store.results().evidence(runId, pair.id(), EvidenceRow.OLD).orElse(null);
		if (oldEvidence == null || oldEvidence.error() != null) {
			String error = (oldEvidence == null) ? pair.sides().oldName() + " series was not fetched"
					: oldEvidence.error();
			return error(runId, pair, error, null);
		}
		PackedSeries.Points oldPoints = PackedSeries.unpack(oldEvidence.packed());
		TimeSeries oldSeries = new TimeSeries(Map.of(), oldPoints.timestamps(), oldPoints.values(),
				ParityStore.strings(oldEvidence.messages()));
		String request = this.newSide.describe(pair, window);
		TimeSeries newSeries;
		try {
			newSeries = this.newSide.fetch(pair, window);
		}
		catch (CardinalityException ex) {
			String message = Text.oneLine(ex.getMessage());
			log.info("pair {}: FAIL ({})", pair.id(), message);
			return new JudgedPair(
					this.store.failureRow(runId, pair.id(), new Diagnosis(Diagnosis.Code.CARDINALITY, message)),
					List.of(),
					new EvidenceRow(runId, pair.id(), EvidenceRow.NEW, request, (int) pair.period().toSeconds(),
							pair.unitFactor(), 0, ParityStore.json(ex.labelSets()), "[]", message, null,
							this.clock.instant()));
		}
		catch (SourceException ex) {
			String error = Text.oneLine(ex.getMessage());
			return error(runId, pair, error,
					new EvidenceRow(runId, pair.id(), EvidenceRow.NEW, request, (int) pair.period().toSeconds(),
							pair.unitFactor(), 0, "{}", "[]", error, null, this.clock.instant()));
		}
		PairJudge.Judgement judged = judge(pair, window, oldSeries, newSeries);
		ComparisonResult identified = judged.result();
		ComparisonResult result = identified;
		if (result.verdict().isPassing()) {
			log.debug("pair {}: {} ({})", pair.id(), result.verdict(), result.summary());
		}
		else {
			log.info("pair {}: {} ({})", pair.id(), result.verdict(), result.summary());
		}
		EvidenceRow evidence = new EvidenceRow(runId, pair.id(), EvidenceRow.NEW, request,
				(int) pair.period().toSeconds(), pair.unitFactor(), newSeries.size(),
				ParityStore.json(newSeries.labels()), ParityStore.json(newSeries.messages()), null,
				PackedSeries.pack(window, newSeries.timestamps(), newSeries.values()), this.clock.instant());
		return new JudgedPair(
				this.store.resultRow(runId, pair.id(), result)
					.withChart(CompactChart.json(judged.aligned(), pair, window)),
				ParityStore.discrepancyRows(runId, pair.id(), result.points().discrepancies()), evidence);
	}

	/** Judging is CPU work: at most {@code --threads} pairs are judged at once. */
	private PairJudge.Judgement judge(PairMapping pair, QueryWindow window, TimeSeries oldSeries,
			TimeSeries newSeries) {
		this.judging.acquireUninterruptibly();
		try {
			return PairJudge.judge(pair, window, oldSeries, newSeries);
		}
		finally {
			this.judging.release();
		}
	}

	/**
	 * Adds the step's new-side requests to the run and closes the source.
	 * @param runId the run
	 */
	void finish(long runId) {
		var calls = this.newSide.calls();
		this.store.runs().addCalls(runId, 0, 0, calls.calls(), 0, calls.retries());
		this.newSide.close();
	}

	private JudgedPair error(long runId, PairMapping pair, String error, EvidenceRow evidence) {
		log.warn("pair {}: ERROR ({})", pair.id(), error);
		return new JudgedPair(this.store.errorRow(runId, pair.id(), error), List.of(), evidence);
	}

}
