package dev.dualrun.parity.source.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.source.Discoverable;
import dev.dualrun.parity.source.InventoryItem;

/**
 * What discovering pairs needs of CloudWatch: the copies YACE and cloudwatch_exporter
 * make of its metrics ({@link Exporters}), its statistics and units, and its side of a
 * generated pair.
 */
final class CloudWatchDiscovery implements Discoverable {

	/** The prefix of YACE's dimension labels: a series with another is another metric. */
	private static final String DIMENSION_LABEL = "dimension_";

	@Override
	public List<Copy> copies(InventoryItem item) {
		return Exporters.namings(item.namespace(), item.metric(), new ArrayList<>(item.dimensions().keySet()))
			.stream()
			.map((n) -> new Copy(n.exporter().label, n.statistic(), n.name(), n.labels(), DIMENSION_LABEL))
			.toList();
	}

	/** Both exporters name their copies {@code aws_*}. */
	@Override
	public boolean isCopy(String name) {
		return name.startsWith("aws_");
	}

	@Override
	public String stampAdvice() {
		return "set addCloudwatchTimestamp: true (YACE) or set_timestamp: true (cloudwatch_exporter) for an exact pair";
	}

	@Override
	public String statistic(StatisticKind kind) {
		return switch (kind) {
			case SAMPLE_COUNT -> "SampleCount";
			case SUM -> "Sum";
			case AVERAGE -> "Average";
			case MINIMUM -> "Minimum";
			case MAXIMUM -> "Maximum";
			case PERCENTILE -> "p99";
		};
	}

	@Override
	public String unit(String baseUnit) {
		if (baseUnit == null) {
			return null;
		}
		return switch (baseUnit) {
			case "seconds" -> "Seconds";
			case "bytes" -> "Bytes";
			case "count" -> "Count";
			default -> null;
		};
	}

	@Override
	public SideQuery query(InventoryItem item, String statistic, String unit) {
		return new CloudWatchQuery(item.namespace(), item.metric(), new TreeMap<>(item.dimensions()),
				Statistic.parse(statistic), unit, null, null);
	}

	@Override
	public String id(InventoryItem item) {
		StringBuilder b = new StringBuilder(Exporters.promString(item.metric()).replace('_', '-'));
		item.dimensions()
			.values()
			.forEach((v) -> b.append('-').append(v.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")));
		String id = b.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
		return (id.length() > 100) ? id.substring(0, 100) : id.isEmpty() ? "metric" : id;
	}

	@Override
	public List<String> yaml(SideQuery query) {
		CloudWatchQuery q = (CloudWatchQuery) query;
		List<String> out = new ArrayList<>();
		out.add(CloudWatchReader.TYPE + ":");
		out.add("  namespace: " + quoted(q.namespace()));
		out.add("  metric: " + quoted(q.metricName()));
		if (!q.dimensions().isEmpty()) {
			StringBuilder d = new StringBuilder("  dimensions: {");
			String sep = " ";
			for (var e : q.dimensions().entrySet()) {
				d.append(sep).append(quoted(e.getKey())).append(": ").append(quoted(e.getValue()));
				sep = ", ";
			}
			out.add(d.append(" }").toString());
		}
		out.add("  statistic: " + q.statistic());
		if (q.unit() != null) {
			out.add("  unit: " + q.unit());
		}
		return out;
	}

	static String quoted(String s) {
		return "'" + s.replace("'", "''") + "'";
	}

}
