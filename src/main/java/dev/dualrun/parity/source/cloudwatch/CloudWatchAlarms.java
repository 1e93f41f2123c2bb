package dev.dualrun.parity.source.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

import dev.dualrun.parity.alert.AlertCondition;
import dev.dualrun.parity.alert.AlertSide;
import dev.dualrun.parity.alert.Alerts;
import dev.dualrun.parity.alert.Comparison;
import dev.dualrun.parity.alert.Episode;
import dev.dualrun.parity.alert.MissingData;
import dev.dualrun.parity.config.AlertMapping;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.AlertSource;
import dev.dualrun.parity.source.SourceException;

/**
 * CloudWatch metric alarms: the alarm from {@code DescribeAlarms} (a metric or metric
 * math), its datapoints through {@code GetMetricData} at the alarm's period and
 * statistic, replayed with {@link AlarmReplay}, and its state changes from
 * {@code DescribeAlarmHistory}.
 */
final class CloudWatchAlarms implements AlertSource {

	static final String SYSTEM = "CloudWatch";

	private final CloudWatchClient client;

	private final String endpoint;

	private final CloudWatchAlarmHistory history;

	CloudWatchAlarms(CloudWatchClient client, String endpoint) {
		this.client = client;
		this.endpoint = endpoint;
		this.history = new CloudWatchAlarmHistory(client, endpoint);
	}

	@Override
	public AlertSide read(AlertMapping.Ref ref, Instant from, Instant to) {
		MetricAlarm alarm = describe(ref.name());
		Comparison comparison = comparison(alarm);
		int n = alarm.evaluationPeriods();
		int m = (alarm.datapointsToAlarm() != null) ? alarm.datapointsToAlarm() : n;
		MissingData missing;
		try {
			missing = MissingData.of(alarm.treatMissingData());
		}
		catch (IllegalArgumentException ex) {
			throw new SourceException("CloudWatch alarm '" + ref.name() + "': " + ex.getMessage(), false);
		}
		List<MetricDataQuery> queries = queries(alarm);
		String returned = queries.stream()
			.filter((q) -> q.returnData() == null || q.returnData())
			.map(MetricDataQuery::id)
			.findFirst()
			.orElseThrow(() -> new SourceException(
					"CloudWatch alarm '" + ref.name() + "' has no metric query with ReturnData: nothing to evaluate",
					false));
		int periodSeconds = period(alarm, queries);
		long p = periodSeconds * 1000L;
		long start = Math.floorDiv(from.toEpochMilli(), p) * p - (n + 2L) * p;
		long end = Math.floorDiv(to.toEpochMilli() + p - 1, p) * p;
		TreeMap<Long, Double> datapoints = fetch(ref.name(), queries, returned, start, end);
		AlertCondition condition = condition(ref.name(), alarm, watches(alarm, queries, returned), comparison, p, m, n,
				missing);
		List<Episode> replayed = replay(datapoints, condition, start, end, from, to);
		// the series on the period's grid, NaN where CloudWatch had no datapoint
		long first = Math.floorDiv(from.toEpochMilli(), p) * p;
		int size = (int) Math.max(0, (end - first) / p);
		long[] times = new long[size];
		double[] values = new double[size];
		for (int i = 0; i < size; i++) {
			times[i] = first + i * p;
			Double v = datapoints.get(times[i]);
			values[i] = (v != null) ? v : Double.NaN;
		}
		List<String> notes = new ArrayList<>();
		List<Episode> actual = this.history.episodes(ref.name(), from, to, alarm, notes);
		return new AlertSide(condition, times, values, replayed, actual, "DescribeAlarmHistory", notes);
	}

