package dev.dualrun.parity.compare;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * Pearson and Spearman correlation of the paired values. Computed only when both sides
 * vary and there are at least 3 pairs: the correlation of a constant is undefined
 * (commons-math answers NaN), which is not evidence of anything.
 *
 * @param pearson linear correlation, NaN when not applicable
 * @param spearman rank correlation, NaN when not applicable
 * @param n pairs used
 */
public record CorrelationCheck(double pearson, double spearman, int n) {

	/**
	 * @param oldValues finite old-side values
	 * @param newValues finite new-side values, paired by index
	 * @return the correlations
	 */
	public static CorrelationCheck of(double[] oldValues, double[] newValues) {
		int n = oldValues.length;
		if (n < 3 || new Variance().evaluate(oldValues) == 0 || new Variance().evaluate(newValues) == 0) {
			return new CorrelationCheck(Double.NaN, Double.NaN, n);
		}
		return new CorrelationCheck(new PearsonsCorrelation().correlation(oldValues, newValues),
				new PearsonsCorrelation().correlation(Ranks.midranks(oldValues), Ranks.midranks(newValues)), n);
	}

	/**
	 * @return true if both correlations were computed
	 */
	public boolean applicable() {
		return !Double.isNaN(this.pearson);
	}

}
