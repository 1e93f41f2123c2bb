package dev.dualrun.parity.cli;

import java.util.List;

import java.io.PrintWriter;

import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.store.RunRow;

/** What the CLI prints: results on standard output, one-line errors on standard error. */
final class Console {

	private final PrintWriter out;

	private final PrintWriter err;

	Console(PrintWriter out, PrintWriter err) {
		this.out = out;
		this.err = err;
	}

	/**
	 * @param spec the running command's spec
	 * @return a console on the command line's output and error writers
	 */
	static Console of(picocli.CommandLine.Model.CommandSpec spec) {
		return new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
	}

	void line(String text) {
		this.out.println(text);
		this.out.flush();
	}

	int error(int code, String message) {
		this.err.println("parity-validator: " + oneLine(message));
		this.err.flush();
		return code;
	}

	/**
	 * Prints a failure in one line, and its stack trace only with {@code --debug}.
	 * @param code the exit code to return
	 * @param message the line
	 * @param failure the failure behind it
	 * @return the code
	 */
	int error(int code, String message, Throwable failure) {
		if (showTraces && failure != null) {
			failure.printStackTrace(this.err);
		}
		return error(code, message);
	}

	private static volatile boolean showTraces;

	/**
	 * @param on whether failures print their stack trace too ({@code --debug})
	 */
	static void showTraces(boolean on) {
		showTraces = on;
	}

	/** Prints the run's one-line summary and the report path. */
	void summary(RunRow run, List<String> alertVerdicts) {
		boolean alertsPass = alertVerdicts.stream().allMatch("PASS"::equals);
		String answer = "FAILED".equals(run.status()) ? "FAILED"
				: (run.allPassed() && alertsPass) ? "PASS" : "NOT ALL PASS";
		line(String.format(java.util.Locale.ROOT,
				"run %d %s: %d pair(s): %s; window %s .. %s; "
						+ "%s %d call(s) (minimum %d, %d retried), %d metric(s); %s %d request(s) (%d retried)",
				run.id(), answer, run.pairsTotal(), run.counts(), run.windowStart(), run.windowEnd(),
				named(run.old().system(), "old side"), run.old().calls(), run.oldMinCalls(), run.old().retries(),
				run.old().metrics(), named(run.neu().system(), "new side"), run.neu().calls(), run.neu().retries()));
		if (run.reportPath() != null) {
			line("report: " + run.reportPath());
		}
	}

	private static String named(String system, String side) {
		return (system != null) ? system : side;
	}

	static String oneLine(String message) {
		return Text.oneLine((message == null) ? "unknown error" : message);
	}

	static String oneLine(String message, int max) {
		return Text.oneLine((message == null) ? "unknown error" : message, max);
	}

}
