package dev.dualrun.parity.source.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Reads the bucket bounds of the histogram a percentile's PromQL estimates from: the
 * values of the {@code le} label of the series each {@code histogram_quantile} reads,
 * from {@code /api/v1/label/le/values} in the window. {@code histogram_quantile}
 * interpolates linearly inside the bucket where the rank falls, so its estimate is exact
 * only to that bucket; the judge holds the old side's exact percentile to it.
 */
final class BucketBoundsReader {

	private final PrometheusClient client;

	BucketBoundsReader(PrometheusClient client) {
		this.client = client;
	}

	/**
	 * @param promql the pair's query
	 * @param start the window's start
	 * @param end its end
	 * @return the finite bucket bounds, ascending and distinct ({@code 0.5} and
	 * {@code 0.50} are one), or null when the query reads no histogram or its series have
	 * no {@code le} label (a native histogram)
	 */
	double[] read(String promql, Instant start, Instant end) {
		Set<Double> bounds = new TreeSet<>();
		for (String selector : bucketSelectors(promql)) {
			JsonNode values = this.client.get("api/v1/label/le/values",
					List.of(new String[] { "match[]", selector },
							new String[] { "start", String.valueOf(start.getEpochSecond()) },
							new String[] { "end", String.valueOf(end.getEpochSecond()) }));
			for (JsonNode v : values) {
				double b = bound(v.asString());
				if (Double.isFinite(b)) {
					bounds.add(b);
				}
			}
		}
		return bounds.isEmpty() ? null : bounds.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/**
	 * @param promql a query
	 * @return the selectors its {@code histogram_quantile} reads, as PromQL, when that is
	 * the whole query; none otherwise (a quantile scaled, {@code * 1000}, or combined is
	 * not on its buckets' scale), or when it does not parse
	 */
	static List<String> bucketSelectors(String promql) {
		PromQl.Node root;
		try {
			root = PromQl.parse(promql);
		}
		catch (PromQl.SyntaxError ex) {
			return List.of();
		}
		if (!(root instanceof PromQl.Call call) || !call.name().equals("histogram_quantile")
				|| call.args().size() != 2) {
			return List.of();
		}
		Set<String> out = new LinkedHashSet<>();
		new PromQlTree(call.args().get(1)).selectors
			.forEach((s) -> out.add(SeriesReader.text(PromQlLinter.selector(s))));
		return new ArrayList<>(out);
	}

	/**
	 * @param le a value of the {@code le} label
	 * @return it as a number, infinite for {@code +Inf}, NaN when it is none
	 */
	static double bound(String le) {
		String s = le.strip();
		if (s.equalsIgnoreCase("+Inf") || s.equalsIgnoreCase("Inf")) {
			return Double.POSITIVE_INFINITY;
		}
		try {
			return Double.parseDouble(s);
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

}
