package dev.dualrun.parity.compare;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Distribution diagnostics, ignoring the pairing: the two-sample Kolmogorov-Smirnov test
 * (do the values come from one distribution?) and the Mann-Whitney U test (is one side
 * shifted?). Evidence beside the verdict: a unit factor or a bias moves both; a gap does
 * not.
 *
 * @param ksStatistic the largest distance between the two empirical CDFs
 * @param ksPValue its p-value P(D >= observed) (exact for small samples, asymptotic
 * otherwise; commons-math's default is the strict P(D > observed))
 * @param mannWhitneyU the U statistic of the Prometheus sample
 * @param mannWhitneyPValue two-sided p-value (normal approximation)
 */
public record DistributionCheck(double ksStatistic, double ksPValue, double mannWhitneyU, double mannWhitneyPValue) {

	/**
	 * @param cloudwatch finite CloudWatch values
	 * @param prometheus finite Prometheus values (need not be paired)
	 * @return the diagnostics; NaN when either sample has fewer than 3 values
	 */
	public static DistributionCheck of(double[] cloudwatch, double[] prometheus) {
		if (cloudwatch.length < 3 || prometheus.length < 3) {
			return new DistributionCheck(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
		}
		KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
		double d = ks.kolmogorovSmirnovStatistic(prometheus, cloudwatch);
		double u = uPrometheus(prometheus, cloudwatch);
		return new DistributionCheck(d, ksPValue(ks, d, prometheus, cloudwatch), u,
				mannWhitneyPValue(u, prometheus.length, cloudwatch.length));
	}

	/**
	 * The exact p-value only for small samples without ties: it is not valid with ties,
	 * and commons-math 3.6.1 fails with an internal error on some of them (counts tie all
	 * the time). Otherwise the asymptotic Kolmogorov distribution.
	 */
	private static double ksPValue(KolmogorovSmirnovTest ks, double d, double[] x, double[] y) {
		if ((long) x.length * y.length < 10_000 && !hasTies(x, y)) {
			return ks.kolmogorovSmirnovTest(x, y, false);
		}
		return ks.approximateP(d, x.length, y.length);
	}

	private static boolean hasTies(double[] x, double[] y) {
		double[] all = new double[x.length + y.length];
		System.arraycopy(x, 0, all, 0, x.length);
		System.arraycopy(y, 0, all, x.length, y.length);
		java.util.Arrays.sort(all);
		for (int i = 1; i < all.length; i++) {
			if (all[i] == all[i - 1]) {
				return true;
			}
		}
		return false;
	}

	/**
	 * commons-math answers max(U1, U2); SciPy and most texts report U of the first
	 * sample: U1 = R1 - n1 (n1 + 1) / 2 from the midranks of the pooled sample (ties
	 * count one half), in O(n log n).
	 */
	/**
	 * The two-sided p-value of U by the normal approximation, as commons-math's
	 * {@code MannWhitneyUTest} computes it (no tie or continuity correction), from U of
	 * the first sample.
	 */
	static double mannWhitneyPValue(double u1, int n1, int n2) {
		double product = (double) n1 * n2;
		double umin = Math.min(u1, product - u1);
		double z = (umin - product / 2.0) / Math.sqrt(product * (n1 + n2 + 1) / 12.0);
		return 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(z);
	}

	static double uPrometheus(double[] prometheus, double[] cloudwatch) {
		double[] pooled = new double[prometheus.length + cloudwatch.length];
		System.arraycopy(prometheus, 0, pooled, 0, prometheus.length);
		System.arraycopy(cloudwatch, 0, pooled, prometheus.length, cloudwatch.length);
		double[] ranks = Ranks.midranks(pooled);
		double r1 = 0;
		for (int i = 0; i < prometheus.length; i++) {
			r1 += ranks[i];
		}
		return r1 - prometheus.length * (prometheus.length + 1.0) / 2;
	}

}
