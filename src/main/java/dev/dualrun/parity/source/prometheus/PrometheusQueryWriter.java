package dev.dualrun.parity.source.prometheus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.source.QueryWriter;

/**
 * PromQL for generated pairs: families by Prometheus' naming conventions (a histogram's
 * {@code _bucket}, {@code _sum} and {@code _count}; a counter's {@code _total}), the
 * increase, ratio or average that reproduces an old side's statistic over a period, and
 * the last sample of each period of an exporter's copy.
 */
final class PrometheusQueryWriter implements QueryWriter {

	/** Families of Prometheus itself and of client libraries' runtime metrics. */
	private static final Set<String> INFRASTRUCTURE = Set.of("up", "scrape", "prometheus", "go", "process", "promhttp",
			"jvm", "python");

	private static final Pattern SERIES = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");

	private static final Set<String> FUNCTIONS = Set.of("rate", "irate", "increase", "sum", "avg", "max", "min",
			"count", "histogram_quantile", "avg_over_time", "max_over_time", "min_over_time", "sum_over_time",
			"count_over_time", "last_over_time", "absent", "absent_over_time", "by", "without", "on", "ignoring",
			"delta", "deriv", "quantile_over_time", "topk", "bottomk");

	@Override
	public List<Family> families(Collection<String> names) {
		Set<String> all = new TreeSet<>(names);
		List<Family> out = new ArrayList<>();
		Set<String> taken = new HashSet<>();
		for (String n : all) {
			if (n.endsWith("_count") && all.contains(n.substring(0, n.length() - 6) + "_sum")) {
				String base = n.substring(0, n.length() - 6);
				taken.add(base + "_count");
				taken.add(base + "_sum");
				taken.add(base + "_bucket");
				out.add(new Family(base, Kind.HISTOGRAM, base + "_count"));
			}
		}
		for (String n : all) {
			if (taken.contains(n) || INFRASTRUCTURE.contains(n.split("_")[0]) || n.startsWith("parity_")) {
				continue;
			}
			out.add(new Family(n, n.endsWith("_total") ? Kind.COUNTER : Kind.GAUGE, n));
		}
		return out;
	}

	@Override
	public Written query(Family f, Map<String, String> labels) {
		String sel = matchers(labels);
		String names = String.join(", ", labels.keySet());
		String by = labels.isEmpty() ? "sum" : "sum by (" + names + ")";
		return switch (f.kind()) {
			case HISTOGRAM -> new Written(StatisticKind.AVERAGE, f.name().endsWith("_seconds") ? "seconds" : null,
					by + " (increase(" + f.name() + "_sum" + sel + "[${period}])) / " + by + " (increase(" + f.name()
							+ "_count" + sel + "[${period}]))");
			case COUNTER ->
				new Written(StatisticKind.SUM, "count", by + " (increase(" + f.name() + sel + "[${period}]))");
			case GAUGE -> new Written(StatisticKind.AVERAGE, null, (labels.isEmpty() ? "avg" : "avg by (" + names + ")")
					+ " (avg_over_time(" + f.name() + sel + "[${period}]))");
		};
	}

	@Override
	public String selector(String name, Map<String, String> labels) {
		return name + matchers(labels);
	}

	@Override
	public String lastSample(String name, Map<String, String> labels, boolean edgeStamped) {
		String by = labels.isEmpty() ? "sum" : "sum by (" + String.join(", ", labels.keySet()) + ")";
		return by + " (last_over_time(" + selector(name, labels) + "[${period}]" + (edgeStamped ? " offset 1s" : "")
				+ "))";
	}

	@Override
	public String lastSampleNote() {
		return "the sample of [T, T+P) is read at T+P (offset 1s keeps the next bucket out on Prometheus 2 and 3)";
	}

	@Override
	public SideQuery query(String template, Duration period) {
		return new PrometheusQuery(template.replace(PromQlBlock.PERIOD_PLACEHOLDER, Durations.compact(period)));
	}

	@Override
	public Set<String> families(String query) {
		Set<String> out = new LinkedHashSet<>();
		if (query == null) {
			return out;
		}
		Matcher m = SERIES.matcher(query);
		while (m.find()) {
			String name = m.group(1);
			if (!FUNCTIONS.contains(name)) {
				out.add(name.replaceAll("_(bucket|count|sum|total)$", ""));
			}
		}
		return out;
	}

	@Override
	public Set<String> families(SideQuery query) {
		return families(PrometheusQuery.of(query));
	}

	@Override
	public List<String> yaml(String template) {
		return List.of(PrometheusReader.TYPE + ":", "  query: '" + template.replace("'", "''") + "'");
	}

	private static String matchers(Map<String, String> labels) {
		StringBuilder m = new StringBuilder();
		labels.forEach((label, value) -> m.append((m.length() > 0) ? "," : "")
			.append(label)
			.append("=\"")
			.append(value.replace("\\", "\\\\").replace("\"", "\\\""))
			.append('"'));
		return "{" + m + "}";
	}

}
