package dev.dualrun.parity.cli;

/** Exit codes, documented in the README and in {@code --help}. */
public final class ExitCodes {

	/** Every pair passed: verdict PASS. */
	public static final int PASS = 0;

	/**
	 * The run completed and at least one pair did not pass: WARN, FAIL, UNSETTLED,
	 * NO_DATA, INSUFFICIENT_DATA or ERROR.
	 */
	public static final int NOT_ALL_PASS = 1;

	/**
	 * Bad usage or configuration: flags, mapping file, unknown pair, missing region, bad
	 * URL.
	 */
	public static final int CONFIGURATION = 2;

	/**
	 * A backend or runtime failure: every pair errored, the database failed, the job
	 * crashed.
	 */
	public static final int RUNTIME = 3;

	private ExitCodes() {
	}

}
