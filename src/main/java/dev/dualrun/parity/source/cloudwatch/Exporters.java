package dev.dualrun.parity.source.cloudwatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the two CloudWatch exporters name what they copy into Prometheus, as their code
 * does:
 * <ul>
 * <li>YACE (prometheus-community/yet-another-cloudwatch-exporter):
 * {@code aws_<namespace>_<metric>_<statistic>} through its {@code PromString} (lower
 * case, an underscore before an upper-case letter that follows a lower-case one or a
 * digit, separators to underscores), the namespace lower-cased first and {@code aws_} put
 * in front unless it starts so; dimensions as {@code dimension_<Name>} labels, besides
 * {@code name}, {@code region} and {@code account_id};</li>
 * <li>prometheus/cloudwatch_exporter:
 * {@code safeName(namespace.toLowerCase() + "_" + toSnakeCase(metric)) + "_" + statistic}
 * ({@code aws_elb_request_count_sum}; a custom namespace gets no {@code aws_}), the
 * statistic snake-cased ({@code sample_count}), dimensions as snake-case labels
 * ({@code load_balancer_name}).</li>
 * </ul>
 */
final class Exporters {

	/** The exporters known. */
	enum Exporter {

		/** Yet another CloudWatch exporter. */
		YACE("YACE"),
		/** The Prometheus project's cloudwatch_exporter. */
		CLOUDWATCH_EXPORTER("cloudwatch_exporter");

		final String label;

		Exporter(String label) {
			this.label = label;
		}

	}

	/** The statistics both export by default, most telling first. */
	static final List<String> STATISTICS = List.of("Average", "Sum", "Maximum", "Minimum", "SampleCount");

	/**
	 * A series name an exporter would give a CloudWatch metric and statistic, with the
	 * label of each dimension.
	 *
	 * @param exporter the exporter
	 * @param statistic the CloudWatch statistic
	 * @param name the Prometheus metric name
	 * @param labels dimension name to the label carrying its value
	 */
	record Naming(Exporter exporter, String statistic, String name, Map<String, String> labels) {

	}

	private Exporters() {
	}

	/**
	 * @param namespace a CloudWatch namespace
	 * @param metric a metric name
	 * @param dimensions its dimension names
	 * @return every name the exporters would give it, statistic by statistic
	 */
	static List<Naming> namings(String namespace, String metric, List<String> dimensions) {
		List<Naming> out = new ArrayList<>();
		for (String stat : STATISTICS) {
			Map<String, String> yace = new LinkedHashMap<>();
			Map<String, String> cwe = new LinkedHashMap<>();
			for (String d : dimensions) {
				yace.put(d, "dimension_" + sanitize(d));
				cwe.put(d, safeName(snake(d)));
			}
			out.add(new Naming(Exporter.YACE, stat, yaceName(namespace, metric, stat), yace));
			out.add(new Naming(Exporter.CLOUDWATCH_EXPORTER, stat, cloudwatchExporterName(namespace, metric, stat),
					cwe));
		}
		return out;
	}

	static String yaceName(String namespace, String metric, String statistic) {
		String ns = promString(namespace.toLowerCase(Locale.ROOT));
		return (ns.startsWith("aws") ? "" : "aws_") + ns + "_" + promString(metric) + "_" + promString(statistic);
	}

	static String cloudwatchExporterName(String namespace, String metric, String statistic) {
		return safeName(namespace.toLowerCase(Locale.ROOT) + "_" + snake(metric)) + "_" + safeName(snake(statistic));
	}

	/** YACE's {@code PromString}. */
	static String promString(String text) {
		StringBuilder b = new StringBuilder(text.length() + 8);
		int prev = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case ' ', ',', '\t', '/', '\\', '.', '-', ':', '=', '@', '<', '>', '(', ')' -> b.append('_');
				case '%' -> b.append("_percent");
				default -> {
					if (Character.isUpperCase(c) && (Character.isLowerCase(prev) || Character.isDigit(prev))) {
						b.append('_');
					}
					b.append(Character.toLowerCase(c));
				}
			}
			prev = c;
		}
		return b.toString();
	}

	/** YACE's {@code sanitize} of a label name. */
	static String sanitize(String text) {
		return text.replaceAll("[ ,\t/\\\\.\\-:=@<>]", "_");
	}

	/** cloudwatch_exporter's {@code toSnakeCase}. */
	static String snake(String text) {
		return text.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

	/** cloudwatch_exporter's {@code safeName}. */
	static String safeName(String text) {
		return text.replaceAll("[^a-zA-Z0-9:_]", "_").replaceAll("__+", "_");
	}

}
