package dev.dualrun.parity.compare;

/**
 * The answer for one pair. Only PASS lets a team switch CloudWatch off for that metric.
 */
public enum Verdict {

	/** Both sides say the same within the tolerance. */
	PASS,
	/**
	 * The rules pass, but the evidence is weak: equivalence within the tolerance is not
	 * shown (few effective points, or a difference close to the tolerance).
	 */
	WARN,
	/** The sides disagree; the diagnoses say how. */
	FAIL,
	/** Neither side has data in the window: nothing was proven (never a pass). */
	NO_DATA,
	/** Fewer comparable points than a judgement needs. */
	INSUFFICIENT_DATA,
	/**
	 * It failed only in the newest periods, and those changed when read again (rule 9).
	 */
	UNSETTLED,
	/** A source failed; the cause is recorded. */
	ERROR;

	/**
	 * @return true if a cron job should see this pair as not passing
	 */
	public boolean isProblem() {
		return this != PASS;
	}

}
