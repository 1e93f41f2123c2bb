package dev.dualrun.parity.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.demo.AzureMonitorCompatibleServer;
import dev.dualrun.parity.demo.CloudWatchCompatibleServer;
import dev.dualrun.parity.store.PairResultRow;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.StoreJson;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.RealPrometheus;
import dev.dualrun.parity.testing.BenchmarkScenario;
import dev.dualrun.parity.testing.EdgeBenchmarkScenario;
import dev.dualrun.parity.testing.LateDataProxy;

/**
 * The accuracy benchmark (not part of the test suite): a labelled corpus of pairs through
 * the real path (CloudWatch-compatible server through the SDK, the real Prometheus from a
 * backfilled TSDB, the whole job through the CLI). Prints the confusion matrix per class
 * and size, writes it to {@code target/benchmark/accuracy.md}, and checks the targets: no
 * FAIL on an equivalent pair; every discrepancy at or above its detectable size detected
 * (FAIL) with the right diagnosis in at least 95 % of them.
 *
 * <pre>mvn -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AccuracyBenchmark</pre>
 */
class AccuracyBenchmark {

	/**
	 * Sizes below which a discrepancy is not expected to be caught (the targets).
	 */
	private static final Set<String> BELOW_DETECTABLE = Set.of("bias|1 %", "bias|2 %", "gap|1 periods");

	@Test
	void measuresTheConfusionMatrix() throws Exception {
		measure(false);
	}

	/**
	 * A factor tied to an hourly period: rate() against a Sum per hour, with its
	 * controls, over 14 hours (a judgement needs 10 periods, more than the 6 hours of the
	 * others).
	 */
	@Test
	void measuresThePeriodFactorAtAnHour() throws Exception {
		measure(false, new BenchmarkScenario(now(), 14).buildHourly(), "accuracy-hourly.md");
	}

	/**
	 * The same classes with Azure Monitor as the old side (every class but the
	 * percentile, which Azure Monitor does not compute), through the
	 * Azure-Monitor-compatible server and the batch API.
	 */
	@Test
	void measuresTheConfusionMatrixOnAzurePairs() throws Exception {
		measure(true);
	}

