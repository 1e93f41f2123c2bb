package dev.dualrun.parity.source.cloudwatch;

import java.time.Instant;

/** A link to the same metric and window in the CloudWatch console. */
final class ConsoleLink {

	private ConsoleLink() {
	}

	/**
	 * @param region the AWS region the run's client used, as stored, or null
	 * @param endpoint the run's CloudWatch endpoint: an http(s) URL when overridden (a
	 * CloudWatch-compatible server: no console), else AWS's
	 * @return the metrics page of the CloudWatch console for the metric over the window,
	 * or null
	 */
	static String of(String region, String endpoint, CloudWatchQuery q, Instant start, Instant end,
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

}
