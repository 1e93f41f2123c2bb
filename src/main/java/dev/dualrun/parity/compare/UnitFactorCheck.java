package dev.dualrun.parity.compare;

import java.util.Arrays;

import org.apache.commons.math3.stat.descriptive.rank.Median;

import dev.dualrun.parity.align.AlignedPair;

/**
 * Looks for a unit factor between the sides: the median of new / old over common non-zero
 * periods close to 1000, 60, 8, 1024, 100 or 1e6, or their inverses (semantics rule 6).
 *
 * @param medianRatio median of new / old, NaN if no ratio could be formed
 * @param factor the matching factor (e.g. 1000 or 0.001), or NaN if none matches
 */
public record UnitFactorCheck(double medianRatio, double factor) {

	private static final double[] FACTORS = { 1000, 60, 8, 1024, 100, 1_000_000, 3600 };

	/** How close (relative) the median ratio must be to a factor. */
	private static final double CLOSE = 0.05;

	/**
	 * @param pair the aligned pair
	 * @return the check; {@link #found()} tells whether a factor matched
	 */
	public static UnitFactorCheck of(AlignedPair pair) {
		double[] ratios = new double[pair.size()];
		int n = 0;
		for (int k = 0; k < pair.size(); k++) {
			double c = pair.oldValues()[k];
			double p = pair.newValues()[k];
			if (pair.oldPresent().get(k) && pair.newPresent().get(k) && c != 0 && p != 0 && Double.isFinite(c)
					&& Double.isFinite(p)) {
				ratios[n++] = p / c;
			}
		}
		if (n < 3) {
			return new UnitFactorCheck(Double.NaN, Double.NaN);
		}
		double median = new Median().evaluate(Arrays.copyOf(ratios, n));
		// the closest factor: 1024 is within 5 % of 1000 too
		double best = Double.NaN;
		double closest = CLOSE;
		for (double f : FACTORS) {
			for (double candidate : new double[] { f, 1 / f }) {
				double off = Math.abs(median / candidate - 1);
				if (off <= closest) {
					closest = off;
					best = candidate;
				}
			}
		}
		return new UnitFactorCheck(median, best);
	}

	/**
	 * @return true if the sides differ by a known unit factor
	 */
	public boolean found() {
		return !Double.isNaN(this.factor);
	}

}