	/**
	 * An edge Prometheus against the store it feeds, each a real Prometheus from its own
	 * backfilled TSDB, the store behind a proxy that answers the newest minutes of some
	 * pairs late: equivalent pairs, a family dropped on the way, labels renamed by a
	 * federation, a stretch lost, and the window's end late (arriving when read again, or
	 * never).
	 */
	@Test
	void measuresTheConfusionMatrixOnEdgePairs() throws Exception {
		Path work = Files.createTempDirectory("parity-benchmark-edge");
		long started = System.nanoTime();
		EdgeBenchmarkScenario scenario = new EdgeBenchmarkScenario(now()).build();
		String edgeConfig = "global:\n  scrape_interval: 15s\n  external_labels: { cluster: edge-1 }\n";
		try (RealPrometheus edge = RealPrometheus.start(Files.createDirectories(work.resolve("edge")),
				scenario.edgeOpenMetrics(), edgeConfig, null);
				RealPrometheus store = RealPrometheus.start(Files.createDirectories(work.resolve("store")),
						scenario.storeOpenMetrics());
				LateDataProxy late = new LateDataProxy(store.url(), EdgeBenchmarkScenario.LATE,
						EdgeBenchmarkScenario.LATE_SECONDS)) {
			Path mapping = Files.writeString(work.resolve("edge.yml"), scenario.mapping());
			long jobStarted = System.nanoTime();
			CliRun run = CliRun.of(List.of("run", "--mapping", mapping.toString(), "--from", scenario.from().toString(),
					"--to", scenario.to().toString(), "--edge-url", edge.url(), "--prometheus-url", late.url(),
					"--settle-recheck", "2s", "--data-dir", work.resolve("data").toString(), "--reports-dir",
					work.resolve("reports").toString(), "--threads", "4"));
			double jobSeconds = (System.nanoTime() - jobStarted) / 1e9;
			assertThat(run.out()).as(run.err()).contains("report: ");
			Map<String, String> verdicts = new HashMap<>();
			Map<String, String> first = new HashMap<>();
			Map<String, PairResultRow> results = results(work.resolve("data"));
			results.forEach((id, r) -> {
				verdicts.put(id, r.verdict().name());
				List<Diagnosis> d = StoreJson.diagnoses(r.diagnoses());
				first.put(id, d.isEmpty() ? null : d.get(0).code().name());
			});
			String matrix = String.format(Locale.ROOT,
					"# Accuracy benchmark, an edge Prometheus against the store it feeds%n%n%d labelled pairs, 6 hours "
							+ "at 5-minute periods, two real Prometheus servers. Job %.1f s, whole benchmark %.1f s.%n%n"
							+ "%s%n%n%s",
					scenario.pairs().size(), jobSeconds, (System.nanoTime() - started) / 1e9,
					run.out().lines().findFirst().orElse(""),
					EdgeBenchmarkScenario.matrix(scenario.pairs(), verdicts, first));
			System.out.println(matrix);
			Path out = Path.of("target", "benchmark", "accuracy-edge.md");
			Files.createDirectories(out.getParent());
			Files.writeString(out, matrix);
			for (EdgeBenchmarkScenario.Pair p : scenario.pairs()) {
				assertThat(verdicts.get(p.id())).as(p.id()).isEqualTo(p.verdict());
			}
			long right = scenario.pairs()
				.stream()
				.filter((p) -> p.diagnosis() == null || p.diagnosis().equals(first.get(p.id())))
				.count();
			assertThat(right).as("pairs with the right first diagnosis")
				.isGreaterThanOrEqualTo((long) Math.ceil(0.95 * scenario.pairs().size()));
			Set<String> fixable = new TreeSet<>();
			scenario.pairs()
				.stream()
				.filter((p) -> "added label".equals(p.clazz()) && "FAIL".equals(verdicts.get(p.id())))
				.forEach((p) -> fixable.add(p.id()));
			long runId = results.values().iterator().next().runId();
			String fixes = fixesProven(fixable, runId, work, "edge.fixed.yml", "added label",
					List.of("--from", scenario.from().toString(), "--to", scenario.to().toString(), "--edge-url",
							edge.url(), "--prometheus-url", late.url(), "--settle-recheck", "2s", "--data-dir",
							work.resolve("data").toString(), "--reports-dir", work.resolve("reports").toString()));
			System.out.println(fixes);
			Files.writeString(out, matrix + fixes);
		}
	}

	/**
	 * The scenario's "now": the current time, or
	 * {@code -Dbenchmark.now=2026-12-07T05:58:26Z} to run two builds on the same data
	 * (the noise of each pair depends on where its window falls).
	 */
	private static Instant now() {
		String pinned = System.getProperty("benchmark.now");
		return (pinned != null) ? Instant.parse(pinned) : Clock.systemUTC().instant();
	}

	private void measure(boolean azure) throws Exception {
		measure(azure, new BenchmarkScenario(now(), 6).build(30), azure ? "accuracy-azure.md" : "accuracy.md");
	}

