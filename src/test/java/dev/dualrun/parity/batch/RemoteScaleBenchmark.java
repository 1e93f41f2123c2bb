package dev.dualrun.parity.batch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.demo.CloudWatchCompatibleServer;
import dev.dualrun.parity.demo.DemoPrometheusServer;
import dev.dualrun.parity.demo.SyntheticEstate;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.JobOutput;
import dev.dualrun.parity.testing.TestStore;

/**
 * Remote partitioning measured (a benchmark, not part of the test suite): N equivalent
 * pairs (default 2,000) of 24 h at 60 s over R regions (default 4) against the
 * CloudWatch-compatible server and a Prometheus-compatible endpoint on loopback with
 * injected latency; first one process ({@code run}), then a manager
 * ({@code run --remote}) with 1, 2 and 4 worker processes ({@code worker}) through the
 * machine's RabbitMQ, every process the built jar in a child JVM on a PostgreSQL database
 * of its own. Prints and writes {@code target/benchmark/remote-scale.md}: wall times and
 * their ratio to one process, the requests in flight at each backend at most, and what
 * the broker's round trip costs a partition. Run it with
 * {@code mvn -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=RemoteScaleBenchmark -Dparity.test.store=postgresql}
 * (options {@code -Dremote.pairs}, {@code -Dremote.regions},
 * {@code -Dremote.workers=1,2,4}, {@code -Dremote.partition-size},
 * {@code -Dremote.cloudwatch-latency-ms}, {@code -Dremote.prometheus-latency-ms}).
 */
class RemoteScaleBenchmark {

	private static final String BROKER = "amqp://guest:guest@127.0.0.1:5672";

	/** -Dremote.warm-up=false: measure workers started cold. */
	private static final boolean WARM_UP = Boolean.parseBoolean(System.getProperty("remote.warm-up", "true"));

