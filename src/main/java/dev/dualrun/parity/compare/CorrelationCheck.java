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
	 * @param cloudwatch finite CloudWatch values
	 * @param prometheus finite Prometheus values, paired by index
	 * @return the correlations
	 */
	public static CorrelationCheck of(double[] cloudwatch, double[] prometheus) {
		int n = cloudwatch.length;
		if (n < 3 || new Variance().evaluate(cloudwatch) == 0 || new Variance().evaluate(prometheus) == 0) {
			return new CorrelationCheck(Double.NaN, Double.NaN, n);
		}
		return new CorrelationCheck(new PearsonsCorrelation().correlation(cloudwatch, prometheus),
				new PearsonsCorrelation().correlation(Ranks.midranks(cloudwatch), Ranks.midranks(prometheus)), n);
	}

	/**
	 * @return true if both correlations were computed
	 */
	public boolean applicable() {
		return !Double.isNaN(this.pearson);
	}

}
