package dev.dualrun.parity.discover;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.dualrun.parity.source.QueryWriter.Kind;

/**
 * The naming rules discovery reads metric names of either side by: their canonical words,
 * the kind of metric the words imply, and how alike two names are.
 */
final class MetricNames {

	private static final Set<String> UNIT_WORDS = Set.of("seconds", "milliseconds", "bytes", "total", "count", "sum",
			"bucket", "ratio", "percent", "info");

	private static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("latency", "duration"),
			Map.entry("time", "duration"), Map.entry("elapsed", "duration"), Map.entry("req", "request"),
			Map.entry("failure", "error"), Map.entry("fault", "error"), Map.entry("utilization", "usage"),
			Map.entry("util", "usage"), Map.entry("mem", "memory"), Map.entry("conn", "connection"));

	private MetricNames() {
	}

	/** The words of a metric name of either side, canonical. */
	static Set<String> words(String name) {
		Set<String> out = new LinkedHashSet<>();
		for (String w : name.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
			.replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
			.toLowerCase(Locale.ROOT)
			.split("[^a-z0-9]+")) {
			if (w.isEmpty() || UNIT_WORDS.contains(w)) {
				continue;
			}
			String s = (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) ? w.substring(0, w.length() - 1) : w;
			out.add(SYNONYMS.getOrDefault(s, s));
		}
		return out;
	}

	/**
	 * @return the kind the words imply (a latency is a histogram, a count a counter, a
	 * depth a gauge), or null
	 */
	static Kind implied(Set<String> words) {
		if (words.contains("duration")) {
			return Kind.HISTOGRAM;
		}
		for (String w : List.of("request", "error", "count", "order", "hit", "miss", "invocation", "sent", "received",
				"placed", "event", "message", "throttle")) {
			if (words.contains(w)) {
				return Kind.COUNTER;
			}
		}
		for (String w : List.of("depth", "size", "usage", "connection", "active", "open", "queue", "memory", "free",
				"cpu", "temperature", "lag")) {
			if (words.contains(w)) {
				return Kind.GAUGE;
			}
		}
		return null;
	}

	/**
	 * How alike two names are: the mean of their words' Jaccard index and overlap
	 * coefficient, so that a new side's name with a prefix of its own
	 * ({@code flask_http_request_duration}) still matches the old side's name it contains
	 * ({@code EndpointLatency}: endpoint, duration).
	 */
	static double jaccard(Set<String> a, Set<String> b) {
		Set<String> inter = new HashSet<>(a);
		inter.retainAll(b);
		Set<String> union = new HashSet<>(a);
		union.addAll(b);
		if (union.isEmpty() || inter.isEmpty()) {
			return 0;
		}
		return 0.5 * inter.size() / union.size() + 0.5 * inter.size() / Math.min(a.size(), b.size());
	}

}
