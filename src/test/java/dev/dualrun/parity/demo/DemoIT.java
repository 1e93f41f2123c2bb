package dev.dualrun.parity.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RejudgeCheck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.TestStore;

/**
 * The README's first command: the demo runs the real job on its seeded backends, every
 * verdict is the one its scenario injected, and its run judged again with the same
 * tolerances gives the same verdicts, diagnoses and q-values.
 */
class DemoIT {

	@TempDir
	Path dir;

	@Test
	void theDemosVerdictsAreTheInjectedOnesAndAJudgementAgainReproducesThem() throws Exception {
		Path data = this.dir.resolve("data");
		CliRun run = CliRun.of(List.of("demo", "--data-dir", data.toString(), "--reports-dir",
				this.dir.resolve("reports").toString()));
		assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
		assertThat(run.out()).contains("demo: 18 of 18 verdicts match the injected discrepancies",
				"demo: 5 of 5 alert verdicts match the injected defects", "report: ");
		ParityStore store = ParityStore.open(TestStore.dataSource(data), Clock.systemUTC());
		long runId = store.latestRuns(1).get(0).id();
		long again = RejudgeCheck.reproduces(store, runId);
		assertThat(store.run(again).orElseThrow().judgedFrom()).isEqualTo(runId);
		// the demo wrote its run's fixes beside its mapping; fix prints the diff
		Path rules = data.resolve("demo/rules.yml").toAbsolutePath();
		Path fixedRules = data.resolve("demo/rules.yml.fixed").toAbsolutePath();
		assertThat(run.out()).contains("fix: 3 pair(s) fixed in " + data.resolve("demo/mappings.fixed.yml"),
				"payment-latency-orders-post (UNIT_FACTOR): unit-factor 1 -> 1000", "requests-users-get (SHIFT)",
				"edge-payment-retries (IDENTITY): external-labels {region: \"eu\"} declared",
				"2 alert rule(s) fixed in " + fixedRules,
				"pool-saturation-ticket (FOR_TOO_LONG): for: 5m in rule pool/PoolSaturationTicket",
				"pool-usage-high (THRESHOLD_UNIT_FACTOR): threshold 0.85 in rule PoolUsageHigh");
		CliRun fix = CliRun.of(List.of("fix", "--run", Long.toString(runId), "--data-dir", data.toString(), "--rules",
				rules.toString()));
		assertThat(fix.exitCode()).as(fix.err()).isZero();
		assertThat(fix.out()).contains("+    unit-factor: 1000    # wrong: Prometheus is in seconds",
				"-        sum by (path, method) (increase(flask_http_request_duration_seconds_count{path=\"/api/users\","
						+ "method=\"GET\"}[${period}] offset ${period}))",
				"prove it: java -jar target/parity-validator.jar run --mapping", "-        for: 1800s",
				"+        for: 5m",
				"+          avg by (host) (avg_over_time(db_pool_usage_ratio{host=\"web-1\"}[1m])) > 0.85",
				"prove the rules: check them (promtool check rules " + fixedRules + ")");
		// Prometheus' own checker reads the fixed rule file
		assertThat(promtool("check", "rules", fixedRules.toString())).contains("SUCCESS: 5 rules found");
	}

	private static String promtool(String... args) throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of("promtool"));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(p.waitFor()).as(out).isZero();
		return out;
	}

}
