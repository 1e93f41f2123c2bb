package dev.dualrun.parity.batch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunRow;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.DualRunBackends;
import dev.dualrun.parity.testing.TestStore;

/**
 * Remote partitioning for real: a manager ({@code run --remote}) and worker processes
 * ({@code worker}), each the built jar in a child JVM, with the machine's RabbitMQ
 * between them and its PostgreSQL as their shared store, against the real Prometheus and
 * the CloudWatch-compatible server (slowed, so that a kill falls inside a partition).
 * Checked: the verdicts are those of a run made by one process; a worker killed
 * ({@code kill -9}) mid-partition loses nothing (its partition goes to the other worker);
 * a manager and its worker killed mid-run, then {@code restart --run N}, sends only the
 * partitions not finished. Runs in the {@code postgresql} executions only.
 */
class RemotePartitioningIT {

	private static final Path JAR = Path.of("target/parity-validator.jar");

	private static final String BROKER = "amqp://guest:guest@127.0.0.1:5672";

	// kept when a test fails: the logs of the manager and the workers tell why
	@TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
	static Path work;

	private static DualRunBackends backends;

	private static Instant from;

	private static Instant to;

	private static Path mapping;

	private static Map<String, String> alone;

	private static final List<String> queues = new ArrayList<>();

	private final List<Process> processes = new ArrayList<>();

	@BeforeAll
	static void startBackendsAndRunAlone() throws Exception {
		assertThat(TestStore.postgres()).as("run with -D" + TestStore.PROPERTY + "=postgresql").isTrue();
		assertThat(JAR).as("the jar is built by 'mvn package' before the integration tests").exists();
		Instant now = Clock.systemUTC().instant();
		backends = DualRunBackends.start(work, now, 7);
		long p = 300;
		from = Instant.ofEpochSecond((backends.fixture.start.getEpochSecond() / p + 12) * p);
		to = Instant.ofEpochSecond((now.getEpochSecond() - 900) / p * p);
		mapping = work.resolve("mapping.yml");
		Files.copy(Path.of("src/test/resources/it/dual-run-mapping.yml"), mapping);
		// one process, its own store: the verdicts every remote run must give
		CliRun run = CliRun.of(command("run", "alone", "--mapping", mapping.toString(), "--from", from.toString(),
				"--to", to.toString(), "--reports-dir", work.resolve("reports-alone").toString()));
		assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
		alone = verdicts(ParityStore.open(TestStore.dataSource(work.resolve("alone")), Clock.systemUTC()), 1);
		assertThat(alone).hasSizeGreaterThan(8);
	}

	@AfterAll
	static void stopBackends() throws Exception {
		CachingConnectionFactory broker = new CachingConnectionFactory(java.net.URI.create(BROKER));
		try {
			RabbitAdmin admin = new RabbitAdmin(broker);
			queues.forEach(admin::deleteQueue);
		}
		finally {
			broker.destroy();
		}
		if (backends != null) {
			backends.close();
		}
	}

	@org.junit.jupiter.api.AfterEach
	void killChildren() {
		this.processes.forEach(Process::destroyForcibly);
	}

	@Test
	void aManagerAndTwoWorkersGiveTheVerdictsOfOneProcessEvenWhenAWorkerIsKilledMidPartition() throws Exception {
		String store = "shared-kill";
		String queue = queue();
		backends.cloudwatch.faults().delay(Duration.ofMillis(1500));
		try {
			Process a = worker(store, queue, "a");
			Process b = worker(store, queue, "b");
			Process manager = start(store, "manager-kill",
					List.of("run", "--mapping", mapping.toString(), "--from", from.toString(), "--to", to.toString(),
							"--remote", "--workers", "2", "--partition-size", "2", "--broker", BROKER, "--queue", queue,
							"--reports-dir", work.resolve("reports-kill").toString()));
			// kill -9 worker a inside a partition of fetch-old (a GetMetricData call of
			// 1.5 s in flight)
			String started = waitForLine(work.resolve("a.log"), "step fetch-old-partition:", " started");
			a.destroyForcibly().waitFor();
			assertThat(manager.waitFor(240, TimeUnit.SECONDS)).as(log("manager-kill")).isTrue();
			assertThat(manager.exitValue()).as(log("manager-kill")).isEqualTo(1);
			String partition = started.replaceAll(".*step (fetch-old-partition:\\S+) started.*", "$1");
			assertThat(log("b")).as("worker b took up %s", partition).contains(partition + " taken up again");
			ParityStore shared = ParityStore.open(TestStore.dataSource(work.resolve(store)), Clock.systemUTC());
			RunRow run = shared.latestRuns(1).get(0);
			assertThat(run.status()).isEqualTo("COMPLETED");
			assertThat(verdicts(shared, run.id())).isEqualTo(alone);
			// 12 pairs in partitions of 2: 6 partitions a step, each run once by a
			// worker, a's run on by b
			Map<String, String> partitions = partitions(TestStore.dataSource(work.resolve(store)), null);
			assertThat(partitions).hasSize(2 * ((alone.size() + 1) / 2));
			assertThat(partitions.values()).containsOnly("COMPLETED");
			assertThat(log("b")).contains("step compare-partition:");
			assertThat(b.isAlive()).isTrue();
		}
		finally {
			backends.cloudwatch.faults().delay(Duration.ZERO);
		}
	}

