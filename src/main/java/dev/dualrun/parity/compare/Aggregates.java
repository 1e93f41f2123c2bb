package dev.dualrun.parity.compare;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Summary of one side's finite values in the window. All fields are NaN when count is 0.
 * Percentiles are commons-math's R-7 estimate (linear interpolation between order
 * statistics, as numpy's default and Excel's PERCENTILE.INC).
 *
 * @param count number of values
 * @param mean arithmetic mean
 * @param sum sum
 * @param min minimum
 * @param max maximum
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 */
public record Aggregates(long count, double mean, double sum, double min, double max, double p50, double p95,
		double p99) {

	/**
	 * @param values finite values (NaN and infinities must be filtered first)
	 * @return the aggregates
	 */
	public static Aggregates of(double[] values) {
		if (values.length == 0) {
			return new Aggregates(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
					Double.NaN);
		}
		DescriptiveStatistics stats = new DescriptiveStatistics(values);
		Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
		percentile.setData(values);
		return new Aggregates(values.length, stats.getMean(), stats.getSum(), stats.getMin(), stats.getMax(),
				percentile.evaluate(50), percentile.evaluate(95), percentile.evaluate(99));
	}

	/**
	 * Relative difference of each aggregate, (newValues - oldValues) / |oldValues|.
	 * @param oldValues the old side
	 * @param newValues the new side
	 * @return the differences as an Aggregates of ratios (count holds the count
	 * difference)
	 */
	public static Aggregates relativeDifference(Aggregates oldSide, Aggregates newSide) {
		return new Aggregates(newSide.count - oldSide.count, rel(oldSide.mean, newSide.mean),
				rel(oldSide.sum, newSide.sum), rel(oldSide.min, newSide.min), rel(oldSide.max, newSide.max),
				rel(oldSide.p50, newSide.p50), rel(oldSide.p95, newSide.p95), rel(oldSide.p99, newSide.p99));
	}

	static double rel(double c, double p) {
		if (c == 0) {
			return (p == 0) ? 0 : Double.NaN;
		}
		return (p - c) / Math.abs(c);
	}

}
