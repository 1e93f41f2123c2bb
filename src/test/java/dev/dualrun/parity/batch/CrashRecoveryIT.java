package dev.dualrun.parity.batch;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.demo.CloudWatchCompatibleServer;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RejudgeCheck;
import dev.dualrun.parity.store.RunRow;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.DualRunBackends;
import dev.dualrun.parity.testing.DualRunFixture;
import dev.dualrun.parity.testing.FaultyProxy;
import dev.dualrun.parity.testing.Fixtures;
import dev.dualrun.parity.testing.RealPrometheus;
import dev.dualrun.parity.testing.TestStore;

/**
 * {@code kill -9} of the real job (the built jar in a child JVM) during fetch-old,
 * compare, recheck and report, then {@code restart --run N} with no SQL by hand: the
 * crashed execution is recovered with Spring Batch's own means and the run ends with the
 * verdicts of an uninterrupted run, no duplicate rows, and no CloudWatch call for pairs
 * already stored. Also: a completed run with ERROR pairs is resumed for those pairs
 * alone.
 */
class CrashRecoveryIT {

	private static final Path JAR = Path.of("target/parity-validator.jar");

	@TempDir
	static Path work;

	private static DualRunBackends backends;

	private static CloudWatchCompatibleServer cloudwatch;

	private static RealPrometheus prometheus;

	private static Instant from;

	private static Instant to;

	private static Path mapping;

	private static Map<String, String> clean;

	@BeforeAll
	static void startBackends() throws Exception {
		assertThat(JAR).as("the jar is built by 'mvn package' before the integration tests").exists();
		Instant now = Clock.systemUTC().instant();
		backends = DualRunBackends.start(work, now, 7);
		DualRunFixture fixture = backends.fixture;
		cloudwatch = backends.cloudwatch;
		prometheus = backends.prometheus;
		long p = 900;
		from = Instant.ofEpochSecond((fixture.start.getEpochSecond() / p + 4) * p);
		to = Instant.ofEpochSecond((now.getEpochSecond() - 900) / p * p);
		// two pairs in each of three periods: three GetMetricData calls
		mapping = Fixtures.copy("mappings/job/crash-recovery.yml", work.resolve("mapping.yml"));
		CliRun run = CliRun.of(args("run", "clean", prometheus.url()));
		assertThat(run.exitCode()).as(run.err()).isZero();
		clean = verdicts("clean", 1);
		assertThat(clean).hasSize(6).containsValue("PASS").doesNotContainValue("ERROR");
	}

	@AfterAll
	static void stopBackends() throws Exception {
		backends.close();
	}

	@Test
	void killedBetweenTwoCloudWatchCallsTheRestartAsksOnlyForTheRest() throws Exception {
		cloudwatch.faults().delay(Duration.ofMillis(1500));
		try {
			killAt("fetch-old", "CloudWatch batch 1 of 3 answered", 400, prometheus.url());
		}
		finally {
			cloudwatch.faults().clear();
		}
		long before = cloudwatch.calls("GetMetricData");
		restartAndCompare("fetch-old");
		// the pairs of the first call were stored when its chunk committed
		assertThat(cloudwatch.calls("GetMetricData") - before).isEqualTo(2);
	}

	@Test
	void killedDuringCompareTheRestartFinishesWithTheSameVerdicts() throws Exception {
		try (FaultyProxy slow = FaultyProxy.start(prometheus.url(), 0, 503, 1).delay(400)) {
			killAt("compare", "step compare started", 1200, slow.url());
		}
		long before = cloudwatch.calls("GetMetricData");
		restartAndCompare("compare");
		assertThat(cloudwatch.calls("GetMetricData")).as("every CloudWatch series was stored").isEqualTo(before);
	}

