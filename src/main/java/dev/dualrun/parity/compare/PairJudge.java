package dev.dualrun.parity.compare;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.align.Aligner;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.TimeSeries;

/**
 * The one judge of a pair, Spring-free, used by the job, by {@code rejudge} and by the
 * report's charts so they cannot drift: both series on the pair's grid (alignment), the
 * per-point and whole-window rules with their anomalies and diagnoses (comparison), and
 * the identity check that the one new-side series carries the old side's dimension
 * values. It speaks of the old and the new side; the pair names the systems.
 */
public final class PairJudge {

	private PairJudge() {
	}

	/**
	 * @param pair the pair as run (its tolerance may be overridden by a re-judgement)
	 * @param window the pair's aligned window
	 * @param oldSeries the old side's series as fetched
	 * @param newSeries the new side's series as fetched, bucket starts (its labels are
	 * checked against the old side's dimensions)
	 * @return the aligned pair and its judgement
	 */
	public static Judgement judge(PairMapping pair, QueryWindow window, TimeSeries oldSeries, TimeSeries newSeries) {
		AlignedPair aligned = align(pair, window, oldSeries, newSeries);
		ComparisonResult compared = PairComparator.compare(aligned, pair.tolerance(), pair.kind());
		ComparisonResult result = IdentityCheck.of(pair.oldDimensions(), newSeries.labels(), pair.sides())
			.map(compared::failWith)
			.orElse(compared);
		return new Judgement(aligned, result);
	}

	/**
	 * @param pair the pair
	 * @param window its aligned window
	 * @param oldSeries the old side's series
	 * @param newSeries the new side's series
	 * @return both on the pair's grid, as the judgement sees them
	 */
	public static AlignedPair align(PairMapping pair, QueryWindow window, TimeSeries oldSeries, TimeSeries newSeries) {
		return Aligner.align(window, oldSeries, newSeries, pair.unitFactor(), pair.publishedWhenNonZero(),
				pair.sides());
	}

	/**
	 * A pair judged.
	 *
	 * @param aligned both series on the grid
	 * @param result the verdict, diagnoses and figures
	 */
	public record Judgement(AlignedPair aligned, ComparisonResult result) {

	}

}