	@Test
	void aRestartAfterTheManagerAndItsWorkerDiedSendsOnlyThePartitionsNotFinished() throws Exception {
		String store = "shared-restart";
		String queue = queue();
		backends.cloudwatch.faults().delay(Duration.ofMillis(1500));
		try {
			Process a = worker(store, queue, "c");
			Process manager = start(store, "manager-restart",
					List.of("run", "--mapping", mapping.toString(), "--from", from.toString(), "--to", to.toString(),
							"--remote", "--partition-size", "2", "--broker", BROKER, "--queue", queue, "--reports-dir",
							work.resolve("reports-restart").toString()));
			DataSource db = TestStore.dataSource(work.resolve(store));
			// both die once two partitions of fetch-old are finished
			waitFor(() -> completed(partitions(db, null)).size() >= 2, Duration.ofSeconds(120), "two partitions");
			manager.destroyForcibly().waitFor();
			a.destroyForcibly().waitFor();
			Map<String, String> first = partitions(db, null);
			Set<String> finished = completed(first);
			assertThat(finished).isNotEmpty();
			assertThat(first).as("not every partition had finished").hasSizeGreaterThan(finished.size());
			backends.cloudwatch.faults().delay(Duration.ZERO);
			ParityStore shared = ParityStore.open(db, Clock.systemUTC());
			RunRow run = shared.latestRuns(1).get(0);
			// the restart first, then the workers: the requests the dead manager left in
			// the queue are met by workers only once the run is recovered, and skipped
			Process restart = start(store, "restart", List.of("restart", "--run", Long.toString(run.id()), "--broker",
					BROKER, "--queue", queue, "--reports-dir", work.resolve("reports-restart").toString()));
			waitForLine(work.resolve("restart.log"), "run " + run.id() + ": restarted as job execution", "");
			worker(store, queue, "d");
			worker(store, queue, "e");
			assertThat(restart.waitFor(240, TimeUnit.SECONDS)).as(log("restart")).isTrue();
			assertThat(restart.exitValue()).as(log("restart")).isEqualTo(1);
			assertThat(log("d") + log("e")).as("the dead manager's requests left in the queue")
				.contains("skipped: the partition is FAILED");
			RunRow done = shared.run(run.id()).orElseThrow();
			assertThat(done.status()).isEqualTo("COMPLETED");
			assertThat(verdicts(shared, run.id())).isEqualTo(alone);
			// the restart's job execution ran only the partitions not finished before
			Map<String, String> second = partitions(db, done.jobExecutionId());
			assertThat(second.keySet()).doesNotContainAnyElementsOf(finished);
			Set<String> unfinished = new TreeSet<>(first.keySet());
			unfinished.removeAll(finished);
			assertThat(named(second.keySet(), "fetch-old-partition:"))
				.isEqualTo(named(unfinished, "fetch-old-partition:"));
			assertThat(named(second.keySet(), "compare-partition:")).hasSize((alone.size() + 1) / 2);
			assertThat(second.values()).containsOnly("COMPLETED");
			assertThat(log("d") + log("e")).contains("step fetch-old-partition:");
		}
		finally {
			backends.cloudwatch.faults().delay(Duration.ZERO);
		}
	}

	@Test
	void aManagerWhoseBrokerIsDownFailsItsRunInOneLineAndRecordsIt() throws Exception {
		String store = "shared-down";
		CliRun run = CliRun.of(command("run", store, "--mapping", mapping.toString(), "--from", from.toString(), "--to",
				to.toString(), "--remote", "--broker", "amqp://guest:hunter2@127.0.0.1:1", "--reports-dir",
				work.resolve("reports-down").toString()));
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		assertThat(run.errLines()).hasSize(1);
		assertThat(run.errLines().get(0))
			.startsWith("parity-validator: run 1 failed: broker amqp://guest:***@127.0.0.1:1 unreachable");
		assertThat(run.out() + run.err()).doesNotContain("hunter2").doesNotContain("\tat ");
		RunRow failed = ParityStore.open(TestStore.dataSource(work.resolve(store)), Clock.systemUTC())
			.run(1)
			.orElseThrow();
		assertThat(failed.status()).isEqualTo("FAILED");
		assertThat(failed.error()).contains("unreachable");
	}