	@Test
	void killedDuringTheReportTheRunIsNotCompletedAndTheRestartWritesIt() throws Exception {
		// the report step is short: a kill that comes too late is tried again
		String name = null;
		for (int attempt = 0; attempt < 3 && name == null; attempt++) {
			String candidate = "report" + attempt;
			killAt(candidate, "report", "step report started", 0, prometheus.url());
			if ("RUNNING".equals(store(candidate).run(1).orElseThrow().status())) {
				name = candidate;
			}
		}
		assertThat(name).as("a kill during the report step in 3 attempts").isNotNull();
		assertThat(work.resolve(name + "-reports").resolve("run-1.html")).doesNotExist();
		long before = cloudwatch.calls("GetMetricData");
		restartAndCompare(name);
		assertThat(cloudwatch.calls("GetMetricData")).isEqualTo(before);
		assertThat(work.resolve(name + "-reports").resolve("run-1.html")).exists();
		// what the killed writer left under hidden temporary names is gone
		assertThat(work.resolve(name + "-reports")).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void killedDuringTheRecheckTheRestartReadsAgainOnceWithTheSameVerdict() throws Exception {
		// the newest 20 minutes reach CloudWatch only after the first GetMetricData call:
		// the pair fails only there, and the recheck finds it UNSETTLED
		Instant cut = to.minusSeconds(20 * 60);
		try (CloudWatchCompatibleServer late = CloudWatchCompatibleServer.start(Clock.systemUTC(), null);
				CloudWatchClient client = DualRunBackends.client(late)) {
			backends.fixture.publish(client, (t) -> t.isBefore(cut));
			late.afterNextCall("GetMetricData", () -> backends.fixture.publish(client, (t) -> !t.isBefore(cut)));
			List<String> run = args("run", "recheck", prometheus.url());
			run.set(run.indexOf(cloudwatch.endpoint().toString()), late.endpoint().toString());
			run.addAll(List.of("--metric", "requests-users-5m", "--settle-recheck", "10m"));
			killChild("recheck", "recheck", "reading them again", 300, run);
			assertThat(late.calls("GetMetricData")).as("killed in the pause, before the re-read").isEqualTo(1);
			CliRun restart = CliRun.of(List.of("restart", "--run", "1", "--data-dir",
					work.resolve("recheck").toString(), "--reports-dir", work.resolve("recheck-reports").toString(),
					"--prometheus-url", prometheus.url(), "--cloudwatch-endpoint", late.endpoint().toString(),
					"--cloudwatch-region", "us-east-1", "--settle-recheck", "1s"));
			assertThat(restart.exitCode()).as(restart.out() + restart.err()).isEqualTo(1);
			var result = store("recheck").results().results(1).get(0);
			assertThat(result.verdict().name()).as(result.summary()).isEqualTo("UNSETTLED");
			assertThat(result.summary()).contains("newest 30 minutes changed when read again",
					"CloudWatch: 4 period(s)");
			assertThat(late.calls("GetMetricData")).as("the first read and one re-read, nothing fetched twice")
				.isEqualTo(2);
			assertThat(store("recheck").run(1).orElseThrow().status()).isEqualTo("COMPLETED");
			assertThat(count("recheck", "SELECT COUNT(*) FROM pair_result")).isEqualTo(1);
			// both sides as first read, and as read again (what a re-judgement settles
			// on)
			assertThat(count("recheck", "SELECT COUNT(*) FROM series_evidence")).isEqualTo(4);
			RejudgeCheck.reproduces(store("recheck"), 1);
			assertThat(work.resolve("recheck-reports").resolve("run-1.html")).exists();
		}
	}

	@Test
	void aCompletedRunsErrorPairsAreJudgedAgainAlone() throws Exception {
		// one pair's Prometheus answers fail, the run completes with one ERROR
		try (FaultyProxy flaky = FaultyProxy.start(prometheus.url(), 0, 503, 1)) {
			System.setProperty("parity.prometheus.retry.max-attempts", "1");
			flaky.failQueriesContaining("api/users");
			CliRun run = CliRun.of(args("run", "errors", flaky.url()));
			assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
		}
		finally {
			System.clearProperty("parity.prometheus.retry.max-attempts");
		}
		RunRow first = store("errors").run(1).orElseThrow();
		assertThat(first.status()).isEqualTo("COMPLETED");
		assertThat(first.errorCount()).isEqualTo(3);
		long before = cloudwatch.calls("GetMetricData");
		CliRun resumed = CliRun.of(List.of("restart", "--run", "1", "--data-dir", work.resolve("errors").toString(),
				"--reports-dir", work.resolve("errors-reports").toString(), "--prometheus-url", prometheus.url(),
				"--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1"));
		assertThat(resumed.exitCode()).as(resumed.err()).isZero();
		assertThat(verdicts("errors", 1)).isEqualTo(clean);
		RunRow after = store("errors").run(1).orElseThrow();
		assertThat(after.errorCount()).isZero();
		assertThat(after.neu().calls() - first.neu().calls())
			.as("only the 3 errored pairs asked again, and the buildinfo")
			.isEqualTo(3 + 1);
		assertThat(cloudwatch.calls("GetMetricData")).isEqualTo(before);
		assertThat(store("errors").latestRuns(5)).hasSize(1);
		CliRun again = CliRun.of(List.of("restart", "--run", "1", "--data-dir", work.resolve("errors").toString(),
				"--prometheus-url", prometheus.url(), "--cloudwatch-endpoint", cloudwatch.endpoint().toString(),
				"--cloudwatch-region", "us-east-1"));
		assertThat(again.exitCode()).as("nothing errored any more: nothing to restart").isEqualTo(2);
		assertThat(again.errLines()).singleElement().asString().contains("completed with no ERROR pair");
	}

	private static void killAt(String step, String line, long afterMillis, String prometheusUrl) throws Exception {
		killAt(step, step, line, afterMillis, prometheusUrl);
	}

	/**
	 * Runs the jar in a child JVM and kills it with SIGKILL once it printed the line (and
	 * the pause has passed), then checks the crash left the step STARTED.
	 */
	private static void killAt(String name, String step, String line, long afterMillis, String prometheusUrl)
			throws Exception {
		killChild(name, step, line, afterMillis, args("run", name, prometheusUrl));
	}

	/**
	 * Runs the jar with these arguments in a child JVM and kills it with SIGKILL once it
	 * printed the line (and the pause has passed), then checks the crash left the step
	 * STARTED (but in the report step, which may end first).
	 */
	private static void killChild(String name, String step, String line, long afterMillis, List<String> arguments)
			throws Exception {
		List<String> command = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString()));
		command.addAll(arguments);
		command.addAll(List.of("--threads", "1"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDPARITY");
		builder.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
		builder.environment().put("PARITY_CLOUDWATCH_CONCURRENCY", "1");
		builder.environment().put("PARITY_PROMETHEUS_CONCURRENCY", "1");
		Process child = builder.start();
		StringBuilder seen = new StringBuilder();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String l;
			while ((l = out.readLine()) != null) {
				seen.append(l).append('\n');
				if (l.contains(line)) {
					if (afterMillis > 0) {
						Thread.sleep(afterMillis);
					}
					child.destroyForcibly();
					break;
				}
			}
		}
		assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(child.exitValue()).as("killed by SIGKILL: %s", seen).isEqualTo(137);
		if (!name.startsWith("report")) {
			assertThat(stepStatus(name, step)).as(seen.toString()).isEqualTo("STARTED");
			assertThat(store(name).run(1).orElseThrow().status()).isEqualTo("RUNNING");
		}
	}

