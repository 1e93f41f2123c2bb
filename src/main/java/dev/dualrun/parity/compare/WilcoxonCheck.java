package dev.dualrun.parity.compare;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Wilcoxon signed-rank test on the paired differences (new - old): is their median zero?
 * Zero differences are dropped first (commons-math would rank them); the exact
 * distribution is used up to 20 non-zero differences, the normal approximation beyond.
 *
 * @param n non-zero differences used
 * @param statistic min(W+, W-), as SciPy reports it for a two-sided test
 * @param pValue two-sided p-value, NaN for fewer than 5 differences
 * @param exact whether the exact distribution was used
 */
public record WilcoxonCheck(int n, double statistic, double pValue, boolean exact) {

	/**
	 * Largest n for which the exact distribution is used: commons-math enumerates all 2^n
	 * sign patterns (2^29 took 37 s for one pair), so beyond 20 the normal approximation
	 * is used.
	 */
	static final int EXACT_LIMIT = 20;

	/**
	 * @param oldValues finite old-side values
	 * @param newValues finite new-side values, paired by index
	 * @return the test's result
	 */
	public static WilcoxonCheck of(double[] oldValues, double[] newValues) {
		int m = 0;
		double[] x = new double[oldValues.length];
		double[] y = new double[oldValues.length];
		for (int i = 0; i < oldValues.length; i++) {
			if (newValues[i] != oldValues[i]) {
				x[m] = newValues[i];
				y[m++] = oldValues[i];
			}
		}
		if (m < 5) {
			return new WilcoxonCheck(m, Double.NaN, Double.NaN, false);
		}
		double[] px = java.util.Arrays.copyOf(x, m);
		double[] py = java.util.Arrays.copyOf(y, m);
		boolean exact = m <= EXACT_LIMIT;
		double max = signedRank(px, py);
		double min = m * (m + 1) / 2.0 - max;
		double p = exact ? new WilcoxonSignedRankTest().wilcoxonSignedRankTest(px, py, true) : asymptoticPValue(min, m);
		return new WilcoxonCheck(m, min, p, exact);
	}

	/**
	 * max(W+, W-) over the midranks of the absolute differences, as commons-math's
	 * {@code wilcoxonSignedRank} computes it.
	 */
	static double signedRank(double[] x, double[] y) {
		double[] z = new double[x.length];
		double[] abs = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			z[i] = y[i] - x[i];
			abs[i] = Math.abs(z[i]);
		}
		double[] ranks = Ranks.midranks(abs);
		double plus = 0;
		double minus = 0;
		for (int i = 0; i < z.length; i++) {
			if (z[i] > 0) {
				plus += ranks[i];
			}
			else {
				minus += ranks[i];
			}
		}
		return Math.max(plus, minus);
	}

	/**
	 * The normal approximation with the continuity correction toward the mean.
	 * commons-math 3.6.1 subtracts the 0.5 instead of adding it, which makes its p-values
	 * too small (StatisticsGoldenTest compares with SciPy).
	 */
	static double asymptoticPValue(double wMin, int n) {
		double mean = n * (n + 1) / 4.0;
		double sd = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24.0);
		double z = (wMin - mean + 0.5) / sd;
		return Math.min(1, 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(z));
	}

}
