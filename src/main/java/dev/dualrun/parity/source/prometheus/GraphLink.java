package dev.dualrun.parity.source.prometheus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A link to the same query and window in the Prometheus graph UI. */
public final class GraphLink {

	private static final DateTimeFormatter PROMETHEUS_END = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private GraphLink() {
	}

	/**
	 * @return the graph page of a Prometheus server for the query over the window, or
	 * null
	 */
	public static String of(String baseUrl, String promql, Instant start, Instant end, long periodSeconds) {
		if (baseUrl == null || start == null || end == null) {
			return null;
		}
		long hours = Math.max(1, (end.getEpochSecond() - start.getEpochSecond() + 3599) / 3600);
		return baseUrl.replaceAll("/+$", "") + "/graph?g0.expr=" + url(promql) + "&g0.tab=0&g0.range_input=" + hours
				+ "h&g0.end_input=" + url(PROMETHEUS_END.format(end)) + "&g0.step_input=" + periodSeconds;
	}

	private static String url(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