	private static void restartAndCompare(String name) throws Exception {
		// the embedded store is one process's at a time: a run it shows RUNNING is dead
		CliRun runs = CliRun.of(List.of("runs", "--data-dir", work.resolve(name).toString()));
		assertThat(runs.out()).as(runs.out())
			.contains(dev.dualrun.parity.testing.TestStore.postgres() ? "RUNNING" : "run 1 STOPPED: its process ended")
			.contains(dev.dualrun.parity.testing.TestStore.postgres() ? "" : "restart --run 1 continues it");
		CliRun restart = CliRun.of(List.of("restart", "--run", "1", "--data-dir", work.resolve(name).toString(),
				"--reports-dir", work.resolve(name + "-reports").toString(), "--prometheus-url", prometheus.url(),
				"--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1"));
		assertThat(restart.exitCode()).as(restart.out() + restart.err()).isZero();
		assertThat(restart.errLines()).isEmpty();
		assertThat(verdicts(name, 1)).isEqualTo(clean);
		RunRow run = store(name).run(1).orElseThrow();
		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(run.reportPath()).isNotNull();
		assertThat(count(name, "SELECT COUNT(*) FROM pair_result")).isEqualTo(6);
		assertThat(count(name, "SELECT COUNT(*) FROM series_evidence")).isEqualTo(12);
		assertThat(count(name, "SELECT COUNT(*) FROM run_pair")).isEqualTo(6);
		assertThat(count(name, "SELECT COUNT(*) FROM parity_run")).isEqualTo(1);
		assertThat(count(name, "SELECT COUNT(*) FROM series_evidence WHERE packed IS NULL")).isZero();
	}

	private static List<String> args(String command, String name, String prometheusUrl) {
		return new ArrayList<>(TestStore.withStore(List.of(command, "--from", from.toString(), "--to", to.toString(),
				"--prometheus-url", prometheusUrl, "--cloudwatch-endpoint", cloudwatch.endpoint().toString(),
				"--cloudwatch-region", "us-east-1", "--data-dir", work.resolve(name).toString(), "--reports-dir",
				work.resolve(name + "-reports").toString(), "--mapping", mapping.toString())));
	}

	private static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String stepStatus(String name, String step) throws Exception {
		try (Connection c = dataSource(name).getConnection();
				Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '" + step
						+ "' ORDER BY STEP_EXECUTION_ID DESC")) {
			return r.next() ? r.getString(1) : null;
		}
	}

	private static long count(String name, String sql) throws Exception {
		try (Connection c = dataSource(name).getConnection();
				Statement s = c.createStatement();
				ResultSet r = s.executeQuery(sql)) {
			r.next();
			return r.getLong(1);
		}
	}

	private static Map<String, String> verdicts(String name, long runId) {
		Map<String, String> byId = new TreeMap<>();
		store(name).results().results(runId).forEach((r) -> byId.put(r.pairId(), r.verdict().name()));
		return byId;
	}

	private static javax.sql.DataSource dataSource(String name) {
		return backends.dataSource(name);
	}

	private static ParityStore store(String name) {
		return backends.store(name);
	}

}
