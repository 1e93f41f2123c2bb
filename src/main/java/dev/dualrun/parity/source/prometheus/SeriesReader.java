package dev.dualrun.parity.source.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.dualrun.parity.source.QueryShape;

/**
 * Reads the labels of every stored series a pair's PromQL selects in its window, from
 * {@code /api/v1/series}, for series parity. A selector whose label matchers select
 * nothing is read again by its metric name alone, so that a label renamed on the way
 * ({@code job} as {@code exported_job}) shows as such rather than as a missing family.
 */
final class SeriesReader {

	/**
	 * The most series read for one side of a pair; beyond it the sets are not compared.
	 */
	static final int MAX_SERIES = 2_000;

	private final PrometheusClient client;

	SeriesReader(PrometheusClient client) {
		this.client = client;
	}

	/**
	 * @param promql the pair's query
	 * @param start the window's start
	 * @param end its end
	 * @return the labels of each series read, at most {@link #MAX_SERIES}; null if the
	 * query does not parse or selects too many series to compare
	 */
	List<Map<String, String>> read(String promql, Instant start, Instant end) {
		QueryShape shape = PromQlLinter.shape(promql);
		if (shape == null) {
			return null;
		}
		Set<Map<String, String>> out = new LinkedHashSet<>();
		for (QueryShape.Selector s : new LinkedHashSet<>(shape.selectors())) {
			List<Map<String, String>> found = series(text(s), start, end);
			if (found.isEmpty() && s.metric() != null && !s.matchers().isEmpty()) {
				found = series(s.metric(), start, end);
			}
			out.addAll(found);
			if (out.size() >= MAX_SERIES) {
				return null;
			}
		}
		return new ArrayList<>(out);
	}

	private List<Map<String, String>> series(String selector, Instant start, Instant end) {
		return new PrometheusCatalog(this.client).series(selector, start, end);
	}

	/**
	 * @param s a selector
	 * @return it as PromQL, e.g. {@code x_total{job="app"}}
	 */
	static String text(QueryShape.Selector s) {
		String matchers = s.matchers()
			.stream()
			.map((m) -> m.label() + m.op() + "\"" + m.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(","));
		String metric = (s.metric() != null) ? s.metric() : "";
		return matchers.isEmpty() ? metric : metric + "{" + matchers + "}";
	}

}
