package dev.dualrun.parity.cli;

import picocli.CommandLine.Option;

/**
 * {@code --exit-zero}: a completed run exits 0 whatever its verdicts, for a scheduler
 * that counts any other code as a failed job (a Kubernetes CronJob); the verdicts are in
 * the report, the textfile and the Pushgateway.
 */
final class ExitZeroOption {

	@Option(names = "--exit-zero",
			description = "Exit 0 when the run completed, whatever its verdicts (for a scheduler that counts any other "
					+ "code as a failed job, e.g. a Kubernetes CronJob; the verdicts are in the report, the textfile "
					+ "and the Pushgateway). Bad usage (2) and failures (3) keep their codes")
	boolean exitZero;

	/**
	 * @param code the run's exit code
	 * @return the code to exit with
	 */
	int apply(int code) {
		return (this.exitZero && code == ExitCodes.NOT_ALL_PASS) ? ExitCodes.PASS : code;
	}

}
