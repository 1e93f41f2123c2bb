package dev.dualrun.parity.compare;

/**
 * The effective sample size of an autocorrelated series: {@code n (1 - r1) / (1 + r1)}
 * with r1 the lag-1 autocorrelation (AR(1) approximation), never more than n and at least
 * 2. Consecutive periods of a metric are not independent, so p-values computed with n are
 * too optimistic; tests here use this n instead.
 *
 * @param n the number of values
 * @param lag1 the lag-1 autocorrelation, NaN for fewer than 3 values or a constant series
 * @param effective the effective sample size
 */
public record EffectiveSampleSize(int n, double lag1, double effective) {

	/**
	 * @param values the series, in time order
	 * @return its effective sample size
	 */
	public static EffectiveSampleSize of(double[] values) {
		int n = values.length;
		if (n < 3) {
			return new EffectiveSampleSize(n, Double.NaN, n);
		}
		double mean = 0;
		for (double v : values) {
			mean += v;
		}
		mean /= n;
		double num = 0;
		double den = 0;
		for (int i = 0; i < n; i++) {
			double d = values[i] - mean;
			den += d * d;
			if (i + 1 < n) {
				num += d * (values[i + 1] - mean);
			}
		}
		if (den == 0) {
			return new EffectiveSampleSize(n, Double.NaN, n);
		}
		double r1 = num / den;
		double effective = (r1 <= 0) ? n : Math.max(2, n * (1 - r1) / (1 + r1));
		return new EffectiveSampleSize(n, r1, Math.min(n, effective));
	}

}
