package dev.dualrun.parity.compare;

import java.util.Arrays;

/**
 * Midranks (ties share the mean of their ranks, as commons-math's NaturalRanking with
 * TiesStrategy.AVERAGE and SciPy's rankdata give them) on primitive arrays: one sort and
 * a binary search per value, no boxed pairs. The rank tests and Spearman's correlation of
 * every pair use it.
 */
final class Ranks {

	private Ranks() {
	}

	/**
	 * @param x finite values
	 * @return the 1-based midrank of each value, in the values' order
	 */
	static double[] midranks(double[] x) {
		double[] sorted = x.clone();
		Arrays.sort(sorted);
		// the midrank of every position of the sorted values, tie runs at once
		double[] mid = new double[sorted.length];
		for (int k = 0; k < sorted.length;) {
			int end = k + 1;
			while (end < sorted.length && Double.compare(sorted[end], sorted[k]) == 0) {
				end++;
			}
			double rank = (k + 1 + end) / 2.0;
			for (int j = k; j < end; j++) {
				mid[j] = rank;
			}
			k = end;
		}
		double[] ranks = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			ranks[i] = mid[first(sorted, x[i])];
		}
		return ranks;
	}

	private static int first(double[] sorted, double v) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (Double.compare(sorted[mid], v) < 0) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

}
