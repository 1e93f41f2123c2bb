package dev.dualrun.parity.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * The old pipeline of the simulated app: a per-minute aggregator that publishes latency
 * as Values/Counts, errors only when non-zero, and gauges as statistic sets or averages,
 * through the real SDK (PutMetricData, at most 200 datums a call).
 */
public final class CloudWatchPublishing {

	private CloudWatchPublishing() {
	}

	public static void latency(FlaskSimulation.Requests r, String metric, String unit, double scale,
			List<MetricDatum> out) {
		TreeMap<Long, TreeMap<Double, Double>> perMinute = new TreeMap<>();
		for (int i = 0; i < r.times().length; i++) {
			long minute = r.times()[i] - r.times()[i] % 60_000;
			perMinute.computeIfAbsent(minute, (m) -> new TreeMap<>())
				.merge(Math.round(r.latencies()[i] * scale * 1000) / 1000.0, 1.0, Double::sum);
		}
		perMinute.forEach((minute, distribution) -> {
			List<Double> values = new ArrayList<>(distribution.keySet());
			List<Double> counts = new ArrayList<>(distribution.values());
			for (int from = 0; from < values.size(); from += 150) {
				int to = Math.min(values.size(), from + 150);
				out.add(MetricDatum.builder()
					.metricName(metric)
					.dimensions(dims(r.endpoint()))
					.timestamp(Instant.ofEpochMilli(minute))
					.values(values.subList(from, to))
					.counts(counts.subList(from, to))
					.unit(unit)
					.build());
			}
		});
	}

	public static void errors(FlaskSimulation.Requests r, List<MetricDatum> out) {
		TreeMap<Long, Double> perMinute = new TreeMap<>();
		for (int i = 0; i < r.times().length; i++) {
			if (r.errors()[i]) {
				perMinute.merge(r.times()[i] - r.times()[i] % 60_000, 1.0, Double::sum);
			}
		}
		perMinute.forEach((minute,
				n) -> out.add(MetricDatum.builder()
					.metricName("Errors")
					.dimensions(dims(r.endpoint()))
					.timestamp(Instant.ofEpochMilli(minute))
					.value(n)
					.unit("Count")
					.build()));
	}

	public static void gauge(FlaskSimulation sim, double[] gauge, String metric, String dim, String value, String unit,
			boolean statisticSet, List<MetricDatum> out) {
		for (FlaskSimulation.Minute m : FlaskSimulation.minutes(gauge)) {
			double sum = m.sum();
			double min = m.min();
			double max = m.max();
			MetricDatum.Builder d = MetricDatum.builder()
				.metricName(metric)
				.dimensions(Dimension.builder().name(dim).value(value).build())
				.timestamp(Instant.ofEpochMilli(sim.startMillis() + m.offsetSeconds() * 1000L))
				.unit(unit);
			out.add(statisticSet
					? d.statisticValues(
							StatisticSet.builder().sampleCount(60.0).sum(sum).minimum(min).maximum(max).build())
						.build()
					: d.value(sum / 60).build());
		}
	}

	public static long publish(CloudWatchClient cloudwatch, List<MetricDatum> data) {
		long[] calls = { 0 };
		Map<String, List<MetricDatum>> byNamespace = new LinkedHashMap<>();
		for (MetricDatum d : data) {
			String ns = d.metricName().equals("QueueDepth") || d.metricName().equals("CPUUtilization")
					|| d.metricName().equals("ConnectionPoolUsage") ? "Host" : "FlaskApp";
			byNamespace.computeIfAbsent(ns, (k) -> new ArrayList<>()).add(d);
		}
		byNamespace.forEach((ns, list) -> {
			for (int from = 0; from < list.size(); from += 200) {
				List<MetricDatum> batch = list.subList(from, Math.min(list.size(), from + 200));
				cloudwatch.putMetricData((r) -> r.namespace(ns).metricData(batch));
				calls[0]++;
			}
		});
		return calls[0];
	}

	static List<Dimension> dims(FlaskSimulation.Endpoint e) {
		return List.of(Dimension.builder().name("Endpoint").value(e.path()).build(),
				Dimension.builder().name("Method").value(e.method()).build());
	}

}
