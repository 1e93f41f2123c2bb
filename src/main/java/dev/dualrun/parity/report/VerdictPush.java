package dev.dualrun.parity.report;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.prometheus.metrics.exporter.pushgateway.PushGateway;
import io.prometheus.metrics.exporter.pushgateway.Scheme;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * A run's verdicts pushed to a Prometheus Pushgateway, for a run with no node_exporter
 * beside it (a Kubernetes CronJob): the metrics of {@link VerdictTextfile}, the same
 * names, labels and values, grouped under job {@code parity-validator} and the mapping.
 * The Prometheus Java client's pushgateway exporter does the push (PUT: the group's
 * metrics are replaced by the run's).
 */
public final class VerdictPush {

	/** The job the metrics are grouped under. */
	public static final String JOB = "parity-validator";

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)\\} (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private VerdictPush() {
	}

	/**
	 * @param url the Pushgateway, e.g. {@code http://pushgateway:9091}
	 * @param mapping the mapping's name as the metrics' {@code mapping} label has it
	 * @param text the metrics in the text format, as {@link VerdictTextfile} writes them
	 * @throws IOException if the Pushgateway cannot be reached or refuses the push
	 */
	public static void push(URI url, String mapping, String text) throws IOException {
		PrometheusRegistry registry = new PrometheusRegistry();
		MetricSnapshots snapshots = snapshots(text);
		registry.register(() -> snapshots);
		PushGateway.builder()
			.scheme("https".equalsIgnoreCase(url.getScheme()) ? Scheme.HTTPS : Scheme.HTTP)
			.address(url.getHost() + ":" + ((url.getPort() > 0) ? url.getPort() : 9091))
			.job(JOB)
			.groupingKey("mapping", mapping)
			.registry(registry)
			.build()
			.push();
	}

	/**
	 * @param text metrics in the text format, every family a gauge with its HELP line
	 * @return them as the client's snapshots
	 */
	static MetricSnapshots snapshots(String text) {
		Map<String, String> help = new LinkedHashMap<>();
		Map<String, GaugeSnapshot.Builder> families = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			if (line.startsWith("# HELP ")) {
				String rest = line.substring(7);
				int space = rest.indexOf(' ');
				help.put(rest.substring(0, space), rest.substring(space + 1));
				continue;
			}
			Matcher sample = SAMPLE.matcher(line);
			if (!sample.matches()) {
				continue;
			}
			List<String> names = new ArrayList<>();
			List<String> values = new ArrayList<>();
			Matcher label = LABEL.matcher(sample.group(2));
			while (label.find()) {
				names.add(label.group(1));
				values.add(label.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\"));
			}
			families
				.computeIfAbsent(sample.group(1), (n) -> GaugeSnapshot.builder().name(n).help(help.getOrDefault(n, "")))
				.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
					.labels(Labels.of(names, values))
					.value(Double.parseDouble(sample.group(3)))
					.build());
		}
		MetricSnapshots.Builder all = MetricSnapshots.builder();
		families.values().forEach((f) -> all.metricSnapshot(f.build()));
		return all.build();
	}

}