	private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2", "sa-east-1",
			"eu-central-1", "us-west-2", "ap-northeast-1", "ca-central-1");

	@Test
	void workersOneTwoFour() throws Exception {
		assertThat(TestStore.postgres()).as("run with -D" + TestStore.PROPERTY + "=postgresql").isTrue();
		int pairs = Integer.getInteger("remote.pairs", 2_000);
		int regions = Math.min(REGIONS.size(), Integer.getInteger("remote.regions", 4));
		int partitionSize = Integer.getInteger("remote.partition-size", 250);
		int[] workerCounts = Arrays.stream(System.getProperty("remote.workers", "1,2,4").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		Duration cwLatency = Duration.ofMillis(Long.getLong("remote.cloudwatch-latency-ms", 400));
		Duration promLatency = Duration.ofMillis(Long.getLong("remote.prometheus-latency-ms", 300));
		Path dir = Files.createDirectories(Path.of("target/benchmark/remote-" + pairs));
		SyntheticEstate estate = new SyntheticEstate(pairs, 42);
		Path mapping = dir.resolve("mappings.yml");
		StringBuilder yaml = new StringBuilder("defaults: { period: 1m }\npairs:\n");
		for (int i = 0; i < pairs; i++) {
			// the pairs of each region together, as a team's mapping lists them
			String region = REGIONS.get(i * regions / pairs);
			yaml.append(SyntheticEstate.mappingEntry(i)
				.replace("statistic: Average }", "statistic: Average, region: " + region + " }"));
		}
		Files.writeString(mapping, yaml);
		Instant now = Clock.systemUTC().instant();
		Instant to = Instant.ofEpochSecond((now.getEpochSecond() - 900) / 3600 * 3600);
		Instant from = to.minus(Duration.ofHours(24));
		List<Row> rows = new ArrayList<>();
		try (CloudWatchCompatibleServer cloudwatch = CloudWatchCompatibleServer.start(Clock.systemUTC(), null);
				DemoPrometheusServer prometheus = DemoPrometheusServer.start()) {
			cloudwatch.serve(estate);
			cloudwatch.faults().delay(cwLatency);
			prometheus.serve(estate);
			prometheus.delay(promLatency);
			List<String> backends = List.of("--prometheus-url", prometheus.url().toString(), "--cloudwatch-endpoint",
					cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1", "--settle-recheck", "0");
			List<String> window = List.of("--mapping", mapping.toString(), "--from", from.toString(), "--to",
					to.toString());
			// one process
			rows.add(measure("one process", 0, dir.resolve("single"), cloudwatch, prometheus, backends, window,
					List.of(), partitionSize));
			for (int k : workerCounts) {
				rows.add(measure("manager + " + k + " worker(s)", k, dir.resolve("workers-" + k), cloudwatch,
						prometheus, backends, window, List.of("--remote", "--workers", Integer.toString(k),
								"--partition-size", Integer.toString(partitionSize)),
						partitionSize));
			}
		}
		double single = rows.get(0).seconds;
		StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
				"""
						# Remote partitioning: %,d pairs x 1,440 points a side, %d regions

						CloudWatch latency %d ms, Prometheus latency %d ms (loopback, injected); workers %s; every process `java -Xmx384m -jar
						target/parity-validator.jar` on this machine (%d cores), the store on PostgreSQL, the broker RabbitMQ;
						partitions of at most %d pairs (one region each); defaults otherwise (CloudWatch 4 calls in flight within
						10 requests/s per region, shared among a region's partitions; Prometheus 8 requests in flight per process;
						4 judging threads per process).

						| setup | wall time | / one process | fetch-old (s) | compare (s) | partitions | CloudWatch calls | CloudWatch calls in flight at most (in one region) | Prometheus requests in flight at most | request to worker start, idle worker (median, ms) | last partition end to manager's step end (median, ms) | exit |
						|---|---|---|---|---|---|---|---|---|---|---|---|
						""",
				pairs, regions, cwLatency.toMillis(), promLatency.toMillis(),
				WARM_UP ? "warm (a run of 40 pairs before each measured one)" : "cold (just started)",
				Runtime.getRuntime().availableProcessors(), partitionSize));
		for (Row r : rows) {
			md.append(String.format(Locale.ROOT,
					"| %s | %.1f s | %.2f | %.1f | %.1f | %s | %d | %d (%d) | %d | %s | %s | %d |%n", r.setup,
					r.seconds, r.seconds / single, r.fetchOld, r.compare,
					(r.partitions > 0) ? Integer.toString(r.partitions) : "-", r.calls, r.cloudwatchPeak,
					r.cloudwatchRegionPeak, r.prometheusPeak, (r.dispatchMs >= 0) ? Long.toString(r.dispatchMs) : "-",
					(r.noticeMs >= 0) ? Long.toString(r.noticeMs) : "-", r.exit));
		}
		md.append(String.format(Locale.ROOT, "%nCloudWatch calls by region (last setup): %s%n",
				rows.get(rows.size() - 1).byRegion));
		System.out.println(md);
		Files.writeString(Path.of("target/benchmark/remote-scale.md"), md);
		for (Row r : rows) {
			assertThat(r.exit).as(r.setup).isZero();
		}
	}

	private static Row measure(String setup, int workers, Path dir, CloudWatchCompatibleServer cloudwatch,
			DemoPrometheusServer prometheus, List<String> backends, List<String> window, List<String> remote,
			int partitionSize) throws Exception {
		Files.createDirectories(dir);
		String queue = "parity.bench." + Long.toHexString(System.nanoTime());
		List<String> store = List.of("--data-dir", dir.resolve("data").toString(), "--datasource-url",
				TestStore.url(dir.resolve("data")));
		List<Process> children = new ArrayList<>();
		try {
			for (int i = 0; i < workers; i++) {
				List<String> args = new ArrayList<>(List.of("worker", "--broker", BROKER, "--queue", queue));
				args.addAll(backends.subList(0, 6));
				args.addAll(store);
				Path log = dir.resolve("worker-" + i + ".log");
				children.add(jar(args, log));
			}
			for (int i = 0; i < workers; i++) {
				waitForLine(dir.resolve("worker-" + i + ".log"), "worker: taking partitions");
			}
			if (workers > 0 && WARM_UP) {
				// long-lived workers are warm: a small run first (its own run in the same
				// store), not measured
				List<String> warm = new ArrayList<>(List.of("run"));
				warm.addAll(window);
				warm.set(warm.indexOf("--mapping") + 1, warmUpMapping(dir, window).toString());
				warm.addAll(backends);
				warm.addAll(store);
				warm.addAll(List.of("--reports-dir", dir.resolve("warm-up").toString()));
				warm.addAll(remote);
				// partitions of 5: every worker takes some
				warm.set(warm.indexOf("--partition-size") + 1, "5");
				warm.addAll(List.of("--broker", BROKER, "--queue", queue));
				Process p = jar(warm, dir.resolve("warm-up.log"));
				if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
					throw new AssertionError("the warm-up run failed: " + Files.readString(dir.resolve("warm-up.log")));
				}
			}
			long cwBefore = cloudwatch.calls("GetMetricData");
			Map<String, Long> regionsBefore = cloudwatch.metricDataCallsByRegion();
			cloudwatch.resetPeak();
			prometheus.resetPeak();
			List<String> args = new ArrayList<>(List.of("run"));
			args.addAll(window);
			args.addAll(backends);
			args.addAll(store);
			args.addAll(List.of("--reports-dir", dir.resolve("reports").toString()));
			args.addAll(remote);
			if (!remote.isEmpty()) {
				args.addAll(List.of("--broker", BROKER, "--queue", queue));
			}
			long t0 = System.nanoTime();
			Process manager = jarPiped(args);
			JobOutput output = JobOutput.read(manager);
			Map<String, Long> steps = output.steps();
			List<String> out = output.lines();
			manager.waitFor(60, TimeUnit.MINUTES);
			double seconds = (System.nanoTime() - t0) / 1e9;
			Files.write(dir.resolve("manager.log"), out);
			Row row = new Row();
			row.setup = setup;
			row.seconds = seconds;
			row.exit = manager.exitValue();
			row.fetchOld = steps.getOrDefault(remote.isEmpty() ? "fetch-old" : "fetch-old-remote", 0L) / 1000.0;
			row.compare = steps.getOrDefault(remote.isEmpty() ? "compare" : "compare-remote", 0L) / 1000.0;
			row.cloudwatchPeak = cloudwatch.peakInFlight();
			row.cloudwatchRegionPeak = cloudwatch.peakInFlightByRegion()
				.values()
				.stream()
				.mapToInt(Integer::intValue)
				.max()
				.orElse(0);
			row.prometheusPeak = prometheus.peakInFlight();
			Map<String, Long> byRegion = new java.util.TreeMap<>();
			cloudwatch.metricDataCallsByRegion()
				.forEach((r, n) -> byRegion.put(r, n - regionsBefore.getOrDefault(r, 0L)));
			byRegion.values().removeIf((n) -> n == 0);
			row.calls = cloudwatch.calls("GetMetricData") - cwBefore;
			row.byRegion = byRegion + " (" + row.calls + " in all)";
			if (!remote.isEmpty()) {
				partitionCosts(TestStore.dataSource(dir.resolve("data")), workers, row);
			}
			return row;
		}
		finally {
			for (Process child : children) {
				child.destroy();
			}
			for (Process child : children) {
				if (!child.waitFor(20, TimeUnit.SECONDS)) {
					child.destroyForcibly();
				}
			}
		}
	}

	/**
	 * From the job repository: for the first partitions of each manager step (as many as
	 * workers, each taken by an idle worker), the time from the request's creation to the
	 * worker's start; and for each manager step, the time from its last partition's end
	 * to its own end (the manager reads the repository every 2 s).
	 */
	private static void partitionCosts(DataSource db, int workers, Row row) throws Exception {
		List<Long> dispatch = new ArrayList<>();
		List<Long> notice = new ArrayList<>();
		int partitions = 0;
		try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
			for (String step : List.of("fetch-old", "compare")) {
				Timestamp lastEnd = null;
				try (ResultSet rs = s.executeQuery(
						"SELECT CREATE_TIME, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE '"
								+ step + "-partition:%' AND JOB_EXECUTION_ID = " + LAST + " ORDER BY START_TIME")) {
					int i = 0;
					while (rs.next()) {
						partitions++;
						if (i++ < workers) {
							dispatch.add(rs.getTimestamp(2).getTime() - rs.getTimestamp(1).getTime());
						}
						Timestamp end = rs.getTimestamp(3);
						if (lastEnd == null || end.after(lastEnd)) {
							lastEnd = end;
						}
					}
				}
				try (ResultSet rs = s.executeQuery("SELECT END_TIME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '"
						+ step + "-remote' AND JOB_EXECUTION_ID = " + LAST)) {
					if (rs.next() && lastEnd != null) {
						notice.add(rs.getTimestamp(1).getTime() - lastEnd.getTime());
					}
				}
			}
		}
		row.partitions = partitions;
		row.dispatchMs = median(dispatch);
		row.noticeMs = median(notice);
	}

	/** The first 40 pairs of the mapping, for a warm-up run. */
	private static Path warmUpMapping(Path dir, List<String> window) throws Exception {
		Path mapping = Path.of(window.get(window.indexOf("--mapping") + 1));
		List<String> lines = Files.readAllLines(mapping);
		List<String> head = new ArrayList<>(lines.subList(0, 2));
		for (int i = 2; i < lines.size() && i < 2 + 3 * 40; i++) {
			head.add(lines.get(i));
		}
		return Files.write(dir.resolve("warm-up.yml"), head);
	}

	private static final String LAST = "(SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION)";

	private static long median(List<Long> values) {
		if (values.isEmpty()) {
			return -1;
		}
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static Process jar(List<String> args, Path log) throws Exception {
		return builder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static Process jarPiped(List<String> args) throws Exception {
		return builder(args).redirectErrorStream(true).start();
	}

	private static ProcessBuilder builder(List<String> args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-jar",
						"target/parity-validator.jar"));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("AWS_ACCESS_KEY_ID", "bench");
		builder.environment().put("AWS_SECRET_ACCESS_KEY", "bench");
		return builder;
	}

	private static void waitForLine(Path log, String part) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(part)) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no '" + part + "' in " + log);
	}

	private static final class Row {

		String setup;

		double seconds;

		int exit;

		double fetchOld;

		double compare;

		int cloudwatchPeak;

		int cloudwatchRegionPeak;

		int prometheusPeak;

		int partitions;

		long calls;

		long dispatchMs = -1;

		long noticeMs = -1;

		String byRegion;

	}

}
