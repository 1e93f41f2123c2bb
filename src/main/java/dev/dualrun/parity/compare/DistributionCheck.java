package dev.dualrun.parity.compare;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

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
		MannWhitneyUTest mw = new MannWhitneyUTest();
		double uMax = mw.mannWhitneyU(prometheus, cloudwatch);
		return new DistributionCheck(ks.kolmogorovSmirnovStatistic(prometheus, cloudwatch),
				ks.kolmogorovSmirnovTest(prometheus, cloudwatch, false), uPrometheus(prometheus, cloudwatch, uMax),
				mw.mannWhitneyUTest(prometheus, cloudwatch));
	}

	/**
	 * commons-math answers max(U1, U2); SciPy and most texts report U of the first
	 * sample.
	 */
	private static double uPrometheus(double[] prometheus, double[] cloudwatch, double uMax) {
		double greater = 0;
		for (double p : prometheus) {
			for (double c : cloudwatch) {
				greater += (p > c) ? 1 : (p == c) ? 0.5 : 0;
			}
		}
		return greater;
	}

}
