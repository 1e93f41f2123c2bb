package dev.dualrun.parity.batch;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunRow;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.DualRunBackends;
import dev.dualrun.parity.testing.TestStore;

/**
 * A team's shared store: two processes (the built jar in two child JVMs, as two cron
 * boxes) run the job at the same moment against one PostgreSQL database, and both runs
 * stay whole: each COMPLETED with every pair judged, in its own job execution, with the
 * verdicts of a run made alone. Runs in the {@code postgresql} executions only.
 */
class ConcurrentRunsIT {

	private static final Path JAR = Path.of("target/parity-validator.jar");

	@TempDir
	Path work;

	@Test
	void twoProcessesRunAtOnceAgainstOnePostgresqlAndBothRunsStayWhole() throws Exception {
		assertThat(TestStore.postgres()).as("run with -D" + TestStore.PROPERTY + "=postgresql").isTrue();
		assertThat(JAR).as("the jar is built by 'mvn package' before the integration tests").exists();
		Instant now = Clock.systemUTC().instant();
		try (DualRunBackends backends = DualRunBackends.start(this.work, now, 7)) {
			long p = 300;
			Instant from = Instant.ofEpochSecond((backends.fixture.start.getEpochSecond() / p + 12) * p);
			Instant to = Instant.ofEpochSecond((now.getEpochSecond() - 900) / p * p);
			Path mapping = this.work.resolve("mapping.yml");
			Files.copy(Path.of("src/test/resources/it/dual-run-mapping.yml"), mapping);
			String shared = TestStore.url(this.work.resolve("shared"));
			// alone first, in a store of its own: the verdicts both concurrent runs must
			// give
			CliRun alone = CliRun.of(List.of("run", "--mapping", mapping.toString(), "--from", from.toString(), "--to",
					to.toString(), "--prometheus-url", backends.prometheus.url(), "--cloudwatch-endpoint",
					backends.cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1", "--data-dir",
					this.work.resolve("alone").toString(), "--reports-dir", this.work.resolve("r0").toString()));
			assertThat(alone.exitCode()).as(alone.err()).isEqualTo(1);
			Map<String, String> expected = verdicts(backends.store("alone"), 1);
			List<Process> children = new ArrayList<>();
			for (String box : List.of("a", "b")) {
				List<String> command = new ArrayList<>(List.of(
						Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
						"run", "--mapping", mapping.toString(), "--from", from.toString(), "--to", to.toString(),
						"--prometheus-url", backends.prometheus.url(), "--cloudwatch-endpoint",
						backends.cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1", "--data-dir",
						this.work.resolve(box).toString(), "--reports-dir",
						this.work.resolve("reports-" + box).toString(), "--datasource-url", shared));
				ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(this.work.resolve(box + ".log").toFile());
				builder.environment().put("AWS_ACCESS_KEY_ID", DualRunBackends.ACCESS_KEY);
				builder.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
				children.add(builder.start());
			}
			for (int i = 0; i < children.size(); i++) {
				Process child = children.get(i);
				assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("box %d finished", i).isTrue();
				String log = Files.readString(this.work.resolve(List.of("a", "b").get(i) + ".log"),
						StandardCharsets.UTF_8);
				assertThat(child.exitValue()).as(log).isEqualTo(1);
			}
			ParityStore store = ParityStore.open(TestStore.dataSource(this.work.resolve("shared")), Clock.systemUTC());
			List<RunRow> runs = store.latestRuns(10);
			assertThat(runs).hasSize(2);
			assertThat(runs).extracting(RunRow::id).doesNotHaveDuplicates();
			assertThat(runs).extracting(RunRow::jobExecutionId).doesNotHaveDuplicates();
			// they did run at once
			assertThat(runs.get(0).startedAt()).isBefore(runs.get(1).finishedAt());
			assertThat(runs.get(1).startedAt()).isBefore(runs.get(0).finishedAt());
			for (RunRow run : runs) {
				assertThat(run.status()).isEqualTo("COMPLETED");
				assertThat(run.pairsTotal()).isEqualTo(expected.size());
				assertThat(verdicts(store, run.id())).as("run %d", run.id()).isEqualTo(expected);
			}
		}
	}

	private static Map<String, String> verdicts(ParityStore store, long runId) {
		Map<String, String> byId = new TreeMap<>();
		store.results().results(runId).forEach((r) -> byId.put(r.pairId(), r.verdict().name()));
		return byId;
	}

}
