package dev.dualrun.parity.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PutMetricAlarm, DescribeAlarms and DescribeAlarmHistory of the CloudWatch-compatible
 * server. The server evaluates its alarms itself, as the service does: at the end of each
 * period since the alarm exists, over an evaluation range of N + 2 periods, with the
 * missing-data rules of the CloudWatch User Guide, and records each state change in the
 * alarm's history with the datapoints it evaluated.
 */
final class CloudWatchAlarmService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> OPERATORS = Set.of("GreaterThanThreshold", "GreaterThanOrEqualToThreshold",
			"LessThanThreshold", "LessThanOrEqualToThreshold");

	private static final Set<String> TREATMENTS = Set.of("missing", "ignore", "breaching", "notBreaching");

	private record Alarm(JsonNode definition, long since) {

	}

	/** A state change, as DescribeAlarmHistory reports it. */
	private record Change(long at, String from, String to, String reason, String reasonData) {

	}

	private final Map<String, Alarm> alarms = new ConcurrentSkipListMap<>();

	private final CloudWatchOperations operations;

	private final Clock clock;

	private volatile Long evaluatedSince;

	CloudWatchAlarmService(CloudWatchOperations operations, Clock clock) {
		this.operations = operations;
		this.clock = clock;
	}

	/**
	 * Lets every alarm have existed since a time (the demo's alarms were there through
	 * the whole dual run).
	 */
	void evaluatedSince(long epochMillis) {
		this.evaluatedSince = epochMillis;
	}

	byte[] putMetricAlarm(JsonNode request) {
		String name = request.path("AlarmName").asString("");
		if (name.isEmpty() || name.length() > 255) {
			throw CloudWatchError.missingParameter("The parameter AlarmName is required.");
		}
		String operator = request.path("ComparisonOperator").asString("");
		if (!OPERATORS.contains(operator)) {
			throw CloudWatchError.invalidParameter("The value " + operator
					+ " for parameter ComparisonOperator is invalid (this server evaluates static thresholds).");
		}
		int n = request.path("EvaluationPeriods").asInt(0);
		int m = request.path("DatapointsToAlarm").asInt(n);
		if (n < 1 || m < 1 || m > n) {
			throw CloudWatchError.invalidParameter(
					"EvaluationPeriods must be at least 1 and DatapointsToAlarm between 1 and EvaluationPeriods.");
		}
		if (!request.path("Threshold").isNumber()) {
			throw CloudWatchError.missingParameter("The parameter Threshold is required.");
		}
		String treat = request.path("TreatMissingData").asString("missing");
		if (!TREATMENTS.contains(treat)) {
			throw CloudWatchError
				.invalidParameter("The value " + treat + " for parameter TreatMissingData is invalid.");
		}
		boolean math = request.path("Metrics").isArray() && !request.path("Metrics").isEmpty();
		if (!math && (!request.has("MetricName") || !request.has("Namespace") || !request.has("Period")
				|| !(request.has("Statistic") || request.has("ExtendedStatistic")))) {
			throw CloudWatchError.invalidParameter(
					"An alarm needs MetricName, Namespace, Period and Statistic or ExtendedStatistic, or Metrics.");
		}
		int period = period(request);
		if (!(period == 10 || period == 30 || (period > 0 && period % 60 == 0))) {
			throw CloudWatchError
				.invalidParameter("The alarm's period must be 10, 30 or a multiple of 60, got " + period);
		}
		this.alarms.put(name, new Alarm(request, this.clock.millis()));
		return Cbor.write((gen) -> {
			gen.writeStartObject();
			gen.writeEndObject();
		});
	}

	byte[] describeAlarms(JsonNode request) {
		List<String> names = new ArrayList<>();
		request.path("AlarmNames").forEach((n) -> names.add(n.asString()));
		String prefix = request.path("AlarmNamePrefix").asString(null);
		boolean metricAlarms = !request.path("AlarmTypes").isArray() || request.path("AlarmTypes").isEmpty()
				|| request.path("AlarmTypes").toString().contains("MetricAlarm");
		long now = this.clock.millis();
		return Cbor.write((gen) -> {
			gen.writeStartObject();
			gen.writeName("MetricAlarms");
			gen.writeStartArray();
			for (Map.Entry<String, Alarm> e : this.alarms.entrySet()) {
				boolean wanted = metricAlarms && (names.isEmpty() || names.contains(e.getKey()))
						&& (prefix == null || e.getKey().startsWith(prefix));
				if (wanted) {
					List<Change> changes = evaluate(e.getValue(), now);
					writeAlarm(gen, e.getValue(), changes.isEmpty() ? null : changes.get(changes.size() - 1));
				}
			}
			gen.writeEndArray();
			gen.writeName("CompositeAlarms");
			gen.writeStartArray();
			gen.writeEndArray();
			gen.writeEndObject();
		});
	}

	byte[] describeAlarmHistory(JsonNode request) {
		String name = request.path("AlarmName").asString(null);
		String type = request.path("HistoryItemType").asString(null);
		long from = request.has("StartDate") ? Cbor.millis(request.get("StartDate")) : Long.MIN_VALUE;
		long to = request.has("EndDate") ? Cbor.millis(request.get("EndDate")) : Long.MAX_VALUE;
		boolean ascending = "TimestampAscending".equals(request.path("ScanBy").asString("TimestampDescending"));
		int max = request.path("MaxRecords").asInt(100);
		if (max < 1 || max > 100) {
			throw CloudWatchError.invalidParameter("The value " + max + " for parameter MaxRecords is invalid.");
		}
		long now = this.clock.millis();
		List<Object[]> items = new ArrayList<>();
		if (type == null || "StateUpdate".equals(type)) {
			for (Map.Entry<String, Alarm> e : this.alarms.entrySet()) {
				if (name != null && !name.equals(e.getKey())) {
					continue;
				}
				for (Change c : evaluate(e.getValue(), now)) {
					if (c.at() >= from && c.at() <= to) {
						items.add(new Object[] { e.getKey(), c });
					}
				}
			}
		}
		items.sort((a, b) -> Long.compare(((Change) a[1]).at(), ((Change) b[1]).at()) * (ascending ? 1 : -1));
		int offset = offset(request.path("NextToken"));
		int end = Math.min(items.size(), offset + max);
		return Cbor.write((gen) -> {
			gen.writeStartObject();
			gen.writeName("AlarmHistoryItems");
			gen.writeStartArray();
			for (Object[] item : items.subList(Math.min(offset, end), end)) {
				Change c = (Change) item[1];
				gen.writeStartObject();
				gen.writeName("AlarmName");
				gen.writeString((String) item[0]);
				gen.writeName("AlarmType");
				gen.writeString("MetricAlarm");
				gen.writeName("Timestamp");
				Cbor.timestamp(gen, c.at());
				gen.writeName("HistoryItemType");
				gen.writeString("StateUpdate");
				gen.writeName("HistorySummary");
				gen.writeString("Alarm updated from " + c.from() + " to " + c.to());
				gen.writeName("HistoryData");
				gen.writeString(historyData(c));
				gen.writeEndObject();
			}
			gen.writeEndArray();
			if (end < items.size()) {
				gen.writeName("NextToken");
				gen.writeString(Base64.getEncoder().encodeToString(("offset:" + end).getBytes()));
			}
			gen.writeEndObject();
		});
	}

	/**
	 * The alarm's state changes from its creation (or the demo's start) to now: one
	 * evaluation at each period's end.
	 */
	private List<Change> evaluate(Alarm alarm, long now) {
		JsonNode d = alarm.definition();
		long p = period(d) * 1000L;
		int n = d.path("EvaluationPeriods").asInt();
		int m = d.path("DatapointsToAlarm").asInt(n);
		int range = n + 2;
		double threshold = d.path("Threshold").asDouble();
		String operator = d.path("ComparisonOperator").asString();
		String treat = d.path("TreatMissingData").asString("missing");
		long since = (this.evaluatedSince != null) ? Math.min(this.evaluatedSince, alarm.since()) : alarm.since();
		long first = Math.floorDiv(since, p) * p + p;
		NavigableMap<Long, Double> data = this.operations.alarmSeries(d, first - range * p, now);
		List<Change> changes = new ArrayList<>();
		String state = "INSUFFICIENT_DATA";
		for (long e = first; e <= now; e += p) {
			// the evaluation range, newest first
			List<Map.Entry<Long, Double>> present = new ArrayList<>(
					data.subMap(e - range * p, true, e, false).descendingMap().entrySet());
			present.removeIf((x) -> x.getValue() == null || x.getValue().isNaN());
			List<Map.Entry<Long, Double>> used = present.subList(0, Math.min(n, present.size()));
			int breaching = 0;
			for (Map.Entry<Long, Double> x : used) {
				if (breaches(operator, x.getValue(), threshold)) {
					breaching++;
				}
			}
			int missing = n - used.size();
			String next;
			if (missing == 0) {
				next = (breaching >= m) ? "ALARM" : "OK";
			}
			else if ("breaching".equals(treat)) {
				next = (breaching + missing >= m) ? "ALARM" : "OK";
			}
			else if ("notBreaching".equals(treat)) {
				next = (breaching >= m) ? "ALARM" : "OK";
			}
			else if (used.isEmpty()) {
				next = "missing".equals(treat) ? "INSUFFICIENT_DATA" : state;
			}
			else {
				// missing and ignore judge on the datapoints there are
				boolean alarmOnWhatIsThere = breaching >= Math.min(m, used.size());
				if ("ignore".equals(treat) && breaching < m && alarmOnWhatIsThere) {
					next = state;
				}
				else {
					next = alarmOnWhatIsThere ? "ALARM" : "OK";
				}
			}
			if (!next.equals(state)) {
				changes.add(new Change(e, state, next, reason(operator, threshold, breaching, used.size(), n, m, next),
						reasonData(d, e, used)));
				state = next;
			}
		}
		return changes;
	}

	private static boolean breaches(String operator, double v, double threshold) {
		return switch (operator) {
			case "GreaterThanThreshold" -> v > threshold;
			case "GreaterThanOrEqualToThreshold" -> v >= threshold;
			case "LessThanThreshold" -> v < threshold;
			default -> v <= threshold;
		};
	}

	private static String reason(String operator, double threshold, int breaching, int present, int n, int m,
			String next) {
		if (present == 0) {
			return "Insufficient Data: " + n + " datapoints were unknown.";
		}
		String comparison = operator.replace("ThanOrEqualTo", " than or equal to ")
			.replace("Than", " than ")
			.replace("Threshold", "the threshold")
			.toLowerCase(java.util.Locale.ROOT)
			.replaceAll("\\s+", " ");
		return "Threshold Crossed: " + breaching + " out of the last " + present + " datapoints were " + comparison
				+ " (" + threshold + ") (minimum " + m + " datapoint" + ((m == 1) ? "" : "s") + " for "
				+ ("ALARM".equals(next) ? "OK -> ALARM" : "ALARM -> OK") + " transition).";
	}

	private static String reasonData(JsonNode d, long e, List<Map.Entry<Long, Double>> used) {
		Map<String, Object> data = new TreeMap<>();
		data.put("version", "1.0");
		data.put("queryDate", java.time.Instant.ofEpochMilli(e).toString());
		data.put("period", period(d));
		data.put("threshold", d.path("Threshold").asDouble());
		data.put("recentDatapoints", used.stream().map(Map.Entry::getValue).toList());
		List<Map<String, Object>> evaluated = new ArrayList<>();
		for (Map.Entry<Long, Double> x : used) {
			evaluated
				.add(Map.of("timestamp", java.time.Instant.ofEpochMilli(x.getKey()).toString(), "value", x.getValue()));
		}
		data.put("evaluatedDatapoints", evaluated);
		if (d.has("Statistic")) {
			data.put("statistic", d.get("Statistic").asString());
		}
		return JSON.writeValueAsString(data);
	}

	private static String historyData(Change c) {
		Map<String, Object> data = new TreeMap<>();
		data.put("version", "1.0");
		data.put("oldState", Map.of("stateValue", c.from()));
		data.put("newState", Map.of("stateValue", c.to(), "stateReason", c.reason(), "stateReasonData",
				JSON.readTree(c.reasonData())));
		return JSON.writeValueAsString(data);
	}

	private void writeAlarm(JsonGenerator gen, Alarm alarm, Change last) {
		JsonNode d = alarm.definition();
		gen.writeStartObject();
		gen.writeName("AlarmName");
		gen.writeString(d.path("AlarmName").asString());
		gen.writeName("AlarmArn");
		gen.writeString("arn:aws:cloudwatch:us-east-1:" + CloudWatchOperations.ACCOUNT + ":alarm:"
				+ d.path("AlarmName").asString());
		gen.writeName("StateValue");
		gen.writeString((last != null) ? last.to() : "INSUFFICIENT_DATA");
		gen.writeName("StateReason");
		gen.writeString((last != null) ? last.reason() : "Unchecked: Initial alarm creation");
		gen.writeName("StateUpdatedTimestamp");
		Cbor.timestamp(gen, (last != null) ? last.at() : alarm.since());
		gen.writeName("AlarmConfigurationUpdatedTimestamp");
		Cbor.timestamp(gen, alarm.since());
		for (String field : List.of("AlarmDescription", "MetricName", "Namespace", "Statistic", "ExtendedStatistic",
				"Unit", "ComparisonOperator", "TreatMissingData")) {
			if (d.has(field)) {
				gen.writeName(field);
				gen.writeString(d.get(field).asString());
			}
		}
		for (String field : List.of("Period", "EvaluationPeriods", "DatapointsToAlarm")) {
			if (d.has(field)) {
				gen.writeName(field);
				gen.writeNumber(d.get(field).asInt());
			}
		}
		gen.writeName("Threshold");
		gen.writeNumber(d.path("Threshold").asDouble());
		for (String field : List.of("Dimensions", "Metrics")) {
			if (d.path(field).isArray()) {
				gen.writeName(field);
				gen.writeTree(d.get(field));
			}
		}
		gen.writeEndObject();
	}

	private static int period(JsonNode d) {
		if (d.has("Period")) {
			return d.get("Period").asInt();
		}
		for (JsonNode q : d.path("Metrics")) {
			if (q.has("MetricStat")) {
				return q.get("MetricStat").path("Period").asInt();
			}
		}
		return 0;
	}

	private static int offset(JsonNode token) {
		if (token.isMissingNode() || token.isNull()) {
			return 0;
		}
		String text = new String(Base64.getDecoder().decode(token.asString()));
		if (!text.startsWith("offset:")) {
			throw new CloudWatchError(400, "InvalidNextToken", "InvalidNextToken",
					"The service couldn't process the NextToken.");
		}
		return Integer.parseInt(text.substring(7));
	}

}