	private void measure(boolean azure, BenchmarkScenario scenario, String name) throws Exception {
		Path work = Files.createTempDirectory("parity-benchmark");
		long started = System.nanoTime();
		List<BenchmarkScenario.Pair> pairs = scenario.pairs()
			.stream()
			.filter((p) -> !azure || p.azureYaml() != null)
			.toList();
		try (CloudWatchCompatibleServer cloudwatch = CloudWatchCompatibleServer.start(Clock.systemUTC(), null);
				AzureMonitorCompatibleServer azureMonitor = AzureMonitorCompatibleServer.start(Clock.systemUTC(),
						"bench-tenant", "bench-client", "bench-secret")) {
			if (azure) {
				BenchmarkScenario.publishAzure(azureMonitor, pairs);
			}
			else {
				publish(cloudwatch, pairs);
			}
			Files.createDirectories(work.resolve("prometheus"));
			try (RealPrometheus prometheus = RealPrometheus.start(work.resolve("prometheus"),
					BenchmarkScenario.openMetrics(pairs))) {
				Path mapping = work.resolve("benchmark.yml");
				StringBuilder yaml = new StringBuilder("version: 1\ndefaults:\n  period: 5m\npairs:\n");
				pairs.forEach((p) -> yaml.append(azure ? p.azureYaml() : p.yaml()));
				Files.writeString(mapping, yaml);
				System.setProperty("aws.accessKeyId", "bench");
				System.setProperty("aws.secretAccessKey", "bench");
				System.setProperty("parity.azure.tenant-id", "bench-tenant");
				System.setProperty("parity.azure.client-id", "bench-client");
				System.setProperty("parity.azure.client-secret", "bench-secret");
				String az = azureMonitor.endpoint().toString();
				Thread late = azure ? null : publishLate(cloudwatch, prometheus, pairs);
				long jobStarted = System.nanoTime();
				List<String> flags = List.of("--from", scenario.from().toString(), "--to", scenario.to().toString(),
						"--prometheus-url", prometheus.url(), "--cloudwatch-endpoint", cloudwatch.endpoint().toString(),
						"--cloudwatch-region", "us-east-1", "--azure-endpoint", az, "--azure-batch-endpoint", az,
						"--azure-token-endpoint", az, "--settle-recheck", "5s", "--data-dir",
						work.resolve("data").toString(), "--reports-dir", work.resolve("reports").toString(),
						"--threads", "4");
				List<String> args = new ArrayList<>(List.of("run", "--mapping", mapping.toString()));
				args.addAll(flags);
				CliRun run = CliRun.of(args);
				if (late != null) {
					late.interrupt();
				}
				double jobSeconds = (System.nanoTime() - jobStarted) / 1e9;
				assertThat(run.out()).as(run.err()).contains("report: ");
				Map<String, PairResultRow> results = results(work.resolve("data"));
				String matrix = matrix(pairs, results, run.out().lines().findFirst().orElse(""), jobSeconds,
						(System.nanoTime() - started) / 1e9, azure ? "Azure Monitor" : "CloudWatch");
				if (azure) {
					matrix += String.format(Locale.ROOT,
							"%nAzure Monitor calls: %d metrics:getBatch for %d pairs, %d " + "tokens.%n",
							azureMonitor.calls("getBatch"), pairs.size(), azureMonitor.calls("token"));
				}
				matrix += fixesProven(pairs, results, work, flags);
				System.out.println(matrix);
				Path out = Path.of("target", "benchmark", name);
				Files.createDirectories(out.getParent());
				Files.writeString(out, matrix);
				checkTargets(pairs, results);
			}
			finally {
				System.clearProperty("parity.azure.tenant-id");
				System.clearProperty("parity.azure.client-id");
				System.clearProperty("parity.azure.client-secret");
			}
		}
	}

	/** The classes whose FAILs a written fix answers. */
	private static final Set<String> FIXABLE = Set.of("unit", "shift", "period factor");

	/**
	 * {@code fix} on the run, then the fixed pairs run again on the same data: of the
	 * fixable FAILs, the share with a written fix, and of those the share that pass.
	 */
	private static String fixesProven(List<BenchmarkScenario.Pair> pairs, Map<String, PairResultRow> results, Path work,
			List<String> flags) {
		Set<String> fixable = new TreeSet<>();
		pairs.stream()
			.filter((p) -> FIXABLE.contains(p.clazz()) && "FAIL".equals(results.get(p.id()).verdict().name()))
			.forEach((p) -> fixable.add(p.id()));
		return fixesProven(fixable, results.values().iterator().next().runId(), work, "benchmark.fixed.yml",
				"unit, shift, period factor", flags);
	}

	/**
	 * @param fixable the fixable FAILs of the run
	 * @param runId the run, in {@code work/data}
	 * @param fixedMapping the name of the mapping {@code fix} writes
	 * @param classes the fixable classes, in words
	 * @param flags the run's flags but the mapping and the pairs
	 */
	private static String fixesProven(Set<String> fixable, long runId, Path work, String fixedMapping, String classes,
			List<String> flags) {
		CliRun fix = CliRun
			.of(List.of("fix", "--run", Long.toString(runId), "--data-dir", work.resolve("data").toString()));
		assertThat(fix.exitCode()).as(fix.err()).isZero();
		String prove = fix.out().lines().filter((l) -> l.startsWith("prove it: ")).findFirst().orElse(null);
		assertThat(prove).as(fix.out()).isNotNull();
		List<String> fixed = List.of(prove.substring(prove.indexOf("--pair ") + "--pair ".length()).split(","));
		List<String> args = new ArrayList<>(
				List.of("run", "--mapping", work.resolve(fixedMapping).toString(), "--pair", String.join(",", fixed)));
		args.addAll(flags);
		CliRun again = CliRun.of(args);
		assertThat(again.out()).as(again.err()).contains("report: ");
		long passing = results(work.resolve("data")).values()
			.stream()
			.filter((r) -> fixed.contains(r.pairId()) && "PASS".equals(r.verdict().name()))
			.count();
		long written = fixed.stream().filter(fixable::contains).count();
		assertThat(written).as("fixable FAILs with a written fix")
			.isGreaterThanOrEqualTo((long) Math.ceil(0.95 * fixable.size()));
		assertThat(passing).as("fixed pairs that pass when run again")
			.isGreaterThanOrEqualTo((long) Math.ceil(0.95 * fixed.size()));
		return String.format(Locale.ROOT,
				"%nWritten fixes: %d of %d fixable FAILs (%s) have a written fix; %d of the "
						+ "%d fixed pairs PASS when run again.%n",
				written, fixable.size(), classes, passing, fixed.size());
	}

