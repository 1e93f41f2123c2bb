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
 * the identity check that the one Prometheus series carries the CloudWatch dimension
 * values.
 */
public final class PairJudge {

	private PairJudge() {
	}

	/**
	 * @param pair the pair as run (its tolerance may be overridden by a re-judgement)
	 * @param window the pair's aligned window
	 * @param cloudwatch the CloudWatch series as fetched
	 * @param prometheus the Prometheus series as fetched, bucket starts (its labels are
	 * checked against the dimensions)
	 * @return the aligned pair and its judgement
	 */
	public static Judgement judge(PairMapping pair, QueryWindow window, TimeSeries cloudwatch, TimeSeries prometheus) {
		AlignedPair aligned = align(pair, window, cloudwatch, prometheus);
		ComparisonResult compared = PairComparator.compare(aligned, pair.tolerance(), pair.kind());
		ComparisonResult result = IdentityCheck.of(pair.cloudwatch().dimensions(), prometheus.labels())
			.map(compared::failWith)
			.orElse(compared);
		return new Judgement(aligned, result);
	}

	/**
	 * @param pair the pair
	 * @param window its aligned window
	 * @param cloudwatch the CloudWatch series
	 * @param prometheus the Prometheus series
	 * @return both on the pair's grid, as the judgement sees them
	 */
	public static AlignedPair align(PairMapping pair, QueryWindow window, TimeSeries cloudwatch,
			TimeSeries prometheus) {
		return Aligner.align(window, cloudwatch, prometheus, pair.unitFactor(), pair.publishedWhenNonZero());
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
