package dev.dualrun.parity.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks a bound {@link MappingDocument} field by field and applies defaults. Stops at
 * the first error, naming file, line and field.
 */
final class MappingValidator {

	/**
	 * Placeholder in PromQL replaced by the pair's period, e.g.
	 * {@code rate(x[${period}])}.
	 */
	static final String PERIOD_PLACEHOLDER = "${period}";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	private static final Pattern EXPRESSION_ID = Pattern.compile("[a-z][A-Za-z0-9_]{0,254}");

	/** An AWS region's name: us-east-1, eu-central-2, us-gov-west-1, cn-north-1. */
	private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

	private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
			"Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
			"Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
			"Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
			"None");

	private final String source;

	private final Map<String, Integer> lines;

	MappingValidator(String source, Map<String, Integer> lines) {
		this.source = source;
		this.lines = lines;
	}

	MappingFile validate(MappingDocument doc, String sha256) {
		if (doc.version() != null && doc.version() != 1) {
			throw error("/version", "unsupported version " + doc.version() + " (this tool reads version 1)");
		}
		MappingDocument.Defaults defaults = (doc.defaults() != null) ? doc.defaults()
				: new MappingDocument.Defaults(null, null, null, null, null);
		Duration defaultPeriod = (defaults.period() != null) ? duration(defaults.period(), "/defaults/period")
				: Duration.ofSeconds(60);
		boolean noAlerts = doc.alerts() == null || doc.alerts().isEmpty();
		if ((doc.pairs() == null || doc.pairs().isEmpty()) && noAlerts) {
			throw error("/pairs", "no pairs: the file must list at least one pair under 'pairs:' (or 'alerts:')");
		}
		List<PairMapping> pairs = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < ((doc.pairs() != null) ? doc.pairs().size() : 0); i++) {
			PairMapping pair = pair(doc.pairs().get(i), "/pairs/" + i, defaults, defaultPeriod);
			if (!ids.add(pair.id())) {
				throw error("/pairs/" + i + "/id", "duplicate pair id '" + pair.id() + "'");
			}
			pairs.add(pair);
		}
		List<AlertMapping> alerts = new ArrayList<>();
		Set<String> alertIds = new HashSet<>();
		for (int i = 0; !noAlerts && i < doc.alerts().size(); i++) {
			AlertMapping alert = alert(doc.alerts().get(i), "/alerts/" + i);
			if (!alertIds.add(alert.id())) {
				throw error("/alerts/" + i + "/id", "duplicate alert id '" + alert.id() + "'");
			}
			alerts.add(alert);
		}
		return new MappingFile(this.source, sha256, pairs, alerts);
	}

	private AlertMapping alert(MappingDocument.Alert raw, String at) {
		if (raw == null) {
			throw error(at, "empty alert pair");
		}
		String id = required(raw.id(), at + "/id");
		if (!ID.matcher(id).matches()) {
			throw error(at + "/id", "'" + id + "' is not a valid id (letters, digits, '.', '_', '-'; at most 128)");
		}
		if (raw.cloudwatch() == null) {
			throw error(at + "/cloudwatch",
					"missing: an alert pair needs the old side's alarm, 'cloudwatch: {alarm: NAME}'");
		}
		if (raw.prometheus() == null) {
			throw error(at + "/prometheus",
					"missing: an alert pair needs the new side's rule, 'prometheus: {alert: NAME}'");
		}
		String alarm = required(raw.cloudwatch().alarm(), at + "/cloudwatch/alarm").strip();
		if (alarm.length() > 255) {
			throw error(at + "/cloudwatch/alarm", "an alarm name has at most 255 characters");
		}
		String rule = required(raw.prometheus().alert(), at + "/prometheus/alert").strip();
		if (!rule.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
			throw error(at + "/prometheus/alert",
					"'" + rule + "' is not an alert name Prometheus accepts (letters, digits, '_' and ':')");
		}
		String group = raw.prometheus().group();
		return new AlertMapping(id, raw.description(), new AlertMapping.Ref("cloudwatch", alarm, null),
				new AlertMapping.Ref("prometheus", rule, (group != null && !group.isBlank()) ? group.strip() : null),
				line(at));
	}

	private PairMapping pair(MappingDocument.Pair raw, String at, MappingDocument.Defaults defaults,
			Duration defaultPeriod) {
		if (raw == null) {
			throw error(at, "empty pair");
		}
		String id = required(raw.id(), at + "/id");
		if (!ID.matcher(id).matches()) {
			throw error(at + "/id", "'" + id + "' is not a valid id (letters, digits, '.', '_', '-'; at most 128)");
		}
		Duration period = (raw.period() != null) ? duration(raw.period(), at + "/period") : defaultPeriod;
		String periodAt = (raw.period() != null) ? at + "/period" : "/defaults/period";
		String periodText = (raw.period() != null) ? raw.period() : Durations.promql(period);
		if (raw.cloudwatch() != null && raw.azureMonitor() != null) {
			throw error(at + "/azure-monitor",
					"a pair has one old side: write either 'cloudwatch:' or 'azure-monitor:', not both");
		}
		if (raw.cloudwatch() == null && raw.azureMonitor() == null) {
			throw error(at + "/cloudwatch",
					"missing: every pair needs an old side, a 'cloudwatch:' or an 'azure-monitor:' block");
		}
		if (raw.prometheus() == null) {
			throw error(at + "/prometheus", "missing: every pair needs a 'prometheus:' side");
		}
		// each old side's type checks its own block and its own periods
		OldQuery old;
		if (raw.cloudwatch() != null) {
			old = cloudWatch(raw.cloudwatch(), at + "/cloudwatch");
			cloudWatchPeriod(period, periodText, periodAt);
		}
		else {
			old = azureMonitor(raw.azureMonitor(), at + "/azure-monitor");
			azurePeriod(period, periodText, periodAt);
		}
		String scrapeText = (raw.scrapeInterval() != null) ? raw.scrapeInterval() : defaults.scrapeInterval();
		String scrapeAt = (raw.scrapeInterval() != null) ? at + "/scrape-interval" : "/defaults/scrape-interval";
		Duration scrape = (scrapeText != null) ? duration(scrapeText, scrapeAt) : Duration.ofSeconds(15);
		if (period.compareTo(scrape.multipliedBy(4)) < 0) {
			throw error((raw.period() != null) ? at + "/period" : at, "period " + Durations.promql(period)
					+ " is shorter than 4x the scrape interval " + Durations.promql(scrape)
					+ ": a window would hold too few samples and increase() would extrapolate most of it (the period rule)");
		}
		String query = required(raw.prometheus().query(), at + "/prometheus/query").strip();
		String promql = query.replace(PERIOD_PLACEHOLDER, Durations.promql(period));
		if (promql.contains("${")) {
			throw error(at + "/prometheus/query",
					"unknown placeholder in '" + query + "' (only " + PERIOD_PLACEHOLDER + " is replaced)");
		}
		double factor = (raw.unitFactor() != null) ? raw.unitFactor()
				: (defaults.unitFactor() != null) ? defaults.unitFactor() : 1.0;
		if (!(factor > 0) || Double.isInfinite(factor)) {
			throw error(at + "/unit-factor", "must be a positive number, got " + factor);
		}
		Statistic.Kind kind = old.kind();
		Tolerance.Override override = (defaults.tolerance() != null) ? defaults.tolerance().then(raw.tolerance())
				: raw.tolerance();
		Tolerance tolerance = Tolerance.defaultFor(kind).with(override);
		checkTolerance(tolerance, at + "/tolerance");
		boolean nonZero = (raw.publishedWhenNonZero() != null) ? raw.publishedWhenNonZero()
				: Boolean.TRUE.equals(defaults.publishedWhenNonZero());
		String description = (raw.description() != null) ? raw.description().strip() : "";
		return new PairMapping(id, description, line(at), old, promql, period, factor, tolerance, nonZero, null);
	}

	private CloudWatchQuery cloudWatch(MappingDocument.CloudWatch raw, String at) {
		String region = raw.region();
		if (region != null && !AWS_REGION.matcher(region.strip()).matches()) {
			throw error(at + "/region",
					"'" + Text.oneLine(region) + "' is not an AWS region name such as us-east-1 or eu-west-1");
		}
		return cloudWatchIn(raw, at).inRegion(region);
	}

	private CloudWatchQuery cloudWatchIn(MappingDocument.CloudWatch raw, String at) {
		if (raw.expression() != null) {
			if (raw.metric() != null || raw.statistic() != null) {
				throw error(at + "/expression",
						"write either 'expression' with 'metrics', or 'metric' with 'statistic', not both");
			}
			if (raw.metrics() == null || raw.metrics().isEmpty()) {
				throw error(at + "/metrics", "an expression needs the 'metrics' it refers to");
			}
			List<CloudWatchQuery.ExpressionMetric> metrics = new ArrayList<>();
			for (int i = 0; i < raw.metrics().size(); i++) {
				MappingDocument.Metric m = raw.metrics().get(i);
				String mAt = at + "/metrics/" + i;
				String id = required(m.id(), mAt + "/id");
				if (!EXPRESSION_ID.matcher(id).matches()) {
					throw error(mAt + "/id", "'" + id + "' must start with a lower-case letter (CloudWatch rule)");
				}
				metrics.add(new CloudWatchQuery.ExpressionMetric(id, required(m.namespace(), mAt + "/namespace"),
						required(m.metric(), mAt + "/metric"), dimensions(m.dimensions(), mAt + "/dimensions"),
						statistic(m.statistic(), mAt + "/statistic"), unit(m.unit(), mAt + "/unit")));
			}
			return new CloudWatchQuery(null, null, null, null, unit(raw.unit(), at + "/unit"), raw.expression().strip(),
					metrics);
		}
		return new CloudWatchQuery(required(raw.namespace(), at + "/namespace"), required(raw.metric(), at + "/metric"),
				dimensions(raw.dimensions(), at + "/dimensions"), statistic(raw.statistic(), at + "/statistic"),
				unit(raw.unit(), at + "/unit"), null, null);
	}

	private TreeMap<String, String> dimensions(Map<String, String> raw, String at) {
		TreeMap<String, String> dims = new TreeMap<>();
		if (raw == null) {
			return dims;
		}
		if (raw.size() > 30) {
			throw error(at, "at most 30 dimensions, got " + raw.size());
		}
		raw.forEach((name, value) -> {
			if (name.isBlank() || value == null || value.isBlank()) {
				throw error(at + "/" + name, "dimension names and values must not be empty");
			}
			dims.put(name, value);
		});
		return dims;
	}

	private Statistic statistic(String raw, String at) {
		try {
			return Statistic.parse(required(raw, at));
		}
		catch (IllegalArgumentException ex) {
			throw error(at, ex.getMessage());
		}
	}

	private String unit(String raw, String at) {
		if (raw != null && !UNITS.contains(raw)) {
			throw error(at,
					"unknown CloudWatch unit '" + raw + "' (e.g. Seconds, Milliseconds, Count, Bytes, Percent)");
		}
		return raw;
	}

	private Duration duration(String raw, String at) {
		try {
			return Durations.parse(raw);
		}
		catch (IllegalArgumentException ex) {
			throw error(at, ex.getMessage());
		}
	}

	private void cloudWatchPeriod(Duration period, String raw, String at) {
		long s = period.toSeconds();
		boolean highResolution = s == 1 || s == 5 || s == 10 || s == 20 || s == 30;
		if (period.toNanosPart() != 0 || s <= 0 || !(highResolution || s % 60 == 0)) {
			throw error(at, "period " + raw + " is not a CloudWatch period (1, 5, 10, 20, 30 s or a multiple of 60 s)");
		}
	}

	/** The time grains of the Azure Monitor metrics API. */
	static final List<Duration> AZURE_GRAINS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
			Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(6),
			Duration.ofHours(12), Duration.ofDays(1));

	private void azurePeriod(Duration period, String raw, String at) {
		if (!AZURE_GRAINS.contains(period)) {
			throw error(at, "period " + raw
					+ " is not an Azure Monitor time grain (1m, 5m, 15m, 30m, 1h, 6h, 12h or 1d: PT1M to P1D)");
		}
	}

	/** A resource ID: subscription, resource group, provider namespace, type and name. */
	private static final Pattern RESOURCE_ID = Pattern.compile(
			"/subscriptions/[^/]+/resourceGroups/[^/]+/providers/[A-Za-z0-9]+\\.[A-Za-z0-9.]+/[^/]+/[^/]+(/[^/]+/[^/]+)*",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern AZURE_REGION = Pattern.compile("[a-z][a-z0-9]{2,30}");

	private AzureMonitorQuery azureMonitor(MappingDocument.AzureMonitor raw, String at) {
		String resource = required(raw.resource(), at + "/resource").strip();
		if (!RESOURCE_ID.matcher(resource).matches()) {
			throw error(at + "/resource", "'" + Text.oneLine(resource, 120) + "' is not an Azure resource ID "
					+ "(/subscriptions/ID/resourceGroups/GROUP/providers/Microsoft.Compute/virtualMachines/NAME)");
		}
		String metric = required(raw.metric(), at + "/metric").strip();
		AzureMonitorQuery.Aggregation aggregation;
		try {
			aggregation = AzureMonitorQuery.Aggregation.parse(required(raw.aggregation(), at + "/aggregation"));
		}
		catch (IllegalArgumentException ex) {
			throw error(at + "/aggregation", ex.getMessage());
		}
		TreeMap<String, String> dims = dimensions(raw.dimensions(), at + "/dimensions");
		for (Map.Entry<String, String> d : dims.entrySet()) {
			if (d.getValue().equals("*")) {
				throw error(at + "/dimensions/" + d.getKey(), "'*' splits the metric into one series per value: "
						+ "a pair compares one series, so name the value (one pair per value)");
			}
		}
		String region = (raw.region() != null) ? raw.region().strip() : null;
		if (region != null && !AZURE_REGION.matcher(region).matches()) {
			throw error(at + "/region",
					"'" + Text.oneLine(region, 60) + "' is not an Azure region name such as westeurope or eastus2");
		}
		String namespace = (raw.namespace() != null && !raw.namespace().isBlank()) ? raw.namespace().strip() : null;
		String unit = (raw.unit() != null && !raw.unit().isBlank()) ? raw.unit().strip() : null;
		if (unit != null && !AZURE_UNITS.contains(unit)) {
			throw error(at + "/unit", "unknown Azure Monitor unit '" + Text.oneLine(unit, 40) + "' (e.g. "
					+ "Percent, Count, Bytes, Seconds, MilliSeconds, CountPerSecond, BytesPerSecond)");
		}
		return new AzureMonitorQuery(resource, namespace, metric, aggregation, dims, region, unit);
	}

	/** The units of the Azure Monitor metrics API (MetricUnit). */
	private static final Set<String> AZURE_UNITS = Set.of("Count", "Bytes", "Seconds", "CountPerSecond",
			"BytesPerSecond", "Percent", "MilliSeconds", "ByteSeconds", "Unspecified", "Cores", "MilliCores",
			"NanoCores", "BitsPerSecond");

	private void checkTolerance(Tolerance t, String at) {
		if (!(t.relative() >= 0) || !(t.absolute() >= 0)) {
			throw error(at, "relative and absolute must be >= 0");
		}
		for (double share : new double[] { t.minCoverage(), t.minWithin() }) {
			if (!(share >= 0 && share <= 1)) {
				throw error(at, "min-coverage and min-within are shares between 0 and 1, got " + share);
			}
		}
		if (!(t.maxBias() >= 0)) {
			throw error(at, "max-bias must be >= 0");
		}
	}

	private String required(String value, String at) {
		if (value == null || value.isBlank()) {
			throw error(at, "missing (required)");
		}
		return value;
	}

	private int line(String pointer) {
		String p = pointer;
		while (!p.isEmpty()) {
			Integer line = this.lines.get(p);
			if (line != null) {
				return line;
			}
			p = p.substring(0, p.lastIndexOf('/'));
		}
		return 0;
	}

	private MappingException error(String pointer, String problem) {
		return MappingException.at(this.source, line(pointer), fieldName(pointer), problem);
	}

	/**
	 * {@code /pairs/2/cloudwatch/statistic} or Jackson's {@code ...["pairs"]->...} to
	 * {@code pairs[2].cloudwatch.statistic}.
	 */
	static String fieldName(String pointer) {
		if (pointer == null || pointer.isEmpty()) {
			return "";
		}
		StringBuilder sb = new StringBuilder();
		if (pointer.startsWith("/")) {
			for (String part : pointer.substring(1).split("/")) {
				append(sb, part);
			}
			return sb.toString();
		}
		java.util.regex.Matcher m = Pattern.compile("\\[(?:\"([^\"]*)\"|(\\d+))\\]").matcher(pointer);
		while (m.find()) {
			append(sb, (m.group(1) != null) ? m.group(1) : m.group(2));
		}
		return sb.toString();
	}

	private static void append(StringBuilder sb, String part) {
		if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
			sb.append('[').append(part).append(']');
		}
		else {
			if (!sb.isEmpty()) {
				sb.append('.');
			}
			sb.append(part.replace("~1", "/").replace("~0", "~"));
		}
	}

}
