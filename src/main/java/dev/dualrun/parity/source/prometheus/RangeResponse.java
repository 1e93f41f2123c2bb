package dev.dualrun.parity.source.prometheus;

import java.util.List;
import java.util.Map;

/**
 * A parsed {@code query_range} answer.
 *
 * @param series the matrix, one entry per label set
 * @param warnings the {@code warnings} Prometheus attached (e.g. a PromQL info message)
 */
record RangeResponse(List<Series> series, List<String> warnings, int seriesCount) {

	RangeResponse(List<Series> series, List<String> warnings) {
		this(series, warnings, series.size());
	}

	/**
	 * One series of the matrix.
	 *
	 * @param labels the {@code metric} object
	 * @param timestamps evaluation instants in epoch milliseconds, as received
	 * @param values the values; {@code "NaN"}, {@code "+Inf"}, {@code "-Inf"} kept as
	 * doubles
	 */
	record Series(Map<String, String> labels, long[] timestamps, double[] values) {

	}

}
