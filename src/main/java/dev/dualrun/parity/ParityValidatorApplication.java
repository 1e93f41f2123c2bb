package dev.dualrun.parity;

import dev.dualrun.parity.cli.ParityCli;

/** Entry point: delegates to the CLI and exits with its code, so cron sees the result. */
public final class ParityValidatorApplication {

	private ParityValidatorApplication() {
	}

	public static void main(String[] args) {
		System.exit(ParityCli.execute(args));
	}

}
