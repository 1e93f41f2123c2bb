package dev.dualrun.parity.compare;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.config.Tolerance;

/**
 * The statistical evidence of a pair, beside the verdict (never the verdict itself), over
 * the periods where both sides have finite values.
 *
 * @param effectiveSampleSize of the differences (they are autocorrelated)
 * @param correlation Pearson and Spearman, when both sides vary
 * @param wilcoxon signed-rank test of the differences
 * @param equivalence TOST of the mean difference against the per-point tolerance
 * @param distribution Kolmogorov-Smirnov and Mann-Whitney
 */
public record StatisticalEvidence(EffectiveSampleSize effectiveSampleSize, CorrelationCheck correlation,
		WilcoxonCheck wilcoxon, EquivalenceCheck equivalence, DistributionCheck distribution) {

	/**
	 * @param pair the aligned pair
	 * @param tolerance its tolerance: the equivalence margin is max(absolute, relative x
	 * mean |old side|)
	 * @return the evidence
	 */
	public static StatisticalEvidence of(AlignedPair pair, Tolerance tolerance) {
		double[][] common = common(pair);
		double[] c = common[0];
		double[] p = common[1];
		double[] d = new double[c.length];
		double meanAbs = 0;
		for (int i = 0; i < c.length; i++) {
			d[i] = p[i] - c[i];
			meanAbs += Math.abs(c[i]) / c.length;
		}
		EffectiveSampleSize ess = EffectiveSampleSize.of(d);
		double margin = Math.max(tolerance.absolute(), tolerance.relative() * meanAbs);
		return new StatisticalEvidence(ess, CorrelationCheck.of(c, p), WilcoxonCheck.of(c, p),
				EquivalenceCheck.of(d, margin, ess.effective()), DistributionCheck.of(c, p));
	}

	/**
	 * @return old-side and new-side values of the periods where both are finite, in time
	 * order
	 */
	static double[][] common(AlignedPair pair) {
		int n = 0;
		double[] c = new double[pair.size()];
		double[] p = new double[pair.size()];
		for (int k = 0; k < pair.size(); k++) {
			if (pair.oldPresent().get(k) && pair.newPresent().get(k) && Double.isFinite(pair.oldValues()[k])
					&& Double.isFinite(pair.newValues()[k])) {
				c[n] = pair.oldValues()[k];
				p[n++] = pair.newValues()[k];
			}
		}
		return new double[][] { java.util.Arrays.copyOf(c, n), java.util.Arrays.copyOf(p, n) };
	}

}
