package dev.dualrun.parity.cli;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.testing.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --help} reads as text, and lists only what applies to the command. */
class HelpTest {

	@Test
	void aDescriptionIsWrappedAsOneParagraphNotLineByLine() {
		String help = CliRun.of(List.of("run", "--help")).out();
		// written as lines in the source; wrapped line by line, they left a word or two
		// alone on a line ("window," then "store the results ...")
		assertThat(help).contains("over a\nwindow, store the results and write the report.")
			.doesNotContainPattern("(?m)^window,$");
	}

	@Test
	void theExitCodesFitAnEightyColumnTerminal() {
		String help = CliRun.of(List.of("--help")).out();
		String footer = help.substring(help.indexOf("Exit codes:"));
		// a footer line longer than the terminal is wrapped to column 0 ("PASS)" alone)
		assertThat(footer.lines()).allMatch((l) -> l.length() <= 80)
			.allMatch((l) -> l.isEmpty() || l.startsWith("  ") || l.startsWith("Exit codes") || l.startsWith("Logs")
					|| l.startsWith("(--debug"));
		assertThat(footer).contains("  1  the run completed and a pair or alert pair did not pass\n");
	}

	@Test
	void urlsSettingsAndDatesAreNotCutAtTheirPunctuation() {
		String help = CliRun.of(List.of("run", "--help")).out();
		// the JDK's line breaking breaks after '.', ':' and '-'; the help wraps at spaces
		assertThat(help).contains("jdbc:postgresql://db:5432/parity", "2026-11-20T00:00:00Z",
				"amqp://user:password@mq:5672", "https://{region}.metrics.monitor.azure.com");
		assertThat(help.lines()).allMatch((l) -> l.length() <= 80);
		// and the commands' descriptions too
		assertThat(CliRun.of(List.of("signoff", "--help")).out()).contains("(exclusions.yml)");
		assertThat(CliRun.of(List.of("completion", "--help")).out()).contains("parity-validator.jar");
	}

	@Test
	void aBadValueSaysWhatToGive() {
		assertThat(CliRun.of(List.of("runs", "--last", "x")).err().strip())
			.isEqualTo("parity-validator: --last 'x': give a whole number (see runs --help)");
		assertThat(CliRun.of(List.of("runs", "--log-format", "xml")).err().strip())
			.isEqualTo("parity-validator: --log-format 'xml': give one of text, json (see runs --help)");
	}

	@Test
	void aFlagGivenTwiceTakesItsLastValue() {
		picocli.CommandLine.ParseResult parsed = ParityCli.commandLine()
			.parseArgs("runs", "--last", "5", "--last", "7");
		assertThat(parsed.subcommand().matchedOptionValue("--last", 0)).isEqualTo(7);
	}

	@Test
	void onlyTheToolHasAVersion() {
		assertThat(CliRun.of(List.of("--help")).out()).contains("-V, --version");
		assertThat(CliRun.of(List.of("runs", "--help")).out()).doesNotContain("--version", "-hV", "--reports-dir");
	}

	@Test
	void aCommandListsOnlyTheFlagsThatApplyToIt() {
		String inventory = CliRun.of(List.of("inventory", "--help")).out();
		assertThat(inventory).contains("--cloudwatch-region").doesNotContain("--settle", "--threads");
		String run = CliRun.of(List.of("run", "--help")).out();
		assertThat(run).contains("--settle=DURATION", "--settle-recheck=DURATION", "--threads=N");
	}

}
