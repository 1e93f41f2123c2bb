package dev.dualrun.parity.alert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dualrun.parity.demo.CloudWatchCompatibleServer;
import dev.dualrun.parity.store.ParityStore;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.DualRunBackends;
import dev.dualrun.parity.testing.RealPrometheus;
import dev.dualrun.parity.testing.TestStore;

/**
 * The alert accuracy set: 48 labelled alarm/rule pairs run through the job, CloudWatch
 * alarms on the CloudWatch-compatible server (which evaluates them itself and keeps their
 * history) against alerting rules loaded in the real Prometheus 2.42, both on the same
 * raw samples (15 s, six hours). Equivalent pairs (M of M periods against {@code for} of
 * M-1 periods, at 1 and 5 minute periods, with gaps treated alike) must pass; each defect
 * (a threshold in the wrong unit, {@code for} too long, missing data as breaching on one
 * side only, the operator inverted, 3 of 5 datapoints that are never consecutive) must
 * fail with its diagnosis first. The table goes to
 * {@code target/benchmark/alert-accuracy.md}.
 */
class AlertAccuracyIT {

	@TempDir
	Path work;

	/** A labelled pair: its class, what the judge must say, the alarm and the rule. */
	record Labelled(String id, String klass, String verdict, String code, int period, int n, int m, String treatMissing,
			double cwThreshold, ComparisonOperator operator, double cwScale, String expr, String hold, double promScale,
			List<int[]> episodes, List<int[]> gaps, boolean alternating) {

	}

	private static final int MINUTES = 360;

