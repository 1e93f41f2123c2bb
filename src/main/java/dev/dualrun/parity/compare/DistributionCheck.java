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
 * @param mannWhitneyU the U statistic of the new side's sample
 * @param mannWhitneyPValue two-sided p-value (normal approximation)
 */
public record DistributionCheck(double ksStatistic, double ksPValue, double mannWhitneyU, double mannWhitneyPValue) {

	/**
	 * @param oldValues finite old-side values
	 * @param newValues finite new-side values (need not be paired)
	 * @return the diagnostics; NaN when either sample has fewer than 3 values
	 */
	public static DistributionCheck of(double[] oldValues, double[] newValues) {
		if (oldValues.length < 3 || newValues.length < 3) {
			return new DistributionCheck(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
		}
		Pooled pooled = Pooled.of(newValues, oldValues);
		return new DistributionCheck(pooled.d(), ksPValue(pooled, newValues, oldValues), pooled.u(),
				mannWhitneyPValue(pooled.u(), newValues.length, oldValues.length));
	}

	/**
	 * The exact p-value only for small samples without ties: it is not valid with ties,
	 * and commons-math 3.6.1 fails with an internal error on some of them (counts tie all
	 * the time). Otherwise the asymptotic Kolmogorov distribution.
	 */
	private static double ksPValue(Pooled pooled, double[] x, double[] y) {
		KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
		if ((long) x.length * y.length < 10_000 && !pooled.ties()) {
			return ks.kolmogorovSmirnovTest(x, y, false);
		}
		return ks.approximateP(pooled.d(), x.length, y.length);
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

	static double uNew(double[] newValues, double[] oldValues) {
		return Pooled.of(newValues, oldValues).u();
	}

	/**
	 * Both samples sorted together once, read in one pass: the Kolmogorov-Smirnov
	 * distance (the largest gap between the two empirical CDFs after each run of equal
	 * values, as commons-math's {@code kolmogorovSmirnovStatistic} computes it), U of the
	 * first sample from the midranks, and whether any value occurs twice.
	 *
	 * @param d the KS distance
	 * @param u U of the first sample
	 * @param ties whether the pooled sample has a tie
	 */
	record Pooled(double d, double u, boolean ties) {

		static Pooled of(double[] first, double[] second) {
			int n1 = first.length;
			int n = n1 + second.length;
			long[] key = new long[n];
			for (int i = 0; i < n1; i++) {
				key[i] = Ranks.sortable(first[i]);
			}
			for (int i = 0; i < second.length; i++) {
				key[n1 + i] = Ranks.sortable(second[i]);
			}
			int[] order = Ranks.order(key);
			double rankSum = 0;
			long inFirst = 0;
			long inSecond = 0;
			long maxGap = 0;
			boolean ties = false;
			for (int k = 0; k < n;) {
				long v = key[order[k]];
				int end = k + 1;
				while (end < n && key[order[end]] == v) {
					end++;
				}
				ties |= end - k > 1;
				double rank = (k + 1 + end) / 2.0;
				for (int j = k; j < end; j++) {
					if (order[j] < n1) {
						rankSum += rank;
						inFirst++;
					}
					else {
						inSecond++;
					}
				}
				// the CDFs compared in whole units: F1 * n1 * n2 against F2 * n1 * n2
				maxGap = Math.max(maxGap, Math.abs(inFirst * second.length - inSecond * n1));
				k = end;
			}
			return new Pooled((double) maxGap / ((long) n1 * second.length), rankSum - n1 * (n1 + 1.0) / 2, ties);
		}

	}

}
