package dev.dualrun.parity.run;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dualrun.parity.compare.ComparisonResult;
import dev.dualrun.parity.compare.PairJudge;
import dev.dualrun.parity.compare.SideAnswer;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.report.CompactChart;
import dev.dualrun.parity.source.CardinalityException;
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
 * The work of step {@code compare}: each pair's stored old-side answer and the new
 * side's, read now, judged by the one judge; what the new side answered is kept as
 * evidence, so that a re-judgement judges the same. Called concurrently for many pairs;
 * judging is CPU work and at most {@code --threads} pairs are judged at once. The new
 * side's sources are opened by type on first use and closed with {@link #close()}.
 */
public final class PairComparison implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PairComparison.class);

	private final ParityStore store;

	private final ParityProperties properties;

	private final Clock clock;

	private final long runId;

	private final Partition partition;

	private final Semaphore judging;

	private final Map<String, MetricSource> sources = new ConcurrentHashMap<>();

	/**
	 * @param store the store
	 * @param properties the settings
	 * @param clock the clock
	 * @param runId the run
	 * @param partition the pairs to judge, or null for the whole run
	 */
	public PairComparison(ParityStore store, ParityProperties properties, Clock clock, long runId,
			Partition partition) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		this.runId = runId;
		this.partition = partition;
		this.judging = new Semaphore(properties.threads());
	}

	/**
	 * @return the pairs of the run (or partition) not judged yet, in plan order
	 */
	public List<RunPairRow> pairs() {
		return Partition.unjudged(this.store, this.runId, this.partition, this.properties);
	}

	/**
	 * @return the pairs fetched and judged at once: the new side's calls in flight, or
	 * the judging threads if more
	 */
	public int concurrency() {
		return Math.max(this.properties.threads(), Sources.concurrency(this.properties, Side.NEW));
	}

	/**
	 * @param planned a planned pair
	 * @return its judgement, with the new side's answer as evidence
	 */
	public JudgedPair judge(RunPairRow planned) {
		PairMapping pair = PairDefinitions.fromJson(planned.definition());
		QueryWindow window = planned.window();
		SideAnswer old = this.store.answer(this.runId, pair, EvidenceRow.Side.OLD);
		MetricSource newSide = source(pair.newType());
		SideAnswer neu = (old instanceof SideAnswer.Failed) ? null : read(newSide, pair, window);
		PairJudge.Judgement judged;
		try {
			judged = judged(pair, window, old, neu);
		}
		catch (RuntimeException ex) {
			// a defect in judging one pair must not stop the others: it is the pair's
			// cause
			log.warn("pair {}: internal error while judging", pair.id(), ex);
			judged = judged(pair, window, new SideAnswer.Failed("internal error while judging the pair: " + ex), null);
		}
		ComparisonResult result = judged.result();
		log.atLevel(result.verdict().isPassing() ? org.slf4j.event.Level.DEBUG : org.slf4j.event.Level.INFO)
			.log("pair {}: {} ({})", pair.id(), result.verdict(), result.summary());
		List<EvidenceRow> evidence = (neu == null) ? List.of()
				: List.of(EvidenceRow.of(this.runId, pair.id(), EvidenceRow.Side.NEW, newSide.describe(pair, window),
						window, (int) pair.period().toSeconds(), pair.unitFactor(), neu, this.clock.instant()));
		String chart = (judged.aligned() != null) ? CompactChart.json(judged.aligned(), pair, window) : null;
		return new JudgedPair(this.store.resultRow(this.runId, pair.id(), result).withChart(chart),
				ResultRows.discrepancies(this.runId, pair.id(), result.points().discrepancies()), evidence);
	}

	private SideAnswer read(MetricSource source, PairMapping pair, QueryWindow window) {
		try {
			return new SideAnswer.Series(source.fetch(pair, window), this.clock.instant());
		}
		catch (CardinalityException ex) {
			return new SideAnswer.Several(ex.labelSets(), Text.oneLine(ex.getMessage()));
		}
		catch (SourceException ex) {
			return new SideAnswer.Failed(Text.oneLine(ex.getMessage()));
		}
	}

	/** Judging is CPU work: at most {@code --threads} pairs are judged at once. */
	private PairJudge.Judgement judged(PairMapping pair, QueryWindow window, SideAnswer old, SideAnswer neu) {
		this.judging.acquireUninterruptibly();
		try {
			return PairJudge.judge(pair, window, old, neu);
		}
		finally {
			this.judging.release();
		}
	}

	private MetricSource source(String type) {
		return this.sources.computeIfAbsent(type, (t) -> Sources.open(t, this.properties));
	}

	/**
	 * @param stepExecutionId the step
	 * @return the step's record of each new-side source it opened, its counts so far
	 */
	public List<BackendRow> backends(long stepExecutionId) {
		return Bookkeeping.rows(this.runId, stepExecutionId, Side.NEW, new TreeMap<>(this.sources).values());
	}

	@Override
	public void close() {
		this.sources.values().forEach(MetricSource::close);
		this.sources.clear();
	}

}
