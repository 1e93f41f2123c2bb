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
	 * Relative difference of each aggregate, (prometheus - cloudwatch) / |cloudwatch|.
	 * @param cloudwatch the CloudWatch side
	 * @param prometheus the Prometheus side
	 * @return the differences as an Aggregates of ratios (count holds the count
	 * difference)
	 */
	public static Aggregates relativeDifference(Aggregates cloudwatch, Aggregates prometheus) {
		return new Aggregates(prometheus.count - cloudwatch.count, rel(cloudwatch.mean, prometheus.mean),
				rel(cloudwatch.sum, prometheus.sum), rel(cloudwatch.min, prometheus.min),
				rel(cloudwatch.max, prometheus.max), rel(cloudwatch.p50, prometheus.p50),
				rel(cloudwatch.p95, prometheus.p95), rel(cloudwatch.p99, prometheus.p99));
	}

	static double rel(double c, double p) {
		if (c == 0) {
			return (p == 0) ? 0 : Double.NaN;
		}
		return (p - c) / Math.abs(c);
	}

}
