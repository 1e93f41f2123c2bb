package dev.dualrun.parity.source.cloudwatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.dualrun.parity.config.AlertMapping;
import dev.dualrun.parity.config.MappingBlock;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.config.Text;

/**
 * The {@code cloudwatch:} block of the mapping file: one metric with a statistic, or a
 * metric-math expression over named metrics, optionally in a region of its own; its
 * period must be a CloudWatch period. In an alert pair, {@code cloudwatch: {alarm:
 * NAME}}.
 */
final class CloudWatchReader implements SideReader {

	/** The block's key in the mapping file, and the source's type. */
	static final String TYPE = "cloudwatch";

	private static final Pattern EXPRESSION_ID = Pattern.compile("[a-z][A-Za-z0-9_]{0,254}");

	/** An AWS region's name: us-east-1, eu-central-2, us-gov-west-1, cn-north-1. */
	private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

	private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
			"Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
			"Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
			"Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
			"None");

	/** The block as written. */
	record Block(String namespace, String metric, Map<String, String> dimensions, String statistic, String unit,
			String expression, List<Metric> metrics, String region) {

	}

	/** A metric an expression names, as written. */
	record Metric(String id, String namespace, String metric, Map<String, String> dimensions, String statistic,
			String unit) {

	}

	/** An alert pair's alarm, by name. */
	record AlarmRef(String alarm) {

	}

	@Override
	public String key() {
		return TYPE;
	}

	@Override
	public Side side() {
		return Side.OLD;
	}

	@Override
	public Class<? extends SideQuery> queryType() {
		return CloudWatchQuery.class;
	}

	@Override
	public SideQuery readPair(MappingBlock block) {
		Block raw = block.bind(Block.class);
		String region = raw.region();
		if (region != null && !AWS_REGION.matcher(region.strip()).matches()) {
			throw block.error("region",
					"'" + Text.oneLine(region) + "' is not an AWS region name such as us-east-1 or eu-west-1");
		}
		CloudWatchQuery query = query(raw, block).inRegion(region);
		checkPeriod(block);
		return query;
	}

	private CloudWatchQuery query(Block raw, MappingBlock block) {
		if (raw.expression() == null) {
			return new CloudWatchQuery(block.required(raw.namespace(), "namespace"),
					block.required(raw.metric(), "metric"), block.dimensions(raw.dimensions(), "dimensions"),
					statistic(raw.statistic(), "statistic", block), unit(raw.unit(), "unit", block), null, null);
		}
		if (raw.metric() != null || raw.statistic() != null) {
			throw block.error("expression",
					"write either 'expression' with 'metrics', or 'metric' with 'statistic', not both");
		}
		if (raw.metrics() == null || raw.metrics().isEmpty()) {
			throw block.error("metrics", "an expression needs the 'metrics' it refers to");
		}
		List<CloudWatchQuery.ExpressionMetric> metrics = new ArrayList<>();
		for (int i = 0; i < raw.metrics().size(); i++) {
			Metric m = raw.metrics().get(i);
			String at = "metrics/" + i;
			String id = block.required(m.id(), at + "/id");
			if (!EXPRESSION_ID.matcher(id).matches()) {
				throw block.error(at + "/id", "'" + id + "' must start with a lower-case letter (CloudWatch rule)");
			}
			metrics.add(new CloudWatchQuery.ExpressionMetric(id, block.required(m.namespace(), at + "/namespace"),
					block.required(m.metric(), at + "/metric"), block.dimensions(m.dimensions(), at + "/dimensions"),
					statistic(m.statistic(), at + "/statistic", block), unit(m.unit(), at + "/unit", block)));
		}
		return new CloudWatchQuery(null, null, null, null, unit(raw.unit(), "unit", block), raw.expression().strip(),
				metrics);
	}

	private static Statistic statistic(String raw, String field, MappingBlock block) {
		try {
			return Statistic.parse(block.required(raw, field));
		}
		catch (IllegalArgumentException ex) {
			throw block.error(field, ex.getMessage());
		}
	}

	private static String unit(String raw, String field, MappingBlock block) {
		if (raw != null && !UNITS.contains(raw)) {
			throw block.error(field,
					"unknown CloudWatch unit '" + raw + "' (e.g. Seconds, Milliseconds, Count, Bytes, Percent)");
		}
		return raw;
	}

	private static void checkPeriod(MappingBlock block) {
		Duration period = block.period();
		long s = period.toSeconds();
		boolean highResolution = s == 1 || s == 5 || s == 10 || s == 20 || s == 30;
		if (period.toNanosPart() != 0 || s <= 0 || !(highResolution || s % 60 == 0)) {
			throw block.periodError("period " + block.periodText()
					+ " is not a CloudWatch period (1, 5, 10, 20, 30 s or a multiple of 60 s)");
		}
	}

	@Override
	public String alertExample() {
		return TYPE + ": {alarm: NAME}";
	}

	@Override
	public String alertYaml(String name, String group) {
		return TYPE + ": { alarm: " + SideReader.quoted(name) + " }";
	}

	@Override
	public AlertMapping.Ref readAlert(MappingBlock block) {
		String alarm = block.required(block.bind(AlarmRef.class).alarm(), "alarm").strip();
		if (alarm.length() > 255) {
			throw block.error("alarm", "an alarm name has at most 255 characters");
		}
		return new AlertMapping.Ref(TYPE, alarm, null);
	}

}
