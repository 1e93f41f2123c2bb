package dev.dualrun.parity.compare;

import java.time.Instant;

import dev.dualrun.parity.config.QueryChange;
import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.config.Tolerance;

/**
 * What the judge knows of a pair beyond its two series: how it is judged (tolerance,
 * statistic), the new side's query, which words the changes a diagnosis advises, and when
 * the sides were read, which tells late data from an outage at the window's end.
 *
 * @param tolerance the pair's tolerance
 * @param kind what the old side's statistic measures
 * @param newQuery the new side's query, or null when not known
 * @param readAt when the sides were first read, or null when not known
 * @param eventCount whether the old side counts events (a SampleCount, or a Sum in the
 * unit Count or none): only such a count is Poisson noise where it is extrapolated
 * @param buckets the buckets of the histogram the new side's percentile was estimated
 * from, on the old side's scale, or null: the old side's value is then held to its
 * estimate's bucket
 */
public record PairContext(Tolerance tolerance, StatisticKind kind, SideQuery newQuery, Instant readAt,
		boolean eventCount, HistogramBuckets buckets) {

	/**
	 * @param tolerance the tolerance
	 * @param kind the statistic
	 * @return a context with no query and no read time
	 */
	public static PairContext of(Tolerance tolerance, StatisticKind kind) {
		return new PairContext(tolerance, kind, null, null, false, null);
	}

	/**
	 * @param change a change the diagnosis advises
	 * @return the new side's query's wording of it, or null
	 */
	String advice(QueryChange change) {
		return (this.newQuery != null) ? this.newQuery.advice(change) : null;
	}

	/**
	 * @param period the pair's period
	 * @return the share of each period the new side's count is extrapolated over
	 */
	double extrapolatedShare(java.time.Duration period) {
		return (this.eventCount && this.newQuery != null) ? this.newQuery.extrapolatedShare(period) : 0;
	}

}
