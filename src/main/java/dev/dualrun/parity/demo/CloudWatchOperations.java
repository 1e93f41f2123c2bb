package dev.dualrun.parity.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * PutMetricData, GetMetricData and ListMetrics of the CloudWatch-compatible server, on
 * requests already decoded from CBOR.
 */
final class CloudWatchOperations {

	static final int MAX_QUERIES = 500;

	static final int MAX_DATAPOINTS = 100_800;

	private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

	private static final Pattern STAT = Pattern
		.compile("SampleCount|Sum|Average|Minimum|Maximum|p\\d{1,2}(\\.\\d{1,2})?|p100");

	private static final long TWO_WEEKS = 14L * 24 * 3600 * 1000;

	private final MetricRepository repository;

	/** The account the server plays: every metric is its own. */
	static final String ACCOUNT = "123456789012";

	private final Clock clock;

	private final FaultMode faults;

	CloudWatchOperations(MetricRepository repository, Clock clock, FaultMode faults) {
		this.repository = repository;
		this.clock = clock;
		this.faults = faults;
	}

	void synthetic(SyntheticEstate estate) {
		this.repository.synthetic(estate);
	}

	private static List<String> metricNames(JsonNode queries) {
		List<String> names = new ArrayList<>();
		for (JsonNode q : queries) {
			String name = q.path("MetricStat").path("Metric").path("MetricName").asString(null);
			if (name != null) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * A datum an AWS service publishes into its own {@code AWS/} namespace, which
	 * PutMetricData refuses to anyone else.
	 */
	void serviceDatum(String namespace, String metric, java.util.Map<String, String> dimensions, long epochMillis,
			double value, String unit) {
		this.repository.put(new MetricRepository.MetricKey(namespace, metric, new TreeMap<>(dimensions)),
				new MetricRepository.Datum(epochMillis, unit, new double[] { value }, new double[] { 1 }, 0, 0, 0, 0));
	}

	byte[] putMetricData(JsonNode request) {
		String namespace = text(request, "Namespace", "Namespace");
		if (namespace.startsWith("AWS/")) {
			throw CloudWatchError.invalidParameter("The value AWS/ for parameter Namespace is reserved");
		}
		JsonNode data = request.path("MetricData");
		if (!data.isArray() || data.isEmpty()) {
			throw CloudWatchError.missingParameter("The parameter MetricData is required.");
		}
		if (data.size() > 1000) {
			throw CloudWatchError.invalidParameter(
					"The collection MetricData must not have a size greater than 1000, got " + data.size());
		}
		long now = this.clock.millis();
		List<Runnable> writes = new ArrayList<>();
		for (int i = 0; i < data.size(); i++) {
			JsonNode d = data.get(i);
			String where = "MetricData.member." + (i + 1);
			String name = text(d, "MetricName", where + ".MetricName");
			MetricRepository.MetricKey key = new MetricRepository.MetricKey(namespace, name,
					dimensions(d.path("Dimensions"), where));
			long ts = d.has("Timestamp") ? Cbor.millis(d.get("Timestamp")) : now;
			if (ts < now - TWO_WEEKS || ts > now + 2 * 3600 * 1000) {
				throw CloudWatchError.invalidParameter("The parameter " + where
						+ ".Timestamp must specify a time no more than two weeks in the past and two hours in the future");
			}
			String unit = d.path("Unit").asString("None");
			writes.add(datum(d, where, key, ts, unit));
		}
		writes.forEach(Runnable::run);
		return Cbor.write((gen) -> {
			gen.writeStartObject();
			gen.writeEndObject();
		});
	}

	private Runnable datum(JsonNode d, String where, MetricRepository.MetricKey key, long ts, String unit) {
		int kinds = (d.has("Value") ? 1 : 0) + (d.has("Values") ? 1 : 0) + (d.has("StatisticValues") ? 1 : 0);
		if (kinds != 1) {
			throw CloudWatchError
				.invalidParameter(where + " must have exactly one of Value, Values or StatisticValues, got " + kinds);
		}
		if (d.has("StatisticValues")) {
			JsonNode s = d.get("StatisticValues");
			double count = finite(s.path("SampleCount"), where + ".StatisticValues.SampleCount");
			double sum = finite(s.path("Sum"), where + ".StatisticValues.Sum");
			double min = finite(s.path("Minimum"), where + ".StatisticValues.Minimum");
			double max = finite(s.path("Maximum"), where + ".StatisticValues.Maximum");
			if (count <= 0 || min > max) {
				throw CloudWatchError.invalidParameter(where + ".StatisticValues is inconsistent");
			}
			return () -> this.repository.put(key,
					new MetricRepository.Datum(ts, unit, null, null, count, sum, min, max));
		}
		double[] values;
		double[] counts = null;
		if (d.has("Value")) {
			values = new double[] { finite(d.get("Value"), where + ".Value") };
		}
		else {
			JsonNode vs = d.get("Values");
			if (vs.size() > 150) {
				throw CloudWatchError.invalidParameter(where + ".Values must not have more than 150 values");
			}
			values = new double[vs.size()];
			for (int j = 0; j < values.length; j++) {
				values[j] = finite(vs.get(j), where + ".Values.member." + (j + 1));
			}
			if (d.has("Counts")) {
				JsonNode cs = d.get("Counts");
				if (cs.size() != values.length) {
					throw CloudWatchError.invalidParameter(where + ".Counts must have as many members as Values");
				}
				counts = new double[cs.size()];
				for (int j = 0; j < counts.length; j++) {
					counts[j] = finite(cs.get(j), where + ".Counts.member." + (j + 1));
				}
			}
		}
		double[] v = values;
		double[] c = counts;
		return () -> this.repository.put(key, new MetricRepository.Datum(ts, unit, v, c, 0, 0, 0, 0));
	}

	byte[] getMetricData(JsonNode request) {
		JsonNode queries = request.path("MetricDataQueries");
		if (!queries.isArray() || queries.isEmpty()) {
			throw CloudWatchError.missingParameter("The parameter MetricDataQueries is required.");
		}
		if (queries.size() > MAX_QUERIES) {
			throw CloudWatchError.invalidParameter("The collection MetricDataQueries must not have a size greater than "
					+ MAX_QUERIES + ", got " + queries.size());
		}
		if (!request.has("StartTime") || !request.has("EndTime")) {
			throw CloudWatchError.missingParameter("The parameters StartTime and EndTime are required.");
		}
		long start = Cbor.millis(request.get("StartTime"));
		long end = Cbor.millis(request.get("EndTime"));
		if (end <= start) {
			throw CloudWatchError.invalidParameter("The parameter StartTime must be less than the parameter EndTime.");
		}
		CloudWatchError refused = this.faults.refusal(metricNames(queries));
		if (refused != null) {
			throw refused;
		}
		this.faults.pausePerQuery(queries.size());
		boolean ascending = "TimestampAscending".equals(request.path("ScanBy").asString("TimestampDescending"));
		int pageSize = Math.min(MAX_DATAPOINTS, request.path("MaxDatapoints").asInt(MAX_DATAPOINTS));
		Map<String, TreeMap<Long, Double>> series = new HashMap<>();
		Map<String, JsonNode> returned = new LinkedHashMap<>();
		Set<String> ids = new HashSet<>();
		List<JsonNode> expressions = new ArrayList<>();
		for (int i = 0; i < queries.size(); i++) {
			JsonNode q = queries.get(i);
			String id = text(q, "Id", "MetricDataQueries.member." + (i + 1) + ".Id");
			if (!ID.matcher(id).matches() || !ids.add(id)) {
				throw CloudWatchError.invalidParameter("The value " + id + " for parameter MetricDataQueries.member."
						+ (i + 1) + ".Id is invalid or not unique.");
			}
			if (q.has("MetricStat") == q.has("Expression")) {
				throw CloudWatchError
					.invalidParameter("Query " + id + " must have exactly one of MetricStat and Expression.");
			}
			if (q.has("MetricStat")) {
				series.put(id, metricStat(q.get("MetricStat"), id, start, end));
			}
			else {
				expressions.add(q);
			}
			if (q.path("ReturnData").asBoolean(true)) {
				returned.put(id, q);
			}
		}
		for (JsonNode q : expressions) {
			try {
				series.put(q.get("Id").asString(), MetricMath.evaluate(q.get("Expression").asString(), series));
			}
			catch (IllegalArgumentException ex) {
				throw CloudWatchError.invalidParameter(ex.getMessage());
			}
		}
		long offset = offset(request.path("NextToken"));
		return page(returned, series, ascending, offset, pageSize);
	}

	/**
	 * An alarm's datapoints as GetMetricData would answer its queries: its metric at its
	 * period and statistic, or its metric math's returned expression.
	 * @param alarm a PutMetricAlarm request
	 * @param start first bucket, epoch milliseconds
	 * @param end end, exclusive
	 * @return the datapoints by bucket start
	 */
	TreeMap<Long, Double> alarmSeries(JsonNode alarm, long start, long end) {
		JsonNode metrics = alarm.path("Metrics");
		if (metrics.isArray() && !metrics.isEmpty()) {
			Map<String, TreeMap<Long, Double>> series = new HashMap<>();
			String returned = null;
			for (JsonNode q : metrics) {
				String id = q.path("Id").asString();
				if (q.has("MetricStat")) {
					series.put(id, metricStat(q.get("MetricStat"), id, start, end));
				}
				if (q.path("ReturnData").asBoolean(true)) {
					returned = id;
				}
			}
			for (JsonNode q : metrics) {
				if (q.has("Expression")) {
					series.put(q.path("Id").asString(), MetricMath.evaluate(q.get("Expression").asString(), series));
				}
			}
			return series.getOrDefault(returned, new TreeMap<>());
		}
		tools.jackson.databind.node.ObjectNode stat = Cbor.MAPPER.createObjectNode();
		tools.jackson.databind.node.ObjectNode metric = stat.putObject("Metric");
		metric.put("Namespace", alarm.path("Namespace").asString());
		metric.put("MetricName", alarm.path("MetricName").asString());
		metric.set("Dimensions",
				alarm.path("Dimensions").isArray() ? alarm.get("Dimensions") : Cbor.MAPPER.createArrayNode());
		stat.put("Period", alarm.path("Period").asInt());
		stat.put("Stat", alarm.has("ExtendedStatistic") ? alarm.get("ExtendedStatistic").asString()
				: alarm.path("Statistic").asString());
		if (alarm.has("Unit")) {
			stat.put("Unit", alarm.get("Unit").asString());
		}
		return metricStat(stat, alarm.path("AlarmName").asString(), start, end);
	}

	private TreeMap<Long, Double> metricStat(JsonNode stat, String id, long start, long end) {
		JsonNode metric = stat.path("Metric");
		String where = "Query " + id;
		int period = stat.path("Period").asInt(0);
		if (period <= 0
				|| !(period % 60 == 0 || period == 1 || period == 5 || period == 10 || period == 20 || period == 30)) {
			throw CloudWatchError.invalidParameter(
					where + ": the parameter Period must be 1, 5, 10, 20, 30 or a " + "multiple of 60, got " + period);
		}
		String statistic = text(stat, "Stat", where + " Stat");
		if (!STAT.matcher(statistic).matches()) {
			throw CloudWatchError.invalidParameter(where + ": the statistic " + statistic + " is not supported");
		}
		MetricRepository.MetricKey key = new MetricRepository.MetricKey(text(metric, "Namespace", where + " Namespace"),
				text(metric, "MetricName", where + " MetricName"), dimensions(metric.path("Dimensions"), where));
		long periodMillis = period * 1000L;
		long age = this.clock.millis() - start;
		long rounding = (period < 60) ? 1000
				: (age < 15 * 86_400_000L) ? 60_000 : (age < 63 * 86_400_000L) ? 300_000 : 3_600_000;
		long roundedStart = Math.floorDiv(start, rounding) * rounding;
		String unit = stat.has("Unit") ? stat.get("Unit").asString() : null;
		TreeMap<Long, Double> out = new TreeMap<>();
		this.repository.buckets(key, unit, roundedStart, end, periodMillis).forEach((t, bucket) -> {
			double v = bucket.statistic(statistic);
			if (!Double.isNaN(v)) {
				out.put(t, v);
			}
		});
		return out;
	}

	private byte[] page(Map<String, JsonNode> returned, Map<String, TreeMap<Long, Double>> series, boolean ascending,
			long offset, int pageSize) {
		long total = returned.keySet().stream().mapToLong((id) -> series.get(id).size()).sum();
		long pageEnd = Math.min(total, offset + pageSize);
		return Cbor.write((gen) -> {
			gen.writeStartObject();
			gen.writeName("MetricDataResults");
			gen.writeStartArray();
			long before = 0;
			for (Map.Entry<String, JsonNode> e : returned.entrySet()) {
				List<Map.Entry<Long, Double>> points = new ArrayList<>(ascending ? series.get(e.getKey()).entrySet()
						: series.get(e.getKey()).descendingMap().entrySet());
				int from = (int) Math.max(0, Math.min(points.size(), offset - before));
				int to = (int) Math.max(0, Math.min(points.size(), pageEnd - before));
				before += points.size();
				writeResult(gen, e.getKey(), label(e.getValue()), points.subList(from, to), to < points.size());
			}
			gen.writeEndArray();
			if (pageEnd < total) {
				gen.writeName("NextToken");
				gen.writeString(Base64.getEncoder().encodeToString(("offset:" + pageEnd).getBytes()));
			}
			gen.writeName("Messages");
			gen.writeStartArray();
			gen.writeEndArray();
			gen.writeEndObject();
		});
	}

	private static void writeResult(JsonGenerator gen, String id, String label, List<Map.Entry<Long, Double>> points,
			boolean more) {
		gen.writeStartObject();
		gen.writeName("Id");
		gen.writeString(id);
		gen.writeName("Label");
		gen.writeString(label);
		gen.writeName("Timestamps");
		gen.writeStartArray();
		points.forEach((p) -> Cbor.timestamp(gen, p.getKey()));
		gen.writeEndArray();
		gen.writeName("Values");
		gen.writeStartArray();
		points.forEach((p) -> gen.writeNumber(p.getValue()));
		gen.writeEndArray();
		gen.writeName("StatusCode");
		gen.writeString(more ? "PartialData" : "Complete");
		gen.writeEndObject();
	}

	private static String label(JsonNode query) {
		if (query.has("Label")) {
			return query.get("Label").asString();
		}
		JsonNode name = query.path("MetricStat").path("Metric").path("MetricName");
		return name.isMissingNode() ? query.path("Id").asString() : name.asString();
	}

	private static long offset(JsonNode token) {
		if (token.isMissingNode() || token.isNull()) {
			return 0;
		}
		try {
			String text = new String(Base64.getDecoder().decode(token.asString()));
			if (text.startsWith("offset:")) {
				return Long.parseLong(text.substring(7));
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new CloudWatchError(400, "InvalidNextToken", "InvalidNextToken",
				"The service couldn't process the NextToken.");
	}

	byte[] listMetrics(JsonNode request) {
		List<MetricRepository.MetricKey> matches = listed(request);
		boolean linked = request.path("IncludeLinkedAccounts").asBoolean(false);
		int offset = (int) offset(request.path("NextToken"));
		int end = Math.min(matches.size(), offset + 500);
		return Cbor.write((gen) -> {
			gen.writeStartObject();
			gen.writeName("Metrics");
			gen.writeStartArray();
			for (MetricRepository.MetricKey k : matches.subList(offset, end)) {
				gen.writeStartObject();
				gen.writeName("Namespace");
				gen.writeString(k.namespace());
				gen.writeName("MetricName");
				gen.writeString(k.name());
				gen.writeName("Dimensions");
				gen.writeStartArray();
				k.dimensions().forEach((dn, dv) -> {
					gen.writeStartObject();
					gen.writeName("Name");
					gen.writeString(dn);
					gen.writeName("Value");
					gen.writeString(dv);
					gen.writeEndObject();
				});
				gen.writeEndArray();
				gen.writeEndObject();
			}
			gen.writeEndArray();
			if (linked) {
				gen.writeName("OwningAccounts");
				gen.writeStartArray();
				for (int i = offset; i < end; i++) {
					gen.writeString(ACCOUNT);
				}
				gen.writeEndArray();
			}
			if (end < matches.size()) {
				gen.writeName("NextToken");
				gen.writeString(Base64.getEncoder().encodeToString(("offset:" + end).getBytes()));
			}
			gen.writeEndObject();
		});
	}

	/**
	 * The metrics a ListMetrics request asks for, of those with data recently, in the
	 * order they are listed.
	 */
	private List<MetricRepository.MetricKey> listed(JsonNode request) {
		String namespace = request.path("Namespace").asString(null);
		String name = request.path("MetricName").asString(null);
		List<JsonNode> filters = new ArrayList<>();
		request.path("Dimensions").forEach(filters::add);
		// CloudWatch lists the metrics with data in the last two weeks, or three hours
		// with
		// RecentlyActive=PT3H
		String recently = request.path("RecentlyActive").asString(null);
		if (recently != null && !recently.equals("PT3H")) {
			throw CloudWatchError
				.invalidParameter("The value " + recently + " for parameter RecentlyActive is invalid.");
		}
		long since = this.clock.millis() - ((recently != null) ? 3 * 3_600_000L : 14 * 86_400_000L);
		return this.repository.activeSince(since)
			.stream()
			.filter((k) -> namespace == null || namespace.equals(k.namespace()))
			.filter((k) -> name == null || name.equals(k.name()))
			.filter((k) -> filters.stream().allMatch((f) -> {
				String v = k.dimensions().get(f.path("Name").asString());
				return v != null && (!f.has("Value") || f.get("Value").asString().equals(v));
			}))
			.sorted(java.util.Comparator
				.comparing((MetricRepository.MetricKey k) -> k.namespace() + "/" + k.name() + k.dimensions()))
			.toList();
	}

	private static SortedMap<String, String> dimensions(JsonNode dims, String where) {
		SortedMap<String, String> out = new TreeMap<>();
		if (dims.size() > 30) {
			throw CloudWatchError.invalidParameter(where + ".Dimensions must not have more than 30 members");
		}
		for (JsonNode d : dims) {
			out.put(text(d, "Name", where + ".Dimensions.Name"), text(d, "Value", where + ".Dimensions.Value"));
		}
		return out;
	}

	private static String text(JsonNode node, String member, String where) {
		JsonNode v = node.path(member);
		if (!v.isString() || v.asString().isEmpty()) {
			throw CloudWatchError.missingParameter("The parameter " + where + " is required.");
		}
		return v.asString();
	}

	private static double finite(JsonNode node, String where) {
		if (!node.isNumber()) {
			throw CloudWatchError.missingParameter("The parameter " + where + " is required.");
		}
		double v = node.asDouble();
		if (!Double.isFinite(v) || Math.abs(v) > 1e108 || (v != 0 && Math.abs(v) < 1e-130)) {
			throw CloudWatchError.invalidParameter("The value " + v + " for parameter " + where + " is invalid.");
		}
		return v;
	}

}