	private static void publish(CloudWatchCompatibleServer server, List<BenchmarkScenario.Pair> pairs) {
		List<MetricDatum> all = new ArrayList<>();
		pairs.forEach((p) -> all.addAll(p.datums()));
		publishDatums(server, all);
	}

	private static void publishDatums(CloudWatchCompatibleServer server, List<MetricDatum> all) {
		try (CloudWatchClient client = CloudWatchClient.builder()
			.endpointOverride(server.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
			.build()) {
			for (int from = 0; from < all.size(); from += 400) {
				List<MetricDatum> batch = all.subList(from, Math.min(all.size(), from + 400));
				client.putMetricData((r) -> r.namespace("Bench").metricData(batch));
			}
		}
	}

	private static Map<String, PairResultRow> results(Path dataDir) {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:file:" + dataDir.resolve("parity"));
		ds.setUser("sa");
		ParityStore store = ParityStore.open(ds, Clock.systemUTC());
		long runId = store.latestRuns(1).get(0).id();
		// the one judge: the run judged again with its own tolerances is the same run
		dev.dualrun.parity.store.RejudgeCheck.reproduces(store, runId);
		Map<String, PairResultRow> byId = new HashMap<>();
		store.results().results(runId).forEach((r) -> byId.put(r.pairId(), r));
		return byId;
	}

	/** One row per class and size: verdict counts, detection and right diagnosis. */
	static String matrix(List<BenchmarkScenario.Pair> pairs, Map<String, PairResultRow> results, String summary,
			double jobSeconds, double totalSeconds, String oldSide) {
		Map<String, int[]> rows = new LinkedHashMap<>();
		Map<String, Set<String>> misses = new LinkedHashMap<>();
		for (BenchmarkScenario.Pair p : pairs) {
			String key = p.clazz() + "|" + p.size();
			int[] c = rows.computeIfAbsent(key, (k) -> new int[8]);
			PairResultRow r = results.get(p.id());
			String verdict = (r != null) ? r.verdict().name() : "MISSING";
			c[0]++;
			switch (verdict) {
				case "PASS" -> c[1]++;
				case "WARN" -> c[2]++;
				case "FAIL" -> c[3]++;
				default -> c[4]++;
			}
			if (!p.equivalent() && p.expectedVerdict().equals(verdict)) {
				c[7]++;
				List<Diagnosis> d = StoreJson.diagnoses(r.diagnoses());
				boolean first = !d.isEmpty() && d.get(0).code().name().equals(p.expectedDiagnosis());
				boolean any = d.stream().anyMatch((x) -> x.code().name().equals(p.expectedDiagnosis()));
				c[5] += first ? 1 : 0;
				c[6] += any ? 1 : 0;
				if (!any) {
					misses.computeIfAbsent(key, (k) -> new TreeSet<>()).add(p.id() + ": " + r.summary());
				}
			}
			if (p.equivalent() && !"PASS".equals(verdict) && r != null) {
				misses.computeIfAbsent(key, (k) -> new TreeSet<>()).add(p.id() + " " + verdict + ": " + r.summary());
			}
		}
		StringBuilder out = new StringBuilder("# Accuracy benchmark, " + oldSide + " to Prometheus\n\n");
		out.append(String.format(Locale.ROOT,
				"%d labelled pairs through the real path (the run's window in its line below). Job %.1f s, whole "
						+ "benchmark " + "%.1f s.%n%n%s%n%n",
				pairs.size(), jobSeconds, totalSeconds, summary));
		out.append("| class | size | pairs | PASS | WARN | FAIL | other | detected | right diagnosis (first) "
				+ "| right diagnosis (any) |\n|---|---|---|---|---|---|---|---|---|---|\n");
		rows.forEach((key, c) -> {
			String clazz = key.substring(0, key.indexOf('|'));
			String size = key.substring(clazz.length() + 1).replace("on CloudWatch", "on " + oldSide);
			boolean equivalent = clazz.equals("equivalent");
			out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %s | %s | %s |%n", clazz, size,
					c[0], c[1], c[2], c[3], c[4], equivalent ? "-" : pct(c[7], c[0]),
					equivalent ? "-" : pct(c[5], c[7]), equivalent ? "-" : pct(c[6], c[7])));
		});
		if (!misses.isEmpty()) {
			out.append("\nPairs not as expected:\n");
			misses.forEach((k, v) -> v
				.forEach((m) -> out.append("- ").append(k.replace('|', ' ')).append(": ").append(m).append('\n')));
		}
		return out.toString();
	}

	private static String pct(int a, int b) {
		return (b == 0) ? "-" : String.format(Locale.ROOT, "%d/%d (%.0f %%)", a, b, 100.0 * a / b);
	}

	private static void checkTargets(List<BenchmarkScenario.Pair> pairs, Map<String, PairResultRow> results) {
		int detectable = 0;
		int detected = 0;
		int right = 0;
		Map<String, int[]> namedFix = new LinkedHashMap<>();
		for (BenchmarkScenario.Pair p : pairs) {
			PairResultRow r = results.get(p.id());
			if (p.equivalent()) {
				assertThat(r.verdict().name()).as("equivalent pair " + p.id() + ": " + r.summary())
					.isNotEqualTo("FAIL");
			}
			else if (!BELOW_DETECTABLE.contains(p.clazz() + "|" + p.size())) {
				detectable++;
				if (p.expectedVerdict().equals(r.verdict().name())) {
					detected++;
					List<Diagnosis> d = StoreJson.diagnoses(r.diagnoses());
					right += d.stream().anyMatch((x) -> x.code().name().equals(p.expectedDiagnosis())) ? 1 : 0;
					if (BenchmarkScenario.FIRST_DIAGNOSIS.contains(p.clazz())) {
						int[] c = namedFix.computeIfAbsent(p.clazz(), (k) -> new int[2]);
						c[0]++;
						c[1] += (!d.isEmpty() && d.get(0).code().name().equals(p.expectedDiagnosis())) ? 1 : 0;
					}
				}
			}
		}
		assertThat(detected).as("detectable discrepancies detected").isEqualTo(detectable);
		assertThat(right).as("detected with the right diagnosis")
			.isGreaterThanOrEqualTo((int) Math.ceil(0.95 * detected));
		namedFix.forEach((clazz, c) -> assertThat(c[1]).as(clazz + ": right first diagnoses of " + c[0])
			.isGreaterThanOrEqualTo((int) Math.ceil(0.95 * c[0])));
	}

	/**
	 * Publishes the late datums of the pairs that have them once the job has read the old
	 * side: when Prometheus has answered its first range query (the comparison runs after
	 * the old side's fetch), so that they arrive before the job reads again.
	 */
	private static Thread publishLate(CloudWatchCompatibleServer server, RealPrometheus prometheus,
			List<BenchmarkScenario.Pair> pairs) {
		List<MetricDatum> late = new ArrayList<>();
		pairs.forEach((p) -> late.addAll(p.lateDatums()));
		Thread thread = new Thread(() -> {
			try {
				while (rangeQueries(prometheus) == 0) {
					Thread.sleep(200);
				}
				publishDatums(server, late);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "late-datums");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/** Range queries Prometheus has answered, from its own metrics. */
	private static double rangeQueries(RealPrometheus prometheus) {
		try (okhttp3.Response response = new okhttp3.OkHttpClient()
			.newCall(new okhttp3.Request.Builder().url(prometheus.url() + "/metrics").build())
			.execute()) {
			return response.body()
				.string()
				.lines()
				.filter((l) -> l.startsWith("prometheus_http_requests_total{")
						&& l.contains("handler=\"/api/v1/query_range\""))
				.mapToDouble((l) -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
				.sum();
		}
		catch (java.io.IOException ex) {
			return 0;
		}
	}

}
