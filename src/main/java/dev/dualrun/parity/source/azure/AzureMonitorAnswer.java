package dev.dualrun.parity.source.azure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.source.TimeSeries;
import tools.jackson.databind.JsonNode;

/**
 * Reads one pair's series from the {@code value} array of a metrics answer: the metric of
 * the pair's name, its one time series, the points carrying the pair's aggregation (a
 * point without it is a grain with no data, never a zero), sorted by time.
 */
final class AzureMonitorAnswer {

	private AzureMonitorAnswer() {
	}

	/**
	 * @param pair the pair
	 * @param values the answer's {@code value} array for the pair's resource
	 * @return the series, or a failure naming the metric and resource
	 */
	static SeriesResult read(PairMapping pair, JsonNode values) {
		AzureMonitorQuery q = AzureMonitorSource.query(pair);
		JsonNode metric = null;
		for (JsonNode m : values) {
			if (q.metric().equalsIgnoreCase(m.path("name").path("value").asString(""))) {
				metric = m;
			}
		}
		if (metric == null) {
			return SeriesResult.failed(pair.id(), new SourceException(
					"Azure Monitor answered no metric '" + q.metric() + "' for " + q.resourceName(), false));
		}
		SourceException refused = refusal(q, metric);
		if (refused != null) {
			return SeriesResult.failed(pair.id(), refused);
		}
		String unit = metric.path("unit").asString("");
		JsonNode series = metric.path("timeseries");
		List<String> messages = new ArrayList<>();
		if (!unit.isEmpty()) {
			messages.add("unit " + unit);
		}
		if (series.isEmpty()) {
			return SeriesResult.ok(pair.id(), new TimeSeries(q.dimensions(), new long[0], new double[0], messages));
		}
		return points(pair, q, series.get(0).path("data"), messages);
	}

	/**
	 * @return why the metric's answer cannot be the pair's series (an error code, another
	 * unit than the mapping's, more than one series), or null
	 */
	private static SourceException refusal(AzureMonitorQuery q, JsonNode metric) {
		String errorCode = metric.path("errorCode").asString("Success");
		if (!errorCode.equals("Success")) {
			return new SourceException("Azure Monitor " + errorCode + " for " + q.describe() + ": "
					+ Text.oneLine(metric.path("errorMessage").asString(""), 200), false);
		}
		String unit = metric.path("unit").asString("");
		if (q.unit() != null && !unit.isEmpty() && !unit.equalsIgnoreCase(q.unit())) {
			return new SourceException("Azure Monitor reports " + q.metric() + " of " + q.resourceName() + " in " + unit
					+ ", the mapping declares " + q.unit() + ": fix the unit (and the unit-factor)", false);
		}
		JsonNode series = metric.path("timeseries");
		if (series.size() > 1) {
			return new SourceException("Azure Monitor answered " + series.size() + " series for " + q.describe()
					+ ": give every dimension of the metric a value under 'dimensions:'", false);
		}
		return null;
	}

	/** The points of the series that carry the aggregation, sorted by time. */
	private static SeriesResult points(PairMapping pair, AzureMonitorQuery q, JsonNode data, List<String> messages) {
		long[] ts = new long[data.size()];
		double[] vs = new double[data.size()];
		int n = 0;
		int empty = 0;
		String field = q.aggregation().field();
		for (JsonNode point : data) {
			JsonNode value = point.get(field);
			if (value == null || value.isNull()) {
				empty++;
				continue;
			}
			Instant t;
			try {
				t = Instant.parse(point.path("timeStamp").asString(""));
			}
			catch (java.time.format.DateTimeParseException ex) {
				return SeriesResult.failed(pair.id(),
						new SourceException("Azure Monitor answered a time stamp that is not ISO 8601 ('"
								+ Text.oneLine(point.path("timeStamp").asString(""), 40) + "') for " + q.describe(),
								false));
			}
			ts[n] = t.toEpochMilli();
			vs[n] = value.isNumber() ? value.asDouble() : Double.NaN;
			n++;
		}
		if (empty > 0) {
			messages.add(empty + " grain(s) without a " + field + " (no data)");
		}
		long[] t2 = Arrays.copyOf(ts, n);
		double[] v2 = Arrays.copyOf(vs, n);
		sortByTime(t2, v2);
		return SeriesResult.ok(pair.id(), new TimeSeries(q.dimensions(), t2, v2, messages));
	}

	private static void sortByTime(long[] ts, double[] vs) {
		for (int i = 1; i < ts.length; i++) {
			if (ts[i] < ts[i - 1]) {
				Integer[] order = new Integer[ts.length];
				for (int k = 0; k < order.length; k++) {
					order[k] = k;
				}
				Arrays.sort(order, Comparator.comparingLong((Integer k) -> ts[k]));
				long[] t = ts.clone();
				double[] v = vs.clone();
				for (int k = 0; k < order.length; k++) {
					ts[k] = t[order[k]];
					vs[k] = v[order[k]];
				}
				return;
			}
		}
	}

}
