package dev.dualrun.parity.compare;

/**
 * One period where the sides disagree.
 *
 * @param timestamp bucket start, epoch milliseconds
 * @param kind what is wrong
 * @param oldValue the old side's value, NaN if absent
 * @param newValue the new side's value (unit factor applied), NaN if absent
 * @param absoluteError |new - old|, NaN if a side is absent
 * @param relativeError absoluteError / |old|, NaN if undefined
 */
public record Discrepancy(long timestamp, Kind kind, double oldValue, double newValue, double absoluteError,
		double relativeError) {

	/** What is wrong at a period. */
	public enum Kind {

		/** Both present, difference above the tolerance. */
		OUT_OF_TOLERANCE,
		/** The old side has a value, the new side none. */
		MISSING_NEW,
		/** The new side has a value, the old side none. */
		MISSING_OLD,
		/** A value is +Inf or -Inf. */
		NON_FINITE

	}

}
