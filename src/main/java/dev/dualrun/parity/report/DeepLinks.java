package dev.dualrun.parity.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.dualrun.parity.config.CloudWatchQuery;

/** Links to the same window in the Prometheus graph UI and in the CloudWatch console. */
final class DeepLinks {

	private static final DateTimeFormatter PROMETHEUS_END = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private DeepLinks() {
	}

	/**
	 * @return the graph page of a Prometheus server for the query over the window, or
	 * null
	 */
	static String prometheus(String baseUrl, String promql, Instant start, Instant end, long periodSeconds) {
		if (baseUrl == null || start == null || end == null) {
			return null;
		}
		long hours = Math.max(1, (end.getEpochSecond() - start.getEpochSecond() + 3599) / 3600);
		return baseUrl.replaceAll("/+$", "") + "/graph?g0.expr=" + url(promql) + "&g0.tab=0&g0.range_input=" + hours
				+ "h&g0.end_input=" + url(PROMETHEUS_END.format(end)) + "&g0.step_input=" + periodSeconds;
	}

	/**
	 * @param region the AWS region the run's client used, as stored, or null
	 * @param endpoint the run's CloudWatch endpoint: an http(s) URL when overridden (a
	 * CloudWatch-compatible server: no console), else AWS's
	 * @return the metrics page of the CloudWatch console for the metric over the window,
	 * or null
	 */
	static String cloudwatch(String region, String endpoint, CloudWatchQuery q, Instant start, Instant end,
			long periodSeconds) {
		boolean overridden = endpoint != null && (endpoint.startsWith("http://") || endpoint.startsWith("https://"));
		if (region == null || overridden || q.hasExpression() || start == null || end == null) {
			return null;
		}
		if (!region.matches("[a-z0-9-]+")) {
			return null;
		}
		StringBuilder metric = new StringBuilder("~(~").append(str(q.namespace()))
			.append("~")
			.append(str(q.metricName()));
		q.dimensions().forEach((k, v) -> metric.append("~").append(str(k)).append("~").append(str(v)));
		metric.append(")");
		String graph = "~(metrics~(" + metric + ")~view~'timeSeries~stacked~false~region~" + str(region) + "~stat~"
				+ str(q.statistic().name()) + "~period~" + periodSeconds + "~start~" + str(start.toString()) + "~end~"
				+ str(end.toString()) + ")";
		return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region + "#metricsV2:graph="
				+ graph;
	}

	/**
	 * A string in the console's JSURL notation: a quote, then * escapes for other
	 * characters.
	 */
	static String str(String s) {
		StringBuilder out = new StringBuilder("'");
		for (char c : s.toCharArray()) {
			if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' || c == '$') {
				out.append(c);
			}
			else if (c < 256) {
				out.append('*').append(String.format("%02x", (int) c));
			}
			else {
				out.append("**").append(String.format("%04x", (int) c));
			}
		}
		return out.toString();
	}

	private static String url(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
