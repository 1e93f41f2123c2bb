package dev.dualrun.parity.compare;

import java.util.ArrayList;
import java.util.List;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.config.Tolerance;

/**
 * Per-point comparison of an aligned pair: which periods both sides have, which agree
 * within the tolerance, and every discrepancy.
 *
 * @param common periods where both sides have a finite value
 * @param within common periods within the tolerance
 * @param oldOnly periods with an old-side value only
 * @param newOnly periods with a new-side value only
 * @param union periods with a value on either side
 * @param bias (new-side sum - old-side sum) / |old-side sum| over common periods, those
 * beside a gap left out
 * @param mape mean absolute percentage error over common periods with a non-zero old-side
 * value
 * @param oldSum sum of the old-side values over common periods
 * @param discrepancies every period that disagrees, in time order
 */
public record PointErrors(int common, int within, int oldOnly, int newOnly, int union, double bias, double mape,
		double oldSum, List<Discrepancy> discrepancies) {

	/**
	 * Standard deviations of a count's extrapolation a period may differ by: a Poisson
	 * count over the part of a period not seen.
	 */
	public static final double EXTRAPOLATION_Z = 3;

	/**
	 * @param pair the aligned pair
	 * @param tolerance the tolerance
	 * @return the per-point comparison
	 */
	public static PointErrors of(AlignedPair pair, Tolerance tolerance) {
		return of(pair, tolerance, StatisticKind.AVERAGE);
	}

	/**
	 * @param pair the aligned pair
	 * @param tolerance the tolerance
	 * @param kind the statistic: for Maximum the tolerance is one-sided below the old
	 * side (a scraping system sees only its samples, so its maximum can only be lower),
	 * for Minimum above
	 * @return the per-point comparison
	 */
	public static PointErrors of(AlignedPair pair, Tolerance tolerance, StatisticKind kind) {
		return of(pair, tolerance, kind, 0);
	}

	/**
	 * @param pair the aligned pair
	 * @param tolerance the tolerance
	 * @param kind the statistic
	 * @param extrapolated the share of each period the new side's count is extrapolated
	 * over ({@link dev.dualrun.parity.config.SideQuery#extrapolatedShare}): a Sum or
	 * SampleCount may also differ by {@link #EXTRAPOLATION_Z} times
	 * {@code sqrt(count x share)}
	 * @return the per-point comparison
	 */
	public static PointErrors of(AlignedPair pair, Tolerance tolerance, StatisticKind kind, double extrapolated) {
		int common = 0;
		int within = 0;
		int oldOnlyCount = 0;
		int newOnlyCount = 0;
		int union = 0;
		double sumOld = 0;
		double sumNew = 0;
		double ape = 0;
		int apeCount = 0;
		List<Discrepancy> discrepancies = new ArrayList<>();
		for (int k = 0; k < pair.size(); k++) {
			boolean hasOld = pair.oldPresent().get(k);
			boolean hasNew = pair.newPresent().get(k);
			if (!hasOld && !hasNew) {
				continue;
			}
			union++;
			long t = pair.window().bucket(k).toEpochMilli();
			double c = pair.oldValues()[k];
			double p = pair.newValues()[k];
			if (hasOld && !hasNew) {
				oldOnlyCount++;
				discrepancies
					.add(new Discrepancy(t, Discrepancy.Kind.MISSING_NEW, c, Double.NaN, Double.NaN, Double.NaN));
				continue;
			}
			if (!hasOld) {
				newOnlyCount++;
				discrepancies
					.add(new Discrepancy(t, Discrepancy.Kind.MISSING_OLD, Double.NaN, p, Double.NaN, Double.NaN));
				continue;
			}
			if (!Double.isFinite(c) || !Double.isFinite(p)) {
				discrepancies.add(new Discrepancy(t, Discrepancy.Kind.NON_FINITE, c, p, Double.NaN, Double.NaN));
				continue;
			}
			common++;
			sumOld += c;
			sumNew += p;
			double abs = Math.abs(p - c);
			double rel = (c != 0) ? abs / Math.abs(c) : (abs == 0 ? 0 : Double.NaN);
			if (c != 0) {
				ape += rel;
				apeCount++;
			}
			if (agrees(c, p, tolerance, kind, extrapolated)) {
				within++;
			}
			else {
				discrepancies.add(new Discrepancy(t, Discrepancy.Kind.OUT_OF_TOLERANCE, c, p, abs, rel));
			}
		}
		double bias = (common == 0) ? Double.NaN : offEdgeBias(pair, Aggregates.rel(sumOld, sumNew));
		double mape = (apeCount == 0) ? Double.NaN : ape / apeCount;
		return new PointErrors(common, within, oldOnlyCount, newOnlyCount, union, bias, mape, sumOld,
				List.copyOf(discrepancies));
	}

	/**
	 * The bias over the common periods that are not the edge of a gap, or over all of
	 * them when every one is.
	 */
	private static double offEdgeBias(AlignedPair pair, double overAll) {
		double sumOld = 0;
		double sumNew = 0;
		int count = 0;
		for (int k = 0; k < pair.size(); k++) {
			double c = pair.oldValues()[k];
			double p = pair.newValues()[k];
			if (pair.oldPresent().get(k) && pair.newPresent().get(k) && Double.isFinite(c) && Double.isFinite(p)
					&& !besideAGap(pair, k)) {
				sumOld += c;
				sumNew += p;
				count++;
			}
		}
		return (count == 0) ? overAll : Aggregates.rel(sumOld, sumNew);
	}

	/**
	 * A period next to one that only one side holds is the edge of a gap, left out of the
	 * bias: a stretch lost in the middle of it leaves it partial on that side (a rate
	 * over a range reaching into the stretch reads low), which says nothing of bias. The
	 * gap itself is diagnosed on its own.
	 * @param pair the aligned pair
	 * @param k a period both sides hold
	 * @return whether a neighbour is held by one side only
	 */
	static boolean besideAGap(AlignedPair pair, int k) {
		for (int j : new int[] { k - 1, k + 1 }) {
			if (j >= 0 && j < pair.size() && pair.oldPresent().get(j) != pair.newPresent().get(j)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether two finite values agree: within the tolerance, and for Maximum not above
	 * the old side (for Minimum not below) by more than its absolute part.
	 */
	private static boolean agrees(double c, double p, Tolerance tolerance, StatisticKind kind, double extrapolated) {
		double abs = Math.abs(p - c);
		double limit = Math.max(tolerance.absolute(), tolerance.relative() * Math.abs(c));
		if (extrapolated > 0 && (kind == StatisticKind.SUM || kind == StatisticKind.SAMPLE_COUNT)) {
			limit = Math.max(limit, EXTRAPOLATION_Z * Math.sqrt(Math.abs(c) * extrapolated));
		}
		boolean wrongSide = (kind == StatisticKind.MAXIMUM && p - c > tolerance.absolute())
				|| (kind == StatisticKind.MINIMUM && c - p > tolerance.absolute());
		return abs <= limit && !wrongSide;
	}

	/**
	 * @return share of common periods within tolerance, NaN if none
	 */
	public double withinShare() {
		return (this.common == 0) ? Double.NaN : (double) this.within / this.common;
	}

	/**
	 * @return share of periods with data on either side that the old side has
	 */
	public double oldCoverage() {
		return (this.union == 0) ? Double.NaN : (double) (this.union - this.newOnly) / this.union;
	}

	/**
	 * @return share of periods with data on either side that the new side has
	 */
	public double newCoverage() {
		return (this.union == 0) ? Double.NaN : (double) (this.union - this.oldOnly) / this.union;
	}

}
