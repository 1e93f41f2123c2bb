package dev.dualrun.parity.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import dev.dualrun.parity.cli.ParityCli;

/**
 * One in-process invocation of the CLI: exit code, standard output and standard error.
 */
public record CliRun(int exitCode, String out, String err) {

	public static CliRun of(List<String> args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = ParityCli.execute(new ArrayList<>(TestStore.withStore(args)).toArray(String[]::new),
				new PrintWriter(out, true), new PrintWriter(err, true));
		return new CliRun(code, out.toString(), err.toString());
	}

	/**
	 * @return standard error without blank lines
	 */
	public List<String> errLines() {
		return this.err.lines().filter((l) -> !l.isBlank()).toList();
	}

}