	@Test
	void aPartitionThatFailsOnAWorkerFailsTheRunNamingThePartitionAndTheCause() throws Exception {
		String store = "shared-misconfigured";
		String queue = queue();
		// a worker set up for another region than the manager's
		List<String> args = new ArrayList<>(command("worker", store, "--broker", BROKER, "--queue", queue));
		args.set(args.indexOf("us-east-1"), "eu-north-1");
		startJar("f", args);
		waitForLine(work.resolve("f.log"), "worker: taking partitions from", "");
		CliRun run = CliRun.of(command("run", store, "--mapping", mapping.toString(), "--from", from.toString(), "--to",
				to.toString(), "--remote", "--partition-size", "5", "--broker", BROKER, "--queue", queue,
				"--reports-dir", work.resolve("reports-misconfigured").toString()));
		assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
		assertThat(run.errLines()).hasSize(1);
		assertThat(run.errLines().get(0)).contains("run 1 failed: partition cloudwatch-us-east-1-00")
			.contains("failed on a worker")
			.contains("none of its pairs in 'cloudwatch us-east-1'");
		assertThat(log("f")).doesNotContain("\tat ");
	}

	private static Set<String> named(Set<String> names, String prefix) {
		Set<String> kept = new TreeSet<>();
		names.stream().filter((n) -> n.startsWith(prefix)).forEach(kept::add);
		return kept;
	}

	private static String queue() {
		String name = "parity.it." + Long.toHexString(System.nanoTime());
		queues.add(name);
		return name;
	}

	private Process worker(String store, String queue, String name) throws Exception {
		Process p = start(store, name, List.of("worker", "--broker", BROKER, "--queue", queue));
		waitForLine(work.resolve(name + ".log"), "worker: taking partitions from", "");
		return p;
	}

	/** The jar in a child JVM, on the store of that name, its output to NAME.log. */
	private Process start(String store, String name, List<String> args) throws Exception {
		return startJar(name, command(args.get(0), store, args.subList(1, args.size()).toArray(String[]::new)));
	}

	/** The jar in a child JVM with these arguments, its output to NAME.log. */
	private Process startJar(String name, List<String> args) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
						JAR.toString()));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve(name + ".log").toFile());
		builder.environment().put("AWS_ACCESS_KEY_ID", DualRunBackends.ACCESS_KEY);
		builder.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
		Process p = builder.start();
		this.processes.add(p);
		return p;
	}

	/**
	 * A command with the backends and the named store (a PostgreSQL database of its own).
	 */
	private static List<String> command(String verb, String store, String... args) {
		List<String> c = new ArrayList<>(List.of(verb));
		c.addAll(List.of(args));
		c.addAll(List.of("--prometheus-url", backends.prometheus.url(), "--cloudwatch-endpoint",
				backends.cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1", "--data-dir",
				work.resolve(store).toString(), "--datasource-url", TestStore.url(work.resolve(store))));
		return c;
	}

	private static String waitForLine(Path log, String part, String end) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (Files.exists(log)) {
				for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
					if (line.contains(part) && line.endsWith(end)) {
						return line;
					}
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no line with '" + part + "' in " + log + ":\n"
				+ (Files.exists(log) ? Files.readString(log) : "(no log)"));
	}

	private static void waitFor(BooleanSupplier condition, Duration timeout, String what) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			Thread.sleep(100);
		}
	}

	private static String log(String name) {
		try {
			return Files.readString(work.resolve(name + ".log"), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			return "(no log " + name + ")";
		}
	}

	/**
	 * @param jobExecutionId one job execution, or null for the last execution of each
	 * partition
	 * @return partition step name to status
	 */
	private static Map<String, String> partitions(DataSource db, Long jobExecutionId) {
		Map<String, String> byName = new TreeMap<>();
		try (Connection c = db.getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT STEP_NAME, STATUS, JOB_EXECUTION_ID FROM BATCH_STEP_EXECUTION "
						+ "WHERE STEP_NAME LIKE '%-partition:%' ORDER BY STEP_EXECUTION_ID")) {
			while (rs.next()) {
				if (jobExecutionId == null || jobExecutionId == rs.getLong(3)) {
					byName.put(rs.getString(1), rs.getString(2));
				}
			}
		}
		catch (java.sql.SQLException ex) {
			// the repository's tables are not there yet
		}
		return byName;
	}

	private static Set<String> completed(Map<String, String> partitions) {
		Set<String> names = new TreeSet<>();
		partitions.forEach((n, s) -> {
			if ("COMPLETED".equals(s)) {
				names.add(n);
			}
		});
		return names;
	}

	private static Map<String, String> verdicts(ParityStore store, long runId) {
		Map<String, String> byId = new HashMap<>();
		store.results().results(runId).forEach((r) -> byId.put(r.pairId(), r.verdict().name()));
		return new TreeMap<>(byId);
	}

}
