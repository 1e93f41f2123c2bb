package dev.dualrun.parity.source.prometheus.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.prometheus.PrometheusClient;
import dev.dualrun.parity.source.prometheus.PrometheusQueryException;

/**
 * What the edge's own remote write says of a window, when the edge scrapes itself: the
 * samples each queue failed to send for good, sent again, and dropped by its relabelling,
 * from {@code prometheus_remote_storage_samples_*_total} over the window. A stretch
 * missing at the store with samples failed at the edge was lost on the way; with samples
 * retried and none failed, it was late and caught up.
 */
final class RemoteWriteCounters {

	/** The counters read, by what they count. */
	private static final Map<String, String> COUNTERS = new java.util.LinkedHashMap<>(
			Map.of("failed", "prometheus_remote_storage_samples_failed_total", "retried",
					"prometheus_remote_storage_samples_retried_total", "dropped",
					"prometheus_remote_storage_samples_dropped_total"));

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RemoteWriteCounters.class);

	private RemoteWriteCounters() {
	}

	/**
	 * @param client the edge's client
	 * @param window the window
	 * @return a line for each queue that failed, retried or dropped samples in the
	 * window; none if the edge does not expose its counters
	 */
	static List<String> over(PrometheusClient client, QueryWindow window) {
		long seconds = java.time.Duration.between(window.start(), window.end()).toSeconds();
		Map<String, Map<String, Double>> byQueue = new TreeMap<>();
		try {
			for (Map.Entry<String, String> counter : COUNTERS.entrySet()) {
				JsonNode data = client.get("api/v1/query",
						List.of(new String[] { "query",
								"sum by (url) (increase(" + counter.getValue() + "[" + seconds + "s]))" },
								new String[] { "time", Long.toString(window.end().getEpochSecond()) }));
				for (JsonNode r : data.path("result")) {
					byQueue
						.computeIfAbsent(r.path("metric").path("url").asString("remote write"), (k) -> new TreeMap<>())
						.put(counter.getKey(), Double.parseDouble(r.path("value").get(1).asString()));
				}
			}
		}
		catch (PrometheusQueryException ex) {
			log.info("the edge's remote-write counters not read: {}", ex.getMessage());
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		byQueue.forEach((queue, counts) -> {
			if (counts.values().stream().anyMatch((v) -> v >= 0.5)) {
				lines.add(String.format(Locale.ROOT,
						"its remote write to %s over the window: %,.0f sample(s) failed, %,.0f retried, %,.0f dropped "
								+ "by relabelling (prometheus_remote_storage_samples_*_total)",
						queue, counts.getOrDefault("failed", 0.0), counts.getOrDefault("retried", 0.0),
						counts.getOrDefault("dropped", 0.0)));
			}
		});
		return lines;
	}

}