	/** The alarm's condition: M of N datapoints of a period beyond the threshold. */
	private static AlertCondition condition(String name, MetricAlarm alarm, String watches, Comparison comparison,
			long p, int m, int n, MissingData missing) {
		String definition = watches + " " + comparison.symbol() + " " + Alerts.number(alarm.threshold()) + " for " + m
				+ " of " + n + " datapoints of " + Alerts.words(Duration.ofMillis(p)) + ", missing data: "
				+ missing.word() + ((alarm.unitAsString() != null) ? ", unit " + alarm.unitAsString() : "");
		return new AlertCondition(SYSTEM, name, watches, comparison, alarm.threshold(), Duration.ofMillis(p), m, n,
				Duration.ofMillis(p * m), Duration.ZERO, missing, alarm.unitAsString(), definition, null);
	}

	/**
	 * The alarm's episodes in the window, replayed at each period's end from
	 * {@code start} on.
	 */
	private static List<Episode> replay(TreeMap<Long, Double> datapoints, AlertCondition c, long start, long end,
			Instant from, Instant to) {
		long p = c.step().toMillis();
		List<Long> evaluations = new ArrayList<>();
		for (long e = start + p; e <= end; e += p) {
			evaluations.add(e);
		}
		long[] evals = evaluations.stream().mapToLong(Long::longValue).toArray();
		AlarmReplay.State[] states = AlarmReplay.replay(datapoints, p, evals, c.evaluationPeriods(),
				c.datapointsToAlarm(), c.comparison(), c.threshold(), c.missingData());
		List<Long> inWindow = new ArrayList<>();
		List<Boolean> alarmed = new ArrayList<>();
		for (int k = 0; k < evals.length; k++) {
			if (evals[k] >= from.toEpochMilli() && evals[k] <= to.toEpochMilli()) {
				inWindow.add(evals[k]);
				alarmed.add(states[k] == AlarmReplay.State.ALARM);
			}
		}
		return Alerts.fromStates(inWindow.stream().mapToLong(Long::longValue).toArray(), booleans(alarmed), to);
	}

	@Override
	public List<dev.dualrun.parity.source.AlertSummary> list() {
		List<dev.dualrun.parity.source.AlertSummary> out = new ArrayList<>();
		try {
			for (DescribeAlarmsResponse page : this.client
				.describeAlarmsPaginator((b) -> b.alarmTypes(AlarmType.METRIC_ALARM))) {
				for (MetricAlarm alarm : page.metricAlarms()) {
					List<MetricDataQuery> queries = queries(alarm);
					List<dev.dualrun.parity.config.MetricIdentity> metrics = new ArrayList<>();
					for (MetricDataQuery q : queries) {
						if (q.metricStat() != null) {
							java.util.TreeMap<String, String> dims = new java.util.TreeMap<>();
							q.metricStat().metric().dimensions().forEach((d) -> dims.put(d.name(), d.value()));
							metrics.add(new dev.dualrun.parity.config.MetricIdentity(
									q.metricStat().metric().namespace(), q.metricStat().metric().metricName(), dims));
						}
					}
					String returned = queries.stream()
						.filter((q) -> q.returnData() == null || q.returnData())
						.map(MetricDataQuery::id)
						.findFirst()
						.orElse("");
					out.add(new dev.dualrun.parity.source.AlertSummary(alarm.alarmName(), null,
							watches(alarm, queries, returned), metrics));
				}
			}
		}
		catch (SdkException ex) {
			throw translate(ex, "DescribeAlarms");
		}
		return out;
	}

	private MetricAlarm describe(String name) {
		DescribeAlarmsResponse r;
		try {
			r = this.client.describeAlarms((b) -> b.alarmNames(name).alarmTypes(AlarmType.METRIC_ALARM));
		}
		catch (SdkException ex) {
			throw translate(ex, "DescribeAlarms for alarm '" + name + "'");
		}
		if (r.metricAlarms().isEmpty()) {
			throw new SourceException("CloudWatch has no metric alarm named '" + Text.oneLine(name, 200) + "' at "
					+ this.endpoint + " (DescribeAlarms): check the name and the region", false);
		}
		return r.metricAlarms().get(0);
	}

