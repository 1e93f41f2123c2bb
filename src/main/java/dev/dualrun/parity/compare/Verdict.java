package dev.dualrun.parity.compare;

/**
 * The answer for one pair. Only PASS is passing ({@link #isPassing()}): the one
 * definition used by the exit code, the summary line, JUnit XML and sign-off. WARN (rules
 * pass, equivalence not shown) is not proof enough to switch the old system off.
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
	 * @return true for PASS only: the pair may count towards sign-off
	 */
	public boolean isPassing() {
		return this == PASS;
	}

	/**
	 * @param name a stored verdict name
	 * @return whether that verdict is passing
	 */
	public static boolean isPassing(String name) {
		return PASS.name().equals(name);
	}

}
