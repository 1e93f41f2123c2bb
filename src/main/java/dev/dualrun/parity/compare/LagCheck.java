package dev.dualrun.parity.compare;

import dev.dualrun.parity.align.AlignedPair;

/**
 * Compares the sides at lags -3..+3 periods (semantics rule 10). Lag L pairs the old side
 * at slot k with the new side at slot k+L: a best lag of +1 means the new side shows each
 * value one period later than the old side.
 *
 * @param bestLag the lag with the smallest mean absolute error
 * @param errorAtZero mean absolute error at lag 0
 * @param errorAtBest mean absolute error at the best lag
 */
public record LagCheck(int bestLag, double errorAtZero, double errorAtBest) {

	/** Lags tried on each side of zero. */
	public static final int MAX_LAG = 3;

	/** A non-zero lag must cut the error by at least this share to count as a shift. */
	public static final double CLEAR_IMPROVEMENT = 0.30;

	/**
	 * @param pair the aligned pair
	 * @return the best lag; 0 unless another lag is clearly better
	 */
	public static LagCheck of(AlignedPair pair) {
		double zero = meanAbsoluteError(pair, 0);
		int best = 0;
		double bestError = zero;
		for (int lag = -MAX_LAG; lag <= MAX_LAG; lag++) {
			if (lag == 0) {
				continue;
			}
			double e = meanAbsoluteError(pair, lag);
			if (e < bestError) {
				best = lag;
				bestError = e;
			}
		}
		if (best != 0 && !(bestError <= (1 - CLEAR_IMPROVEMENT) * zero)) {
			return new LagCheck(0, zero, zero);
		}
		return new LagCheck(best, zero, bestError);
	}

	static double meanAbsoluteError(AlignedPair pair, int lag) {
		double sum = 0;
		int n = 0;
		for (int k = Math.max(0, -lag); k < pair.size() && k + lag < pair.size(); k++) {
			int j = k + lag;
			if (pair.oldPresent().get(k) && pair.newPresent().get(j)) {
				double d = Math.abs(pair.newValues()[j] - pair.oldValues()[k]);
				if (Double.isFinite(d)) {
					sum += d;
					n++;
				}
			}
		}
		return (n < 3) ? Double.POSITIVE_INFINITY : sum / n;
	}

}