	@Test
	void everyDefectIsFoundWithItsDiagnosisAndNoEquivalentPairFails() throws Exception {
		long start = (Instant.now().getEpochSecond() / 3600 - 8) * 3600;
		long end = start + MINUTES * 60L;
		List<Labelled> set = labelledSet();
		CloudWatchCompatibleServer cloudwatch = CloudWatchCompatibleServer.start(Clock.systemUTC(),
				DualRunBackends.ACCESS_KEY);
		RealPrometheus prometheus = null;
		try (CloudWatchClient client = DualRunBackends.client(cloudwatch)) {
			StringBuilder om = new StringBuilder("# TYPE bench_value gauge\n");
			List<MetricDatum> data = new ArrayList<>();
			StringBuilder rules = new StringBuilder("groups:\n  - name: bench\n    interval: 30s\n    rules:\n");
			for (Labelled l : set) {
				double[][] samples = samples(l, new Random(l.id().hashCode()));
				for (int minute = -30; minute < MINUTES + 30; minute++) {
					double[] values = samples[minute + 30];
					if (values == null) {
						continue;
					}
					List<Double> cw = new ArrayList<>();
					for (int k = 0; k < 4; k++) {
						long ts = start + minute * 60L + 15L * k;
						om.append("bench_value{case=\"")
							.append(l.id())
							.append("\"} ")
							.append(values[k] * l.promScale())
							.append(' ')
							.append(ts)
							.append('\n');
						cw.add(values[k] * l.cwScale());
					}
					data.add(MetricDatum.builder()
						.metricName("Value")
						.dimensions(Dimension.builder().name("Case").value(l.id()).build())
						.timestamp(Instant.ofEpochSecond(start + minute * 60L + 30))
						.values(cw)
						.unit(StandardUnit.NONE)
						.build());
				}
				if (l.id().startsWith("eqmath")) {
					// metric math: the alarm reads milliseconds and divides them by 1000
					client
						.putMetricAlarm(
								(b) -> b.alarmName("bench-" + l.id())
									.metrics(
											MetricDataQuery.builder()
												.id("m1")
												.metricStat(MetricStat.builder()
													.metric(Metric.builder()
														.namespace("AlertBench")
														.metricName("Value")
														.dimensions(
																Dimension.builder().name("Case").value(l.id()).build())
														.build())
													.period(l.period())
													.stat("Average")
													.build())
												.returnData(false)
												.build(),
											MetricDataQuery.builder()
												.id("e1")
												.expression("m1 / 1000")
												.returnData(true)
												.build())
									.evaluationPeriods(l.n())
									.datapointsToAlarm(l.m())
									.threshold(l.cwThreshold())
									.comparisonOperator(l.operator())
									.treatMissingData(l.treatMissing()));
				}
				else {
					client.putMetricAlarm((b) -> b.alarmName("bench-" + l.id())
						.namespace("AlertBench")
						.metricName("Value")
						.dimensions(Dimension.builder().name("Case").value(l.id()).build())
						.statistic(Statistic.AVERAGE)
						.period(l.period())
						.evaluationPeriods(l.n())
						.datapointsToAlarm(l.m())
						.threshold(l.cwThreshold())
						.comparisonOperator(l.operator())
						.treatMissingData(l.treatMissing()));
				}
				rules.append("      - alert: Bench_")
					.append(l.id().replace('-', '_'))
					.append("\n        expr: '")
					.append(l.expr().replace("X", "bench_value{case=\"" + l.id() + "\"}"))
					.append("'\n        for: ")
					.append(l.hold())
					.append('\n');
			}
			om.append("# EOF\n");
			for (int i = 0; i < data.size(); i += 1000) {
				List<MetricDatum> batch = data.subList(i, Math.min(data.size(), i + 1000));
				client.putMetricData((b) -> b.namespace("AlertBench").metricData(batch));
			}
			cloudwatch.alarmsEvaluatedSince(Instant.ofEpochSecond(start - 3600));
			Files.createDirectories(this.work.resolve("prometheus"));
			prometheus = RealPrometheus.start(this.work.resolve("prometheus"), om.toString(),
					"global:\n  scrape_interval: 15s\n  evaluation_interval: 30s\nrule_files: [rules.yml]\n",
					rules.toString());
			awaitEvaluated(prometheus);
			StringBuilder mapping = new StringBuilder("version: 1\nalerts:\n");
			for (Labelled l : set) {
				mapping.append("  - id: ")
					.append(l.id())
					.append("\n    description: \"")
					.append(l.klass())
					.append("\"\n    cloudwatch: {alarm: bench-")
					.append(l.id())
					.append("}\n    prometheus: {alert: Bench_")
					.append(l.id().replace('-', '_'))
					.append(", group: bench}\n");
			}
			Path file = this.work.resolve("alerts.yml");
			Files.writeString(file, mapping);
			System.setProperty("aws.accessKeyId", DualRunBackends.ACCESS_KEY);
			System.setProperty("aws.secretAccessKey", "secret");
			Path reports = this.work.resolve("reports");
			CliRun run = CliRun.of(List.of("run", "--mapping", file.toString(), "--from",
					Instant.ofEpochSecond(start).toString(), "--to", Instant.ofEpochSecond(end).toString(),
					"--prometheus-url", prometheus.url(), "--cloudwatch-endpoint", cloudwatch.endpoint().toString(),
					"--cloudwatch-region", "us-east-1", "--data-dir", this.work.resolve("data").toString(),
					"--reports-dir", reports.toString(), "--textfile", this.work.resolve("parity.prom").toString()));
			assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
			// the alert pairs in the textfile, which promtool reads
			String prom = Files.readString(this.work.resolve("parity.prom"));
			assertThat(prom).contains("parity_alert_pair_passing{mapping=\"" + file + "\",alert=\"eq1m-0\"} 1")
				.contains("parity_alert_pair_verdict{mapping=\"" + file + "\",alert=\"unit-0\",verdict=\"FAIL\"} 1");
			Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
			try (var in = promtool.getOutputStream()) {
				in.write(prom.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			}
			assertThat(new String(promtool.getInputStream().readAllBytes())).isEmpty();
			assertThat(promtool.waitFor()).isZero();
			assertThat(run.out()).contains("alerts: " + set.size() + " alert pair(s)");
			Path json;
			try (var files = Files.list(reports)) {
				json = files.filter((p) -> p.getFileName().toString().matches("run-\\d+\\.json"))
					.findFirst()
					.orElseThrow();
			}
			JsonNode report = JsonMapper.builder().build().readTree(json.toFile());
			Map<String, JsonNode> byId = new LinkedHashMap<>();
			report.path("alerts").forEach((a) -> byId.put(a.path("id").asString(), a));
			Map<String, int[]> table = new LinkedHashMap<>();
			List<String> wrong = new ArrayList<>();
			int replaysChecked = 0;
			for (Labelled l : set) {
				JsonNode a = byId.get(l.id());
				assertThat(a).as(l.id()).isNotNull();
				String verdict = a.path("verdict").asString();
				String code = null;
				for (JsonNode f : a.path("findings")) {
					if (!"REPLAY_DIFFERS".equals(f.path("code").asString())) {
						code = f.path("code").asString();
						break;
					}
				}
				int[] row = table.computeIfAbsent(l.klass(), (k) -> new int[3]);
				row[0]++;
				boolean verdictRight = verdict.equals(l.verdict());
				boolean codeRight = verdictRight && (l.code() == null || l.code().equals(code));
				row[1] += verdictRight ? 1 : 0;
				row[2] += codeRight ? 1 : 0;
				if (!codeRight) {
					wrong.add(l.id() + ": expected " + l.verdict() + " " + l.code() + ", got " + verdict + " " + code
							+ " (" + a.path("summary").asString() + ")");
				}
				// the alarm's replay agrees with the history the server kept
				for (JsonNode f : a.path("findings")) {
					assertThat(f.path("message").asString()).as(l.id()).doesNotStartWith("CloudWatch's replay");
				}
				replaysChecked += a.path("old").path("actualEpisodes").isArray() ? 1 : 0;
			}
			StringBuilder md = new StringBuilder(
					"| class | pairs | right verdict | right first diagnosis |\n|---|---|---|---|\n");
			table.forEach(
					(k, r) -> md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", k, r[0], r[1], r[2])));
			StringBuilder pairs = new StringBuilder(
					"\n| pair | verdict | CloudWatch episodes (history) | Prometheus episodes | matched | first finding |\n|---|---|---|---|---|---|\n");
			for (Labelled l : set) {
				JsonNode a = byId.get(l.id());
				pairs.append(String.format(Locale.ROOT, "| %s | %s | %d (%d) | %d | %d | %s |%n", l.id(),
						a.path("verdict").asString(), a.path("old").path("episodes").size(),
						a.path("old").path("actualEpisodes").size(), a.path("new").path("episodes").size(),
						java.util.stream.StreamSupport.stream(a.path("matches").spliterator(), false)
							.filter((m) -> m.path("kind").asString().equals("matched"))
							.count(),
						a.path("summary").asString().replace("|", "\\|")));
			}
			Files.createDirectories(Path.of("target/benchmark"));
			Files.writeString(Path.of("target/benchmark/alert-accuracy.md"),
					md + "\n" + String.join("\n", wrong) + "\n" + pairs);
			Files.copy(json.resolveSibling(json.getFileName().toString().replace(".json", ".html")),
					Path.of("target/benchmark/alert-accuracy.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			System.out.println(
					"AlertAccuracyIT: " + set.size() + " labelled alarm/rule pairs\n" + md + String.join("\n", wrong));
			assertThat(replaysChecked).isEqualTo(set.size());
			// judged again from the store by the same judge, calling no backend
			CliRun again = CliRun.of(List.of("rejudge", "--run", "1", "--max-bias", "0.02", "--data-dir",
					this.work.resolve("data").toString(), "--reports-dir", reports.toString()));
			assertThat(again.exitCode()).as(again.err()).isEqualTo(1);
			ParityStore store = ParityStore.open(TestStore.dataSource(this.work.resolve("data")), Clock.systemUTC());
			Map<String, String> first = new LinkedHashMap<>();
			store.alerts().results(1).forEach((r) -> first.put(r.alertId(), r.verdict() + " " + r.firstCode()));
			Map<String, String> rejudged = new LinkedHashMap<>();
			store.alerts().results(2).forEach((r) -> rejudged.put(r.alertId(), r.verdict() + " " + r.firstCode()));
			assertThat(rejudged).hasSize(set.size()).isEqualTo(first);
			for (Map.Entry<String, int[]> e : table.entrySet()) {
				int[] r = e.getValue();
				if (e.getKey().startsWith("equivalent")) {
					assertThat(r[1]).as("%s: no FAIL on an equivalent pair; %s", e.getKey(), wrong).isEqualTo(r[0]);
				}
				else {
					assertThat(r[2] / (double) r[0]).as("%s: the right diagnosis; %s", e.getKey(), wrong)
						.isGreaterThanOrEqualTo(0.95);
				}
			}
			prometheus.close();
			prometheus = provesTheRuleFixes(file, rules.toString(), om.toString(), cloudwatch, start, end);
		}
		finally {
			System.clearProperty("aws.accessKeyId");
			System.clearProperty("aws.secretAccessKey");
			if (prometheus != null) {
				prometheus.close();
			}
			cloudwatch.close();
		}
	}

	/**
	 * {@code fix} writes the rule changes the findings imply; a Prometheus with the fixed
	 * rules over the same samples, and the fixed pairs run again: at least 95 % pass.
	 * @return the Prometheus with the fixed rules, to close
	 */
	private RealPrometheus provesTheRuleFixes(Path mapping, String rules, String om,
			CloudWatchCompatibleServer cloudwatch, long start, long end) throws Exception {
		Path rulesFile = this.work.resolve("rules.yml");
		Files.writeString(rulesFile, rules);
		String data = this.work.resolve("data").toString();
		CliRun fix = CliRun.of(List.of("fix", "--run", "1", "--data-dir", data, "--rules", rulesFile.toString()));
		assertThat(fix.exitCode()).as(fix.err()).isZero();
		String prove = fix.out().lines().filter((l) -> l.startsWith("prove the rules: ")).findFirst().orElse("");
		String ids = prove.substring(prove.indexOf("--pair ") + "--pair ".length());
		List<String> fixed = List.of(ids.substring(0, ids.indexOf(' ')).split(","));
		assertThat(fixed).as(fix.out()).allMatch((id) -> id.matches("(unit|for|inverted)-\\d+"));
		Files.createDirectories(this.work.resolve("prometheus-fixed"));
		RealPrometheus fixedPrometheus = RealPrometheus.start(this.work.resolve("prometheus-fixed"), om,
				"global:\n  scrape_interval: 15s\n  evaluation_interval: 30s\nrule_files: [rules.yml]\n",
				Files.readString(this.work.resolve("rules.yml.fixed")));
		awaitEvaluated(fixedPrometheus);
		CliRun again = CliRun.of(List.of("run", "--mapping", mapping.toString(), "--pair", String.join(",", fixed),
				"--from", Instant.ofEpochSecond(start).toString(), "--to", Instant.ofEpochSecond(end).toString(),
				"--prometheus-url", fixedPrometheus.url(), "--cloudwatch-endpoint", cloudwatch.endpoint().toString(),
				"--cloudwatch-region", "us-east-1", "--data-dir", data, "--reports-dir",
				this.work.resolve("reports-fixed").toString()));
		ParityStore store = ParityStore.open(TestStore.dataSource(this.work.resolve("data")), Clock.systemUTC());
		long run = store.latestRuns(1).get(0).id();
		long passing = store.alerts().results(run).stream().filter((r) -> "PASS".equals(r.verdict())).count();
		System.out.println("AlertAccuracyIT: " + fixed.size() + " alert rules fixed, " + passing
				+ " of them PASS when run again with the fixed rules");
		assertThat(passing).as(again.out() + again.err()).isGreaterThanOrEqualTo((long) Math.ceil(0.95 * fixed.size()));
		return fixedPrometheus;
	}

	/** The rules of a fresh Prometheus are evaluated within one interval of its start. */
	private static void awaitEvaluated(RealPrometheus prometheus) throws Exception {
		long deadline = System.nanoTime() + 90_000_000_000L;
		while (System.nanoTime() < deadline) {
			var c = (java.net.HttpURLConnection) java.net.URI.create(prometheus.url() + "/api/v1/rules")
				.toURL()
				.openConnection();
			String body = new String(c.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			if (!body.contains("0001-01-01T00:00:00Z") && body.contains("\"health\":\"ok\"")) {
				return;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("Prometheus did not evaluate its rules within 90 s");
	}

	/**
	 * Four samples a minute from 30 minutes before the window to 30 after; null for a
	 * gap.
	 */
	private static double[][] samples(Labelled l, Random random) {
		double[][] out = new double[MINUTES + 60][];
		for (int i = 0; i < out.length; i++) {
			int minute = i - 30;
			boolean gap = l.gaps().stream().anyMatch((g) -> minute >= g[0] && minute < g[0] + g[1]);
			if (gap) {
				continue;
			}
			boolean high = false;
			for (int[] e : l.episodes()) {
				if (minute >= e[0] && minute < e[0] + e[1]) {
					high = !l.alternating() || (minute - e[0]) % 2 == 0;
				}
			}
			double[] v = new double[4];
			for (int k = 0; k < 4; k++) {
				v[k] = (high ? 300 : 100) + 15 * Math.max(-2.5, Math.min(2.5, random.nextGaussian()));
			}
			out[i] = v;
		}
		return out;
	}

	/**
	 * Episodes: minute-aligned (five-minute-aligned at a 5 minute period), 6 to 25
	 * minutes long, at least 20 minutes apart, and one-minute blips between them that no
	 * alarm takes.
	 */
	private static List<int[]> episodes(Random random, int align, int minLength, int maxLength) {
		List<int[]> out = new ArrayList<>();
		int t = 20;
		while (true) {
			int length = minLength + random.nextInt((maxLength - minLength) / align + 1) * align;
			t = ((t + random.nextInt(30)) / align + 1) * align;
			if (t + length > MINUTES - 20) {
				break;
			}
			out.add(new int[] { t, length });
			// a blip halfway to the next one
			out.add(new int[] { t + length + 10, 1 });
			t += length + 25;
		}
		return out;
	}

	private static List<Labelled> labelledSet() {
		List<Labelled> set = new ArrayList<>();
		Random random = new Random(42);
		String avg1 = "avg_over_time(X[1m])";
		for (int i = 0; i < 8; i++) {
			set.add(new Labelled("eq1m-" + i, "equivalent, 3 of 3 x 1m vs for: 2m", "PASS", null, 60, 3, 3, "missing",
					200, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, avg1 + " > 200", "2m", 1,
					episodes(random, 1, 6, 20), List.of(), false));
		}
		for (int i = 0; i < 4; i++) {
			set.add(new Labelled("eq5m-" + i, "equivalent, 2 of 2 x 5m vs for: 7m", "PASS", null, 300, 2, 2, "missing",
					200, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, "avg_over_time(X[5m]) > 200", "7m", 1,
					episodes(random, 5, 15, 25), List.of(), false));
		}
		for (int i = 0; i < 4; i++) {
			set.add(withGaps(new Labelled("eqgap-" + i, "equivalent, gaps as notBreaching on both", "PASS", null, 60, 3,
					3, "notBreaching", 200, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, avg1 + " > 200", "2m", 1,
					episodes(random, 1, 6, 20), List.of(), false)));
		}
		for (int i = 0; i < 2; i++) {
			set.add(new Labelled("eqmath-" + i, "equivalent, metric math alarm (ms / 1000) vs seconds", "PASS", null,
					60, 3, 3, "missing", 0.2, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, avg1 + " > 0.2", "2m",
					0.001, episodes(random, 1, 6, 20), List.of(), false));
		}
		for (int i = 0; i < 6; i++) {
			boolean msRule = i % 2 == 0;
			// the rule's series is in seconds where the alarm's is in milliseconds, or
			// the other way round, and the rule kept the alarm's number
			set.add(new Labelled("unit-" + i, "threshold in the wrong unit", "FAIL", "THRESHOLD_UNIT_FACTOR", 60, 3, 3,
					"missing", msRule ? 200 : 0.2, ComparisonOperator.GREATER_THAN_THRESHOLD, msRule ? 1 : 0.001,
					avg1 + (msRule ? " > 200" : " > 0.2"), "2m", msRule ? 0.001 : 1, episodes(random, 1, 6, 20),
					List.of(), false));
		}
		for (int i = 0; i < 6; i++) {
			set.add(new Labelled("for-" + i, "for too long (15m vs 3 x 1m)", "FAIL", "FOR_TOO_LONG", 60, 3, 3,
					"missing", 200, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, avg1 + " > 200", "15m", 1,
					episodes(random, 1, 6, 25), List.of(), false));
		}
		for (int i = 0; i < 6; i++) {
			set.add(withGaps(new Labelled("missing-" + i, "missing data breaching on CloudWatch only", "FAIL",
					"MISSING_DATA_TREATMENT", 60, 3, 3, "breaching", 200, ComparisonOperator.GREATER_THAN_THRESHOLD, 1,
					avg1 + " > 200", "2m", 1, episodes(random, 1, 6, 20), List.of(), false)));
		}
		for (int i = 0; i < 6; i++) {
			set.add(new Labelled("inverted-" + i, "operator inverted", "FAIL", "OPERATOR_INVERTED", 60, 3, 3, "missing",
					200, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, avg1 + " < 200", "2m", 1,
					episodes(random, 1, 6, 20), List.of(), false));
		}
		for (int i = 0; i < 6; i++) {
			set.add(new Labelled("mofn-" + i, "3 of 5 never consecutive vs for: 2m", "FAIL", "M_OF_N_NOT_CONSECUTIVE",
					60, 5, 3, "missing", 200, ComparisonOperator.GREATER_THAN_THRESHOLD, 1, avg1 + " > 200", "2m", 1,
					episodes(random, 1, 9, 15), List.of(), true));
		}
		return set;
	}

	/**
	 * Ten-minute gaps in both systems (the app was down), each in a quiet stretch of at
	 * least 24 minutes between episodes, starting 8 minutes after one.
	 */
	private static List<int[]> gaps(List<int[]> episodes) {
		List<int[]> out = new ArrayList<>();
		for (int i = 0; i + 1 < episodes.size() && out.size() < 3; i++) {
			int endOf = episodes.get(i)[0] + episodes.get(i)[1];
			if (episodes.get(i + 1)[0] - endOf >= 24) {
				out.add(new int[] { endOf + 8, 10 });
			}
		}
		return out;
	}

	private static Labelled withGaps(Labelled l) {
		return new Labelled(l.id(), l.klass(), l.verdict(), l.code(), l.period(), l.n(), l.m(), l.treatMissing(),
				l.cwThreshold(), l.operator(), l.cwScale(), l.expr(), l.hold(), l.promScale(), l.episodes(),
				gaps(l.episodes()), l.alternating());
	}

}
