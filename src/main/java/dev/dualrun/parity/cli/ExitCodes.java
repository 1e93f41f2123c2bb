package dev.dualrun.parity.cli;

/** Exit codes, documented in src/site/markdown/running.md and in {@code --help}. */
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

	/**
	 * Passing has one definition: every pair and every alert pair of the run passed.
	 * @param run the run
	 * @param alertVerdicts its alert pairs' verdicts
	 * @return {@link #PASS} or {@link #NOT_ALL_PASS}
	 */
	static int of(dev.dualrun.parity.store.RunRow run, java.util.List<String> alertVerdicts) {
		boolean pairsPass = (run.pairsTotal() == 0) ? !alertVerdicts.isEmpty() : run.allPassed();
		boolean alertsPass = alertVerdicts.stream().allMatch("PASS"::equals);
		return (pairsPass && alertsPass) ? PASS : NOT_ALL_PASS;
	}

}
