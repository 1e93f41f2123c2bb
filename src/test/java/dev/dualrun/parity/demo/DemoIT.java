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
	void theDemosVerdictsAreTheInjectedOnesAndAJudgementAgainReproducesThem() {
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
	}

}
