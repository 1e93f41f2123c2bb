package dev.dualrun.parity.compare;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Two one-sided t-tests (TOST) on the paired differences: is their mean inside the
 * equivalence margin (-margin, +margin)? Equivalence is shown when both one-sided tests
 * reject at 5 %; the p-value is the larger of the two. The standard error uses the
 * effective sample size, because consecutive differences are autocorrelated.
 *
 * @param margin the equivalence margin, in the old side's unit
 * @param meanDifference mean of new - old
 * @param effectiveN the sample size the standard error used
 * @param pLower p-value of H0: mean <= -margin
 * @param pUpper p-value of H0: mean >= +margin
 * @param pValue max(pLower, pUpper); below 0.05 means equivalent
 */
public record EquivalenceCheck(double margin, double meanDifference, double effectiveN, double pLower, double pUpper,
		double pValue) {

	/** Significance level of the equivalence test. */
	public static final double ALPHA = 0.05;

	/**
	 * @param differences new - old, finite
	 * @param margin the equivalence margin (> 0)
	 * @param effectiveN the effective sample size (<= number of differences)
	 * @return the test's result; NaN p-values for fewer than 3 differences
	 */
	public static EquivalenceCheck of(double[] differences, double margin, double effectiveN) {
		SummaryStatistics s = new SummaryStatistics();
		for (double d : differences) {
			s.addValue(d);
		}
		double mean = s.getMean();
		if (differences.length < 3 || !(effectiveN > 1) || !(margin > 0)) {
			return new EquivalenceCheck(margin, mean, effectiveN, Double.NaN, Double.NaN, Double.NaN);
		}
		double se = s.getStandardDeviation() / Math.sqrt(effectiveN);
		if (se == 0) {
			double p = (Math.abs(mean) < margin) ? 0 : 1;
			return new EquivalenceCheck(margin, mean, effectiveN, p, p, p);
		}
		TDistribution t = new TDistribution(effectiveN - 1);
		double pLower = 1 - t.cumulativeProbability((mean + margin) / se);
		double pUpper = t.cumulativeProbability((mean - margin) / se);
		return new EquivalenceCheck(margin, mean, effectiveN, pLower, pUpper, Math.max(pLower, pUpper));
	}

	/**
	 * @return true if equivalence within the margin is shown at 5 %
	 */
	public boolean equivalent() {
		return this.pValue < ALPHA;
	}

}
