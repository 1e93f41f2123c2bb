package dev.dualrun.parity.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.store.RunRow;
import dev.dualrun.parity.store.TestRows;

import static org.assertj.core.api.Assertions.assertThat;

/** The run's line on the terminal agrees with its exit code. */
class ConsoleTest {

	@Test
	void aRunWhosePairsPassButAnAlertPairFailsIsNotAllPass() {
		Instant t = Instant.parse("2026-11-21T00:00:00Z");
		RunRow run = TestRows.run(4, "COMPLETED", "m.yml", t, t.plusSeconds(86_400), 3, null);
		assertThat(line(run, List.of("PASS"))).startsWith("run 4 PASS: 3 pair(s)");
		assertThat(line(run, List.of("PASS", "FAIL"))).startsWith("run 4 NOT ALL PASS: 3 pair(s)");
		assertThat(ExitCodes.of(run, List.of("PASS", "FAIL"))).isEqualTo(ExitCodes.NOT_ALL_PASS);
	}

	private static String line(RunRow run, List<String> alerts) {
		StringWriter out = new StringWriter();
		new Console(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)).summary(run, alerts);
		return out.toString();
	}

}
