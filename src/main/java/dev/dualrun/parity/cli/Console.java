package dev.dualrun.parity.cli;

import java.io.PrintWriter;

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

	/** Prints the run's one-line summary and the report path. */
	void summary(RunRow run) {
		String answer = "FAILED".equals(run.status()) ? "FAILED"
				: (run.passCount() == run.pairsTotal()) ? "PASS" : "NOT ALL PASS";
		line(String.format(java.util.Locale.ROOT,
				"run %d %s: %d pair(s): %d pass, %d fail, %d no data, %d insufficient, %d error; window %s .. %s; "
						+ "CloudWatch %d call(s) (minimum %d), %d metric(s); Prometheus %d request(s)",
				run.id(), answer, run.pairsTotal(), run.passCount(), run.failCount(), run.noDataCount(),
				run.insufficientCount(), run.errorCount(), run.windowStart(), run.windowEnd(), run.cloudwatchCalls(),
				run.cloudwatchMinCalls(), run.cloudwatchMetrics(), run.prometheusCalls()));
		if (run.reportPath() != null) {
			line("report: " + run.reportPath());
		}
	}

	static String oneLine(String message) {
		return (message == null) ? "unknown error" : message.replaceAll("\\s+", " ").strip();
	}

}
