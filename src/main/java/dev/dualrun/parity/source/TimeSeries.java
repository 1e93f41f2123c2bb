package dev.dualrun.parity.source;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One series as a source returned it: timestamps with their values, in ascending time
 * order. Timestamps are epoch milliseconds of the bucket start ({@code [T, T+period)});
 * for Prometheus they are already shifted by one period (rule 3). Values may be NaN or
 * infinite: they are kept as received and judged later.
 *
 * @param labels the series' labels (Prometheus) or dimensions (CloudWatch)
 * @param timestamps epoch milliseconds, ascending
 * @param values the values, same length as timestamps
 * @param messages warnings or status messages from the source (e.g. PartialData)
 * @param seriesRead the labels of every stored series the query read in the window, when
 * the pair compares the series sets of its sides (series parity); null otherwise
 * @param bucketBounds when the values are quantiles estimated from a histogram, the
 * finite upper bounds of its buckets, ascending: an estimate is exact only to the bucket
 * it was interpolated in; null otherwise
 */
public record TimeSeries(Map<String, String> labels, long[] timestamps, double[] values, List<String> messages,
		List<Map<String, String>> seriesRead, double[] bucketBounds) {

	public TimeSeries {
		if (timestamps.length != values.length) {
			throw new IllegalArgumentException(
					"timestamps and values differ in length: " + timestamps.length + " vs " + values.length);
		}
		labels = Map.copyOf(labels);
		messages = List.copyOf(messages);
		seriesRead = (seriesRead != null) ? seriesRead.stream().map(Map::copyOf).toList() : null;
		bucketBounds = (bucketBounds != null) ? bucketBounds.clone() : null;
	}

	/**
	 * @param labels the series' labels
	 * @param timestamps epoch milliseconds, ascending
	 * @param values the values
	 * @param messages warnings or status messages from the source
	 * @param seriesRead the labels of every stored series the query read, or null
	 */
	public TimeSeries(Map<String, String> labels, long[] timestamps, double[] values, List<String> messages,
			List<Map<String, String>> seriesRead) {
		this(labels, timestamps, values, messages, seriesRead, null);
	}

	/**
	 * @param labels the series' labels
	 * @param timestamps epoch milliseconds, ascending
	 * @param values the values
	 * @param messages warnings or status messages from the source
	 */
	public TimeSeries(Map<String, String> labels, long[] timestamps, double[] values, List<String> messages) {
		this(labels, timestamps, values, messages, null);
	}

	/**
	 * @param read the labels of every stored series the query read
	 * @return this series with them
	 */
	public TimeSeries withSeriesRead(List<Map<String, String>> read) {
		return new TimeSeries(this.labels, this.timestamps, this.values, this.messages, read, this.bucketBounds);
	}

	/**
	 * @param bounds the finite upper bounds of the histogram's buckets the values were
	 * estimated from, or null
	 * @return this series with them
	 */
	public TimeSeries withBucketBounds(double[] bounds) {
		return new TimeSeries(this.labels, this.timestamps, this.values, this.messages, this.seriesRead, bounds);
	}

	/**
	 * @param others warnings or status messages in place of this series' own
	 * @return this series with them
	 */
	public TimeSeries withMessages(List<String> others) {
		return new TimeSeries(this.labels, this.timestamps, this.values, others, this.seriesRead, this.bucketBounds);
	}

	/**
	 * @return an empty series (no data in the window)
	 */
	public static TimeSeries empty() {
		return new TimeSeries(Map.of(), new long[0], new double[0], List.of());
	}

	/**
	 * @return the number of points
	 */
	public int size() {
		return this.timestamps.length;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof TimeSeries t && this.labels.equals(t.labels) && Arrays.equals(this.timestamps, t.timestamps)
				&& Arrays.equals(this.values, t.values) && this.messages.equals(t.messages)
				&& java.util.Objects.equals(this.seriesRead, t.seriesRead)
				&& Arrays.equals(this.bucketBounds, t.bucketBounds);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.timestamps) * 31 + Arrays.hashCode(this.values);
	}

	@Override
	public String toString() {
		return "TimeSeries[" + this.labels + ", " + size() + " points]";
	}

}
