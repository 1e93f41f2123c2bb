package dev.dualrun.parity;

import java.io.PrintWriter;

import dev.dualrun.parity.cli.ParityCli;

/** Entry point: delegates to the CLI and exits with its code, so cron sees the result. */
public final class ParityValidatorApplication {

	private ParityValidatorApplication() {
	}

	public static void main(String[] args) {
		int code = ParityCli.execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
		System.exit(code);
	}

}