	private static Comparison comparison(MetricAlarm alarm) {
		return switch (alarm.comparisonOperator()) {
			case GREATER_THAN_THRESHOLD -> Comparison.GREATER;
			case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> Comparison.GREATER_OR_EQUAL;
			case LESS_THAN_THRESHOLD -> Comparison.LESS;
			case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> Comparison.LESS_OR_EQUAL;
			default -> throw new SourceException(
					"CloudWatch alarm '" + alarm.alarmName() + "' compares with " + alarm.comparisonOperatorAsString()
							+ ": alert parity compares static thresholds, not anomaly detection bands",
					false);
		};
	}

	private static List<MetricDataQuery> queries(MetricAlarm alarm) {
		if (alarm.hasMetrics() && !alarm.metrics().isEmpty()) {
			return alarm.metrics();
		}
		MetricStat.Builder stat = MetricStat.builder()
			.metric(Metric.builder()
				.namespace(alarm.namespace())
				.metricName(alarm.metricName())
				.dimensions(alarm.dimensions())
				.build())
			.period(alarm.period())
			.stat((alarm.extendedStatistic() != null) ? alarm.extendedStatistic() : alarm.statisticAsString());
		if (alarm.unit() != null) {
			stat.unit(alarm.unit());
		}
		return List.of(MetricDataQuery.builder().id("m1").metricStat(stat.build()).returnData(true).build());
	}

	private static int period(MetricAlarm alarm, List<MetricDataQuery> queries) {
		if (alarm.period() != null) {
			return alarm.period();
		}
		for (MetricDataQuery q : queries) {
			if ((q.returnData() == null || q.returnData()) && q.period() != null) {
				return q.period();
			}
		}
		for (MetricDataQuery q : queries) {
			if (q.metricStat() != null) {
				return q.metricStat().period();
			}
		}
		throw new SourceException("CloudWatch alarm '" + alarm.alarmName() + "' has no period", false);
	}

	private static String watches(MetricAlarm alarm, List<MetricDataQuery> queries, String returned) {
		for (MetricDataQuery q : queries) {
			if (!q.id().equals(returned)) {
				continue;
			}
			if (q.expression() != null) {
				return q.expression() + " ("
						+ queries.stream()
							.filter((x) -> x.metricStat() != null)
							.map((x) -> x.id() + " = " + describe(x.metricStat()))
							.collect(Collectors.joining(", "))
						+ ")";
			}
			return describe(q.metricStat());
		}
		return alarm.metricName();
	}

	private static String describe(MetricStat s) {
		String dims = s.metric()
			.dimensions()
			.stream()
			.map((d) -> d.name() + "=" + d.value())
			.collect(Collectors.joining(", "));
		return s.stat() + " of " + s.metric().namespace() + "/" + s.metric().metricName()
				+ (dims.isEmpty() ? "" : " {" + dims + "}");
	}

	private TreeMap<Long, Double> fetch(String name, List<MetricDataQuery> queries, String returned, long start,
			long end) {
		GetMetricDataRequest request = GetMetricDataRequest.builder()
			.metricDataQueries(queries)
			.startTime(Instant.ofEpochMilli(start))
			.endTime(Instant.ofEpochMilli(end))
			.scanBy(ScanBy.TIMESTAMP_ASCENDING)
			.build();
		TreeMap<Long, Double> out = new TreeMap<>();
		try {
			for (GetMetricDataResponse page : this.client.getMetricDataPaginator(request)) {
				for (MetricDataResult r : page.metricDataResults()) {
					if (!r.id().equals(returned)) {
						continue;
					}
					for (int i = 0; i < r.timestamps().size(); i++) {
						out.put(r.timestamps().get(i).toEpochMilli(), r.values().get(i));
					}
				}
			}
		}
		catch (SdkException ex) {
			throw translate(ex, "GetMetricData for alarm '" + name + "'");
		}
		return out;
	}

	private SourceException translate(SdkException ex, String scope) {
		return CloudWatchFailures.translate(ex, scope + " at " + this.endpoint);
	}

	private static boolean[] booleans(List<Boolean> list) {
		boolean[] out = new boolean[list.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = list.get(i);
		}
		return out;
	}

	@Override
	public void close() {
		this.client.close();
	}

}
