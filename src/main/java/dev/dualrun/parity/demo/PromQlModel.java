package dev.dualrun.parity.demo;

import java.util.Arrays;

/**
 * Prometheus's own arithmetic, reproduced for the simulated Prometheus side of the demo:
 * {@code increase()} with its extrapolation to the window edges (promql/functions.go
 * {@code extrapolatedRate}) and {@code histogram_quantile()} with its linear
 * interpolation inside a bucket (promql/quantile.go {@code bucketQuantile}). Range
 * windows are closed, {@code [t - range, t]}, as in Prometheus 2.x.
 */
final class PromQlModel {

	private PromQlModel() {
	}

	/**
	 * {@code increase(counter[range])} evaluated at t.
	 * @param times scrape times in epoch milliseconds, ascending
	 * @param values the counter's values at those times
	 * @param t evaluation time, epoch milliseconds
	 * @param range the range in milliseconds
	 * @return the increase, or NaN if fewer than two samples are in the window
	 */
	static double increase(long[] times, double[] values, long t, long range) {
		long from = t - range;
		int first = lowerBound(times, from);
		int last = upperBound(times, t) - 1;
		if (last - first < 1) {
			return Double.NaN;
		}
		double delta = values[last] - values[first];
		for (int i = first + 1; i <= last; i++) {
			if (values[i] < values[i - 1]) {
				delta += values[i - 1];
			}
		}
		double sampled = (times[last] - times[first]) / 1000.0;
		double average = sampled / (last - first);
		double toStart = (times[first] - from) / 1000.0;
		double toEnd = (t - times[last]) / 1000.0;
		double threshold = average * 1.1;
		if (delta > 0 && values[first] >= 0) {
			double toZero = sampled * (values[first] / delta);
			if (toZero < toStart) {
				toStart = toZero;
			}
		}
		double extrapolated = sampled;
		extrapolated += (toStart < threshold) ? toStart : average / 2;
		extrapolated += (toEnd < threshold) ? toEnd : average / 2;
		return delta * (extrapolated / sampled);
	}

	/**
	 * {@code histogram_quantile(q, buckets)} over the increases of cumulative buckets.
	 * @param q the quantile in [0, 1]
	 * @param upperBounds bucket upper bounds, ascending, the last one +Inf
	 * @param cumulative the cumulative count of each bucket
	 * @return the interpolated quantile, NaN if there are no observations
	 */
	static double histogramQuantile(double q, double[] upperBounds, double[] cumulative) {
		int n = upperBounds.length;
		double total = cumulative[n - 1];
		if (Double.isNaN(total) || total == 0) {
			return Double.NaN;
		}
		double rank = q * total;
		int b = 0;
		while (b < n - 1 && cumulative[b] < rank) {
			b++;
		}
		if (b == n - 1) {
			return upperBounds[n - 2];
		}
		if (b == 0 && upperBounds[0] <= 0) {
			return upperBounds[0];
		}
		double start = (b == 0) ? 0 : upperBounds[b - 1];
		double countBefore = (b == 0) ? 0 : cumulative[b - 1];
		double inBucket = cumulative[b] - countBefore;
		return start + (upperBounds[b] - start) * ((rank - countBefore) / inBucket);
	}

	private static int lowerBound(long[] a, long key) {
		int i = Arrays.binarySearch(a, key);
		if (i < 0) {
			return -i - 1;
		}
		while (i > 0 && a[i - 1] == key) {
			i--;
		}
		return i;
	}

	private static int upperBound(long[] a, long key) {
		int i = Arrays.binarySearch(a, key);
		if (i < 0) {
			return -i - 1;
		}
		while (i < a.length - 1 && a[i + 1] == key) {
			i++;
		}
		return i + 1;
	}

}
