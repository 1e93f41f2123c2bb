package dev.dualrun.parity.compare;

/**
 * One finding about a pair, in words with its numbers.
 *
 * @param code a stable code for machines and filters
 * @param message what was found and what to do, for a person
 */
public record Diagnosis(Code code, String message) {

	/** Stable codes of diagnoses. */
	public enum Code {

		/** One side is a unit factor (x1000, x60, ...) of the other. */
		UNIT_FACTOR,
		/** The new side is consistently above or below the old side. */
		BIAS,
		/** The new side matches the old one or more periods earlier or later. */
		SHIFT,
		/** Consecutive periods missing on the new side. */
		GAP_NEW,
		/** Consecutive periods missing on the old side. */
		GAP_OLD,
		/**
		 * The newest periods missing on one side: late data when the window ended shortly
		 * before the read, else an outage from then on.
		 */
		GAP_AT_END,
		/**
		 * The new side counts per second where the old counts per period, or the reverse:
		 * a factor equal to the period in seconds.
		 */
		PERIOD_FACTOR,
		/**
		 * A constant simple fraction (1/2, 2/3, ...) of a count: a share of the series
		 * missing on one side or counted twice on the other.
		 */
		SERIES_SHARE,
		/** A side has no data at all while the other has. */
		SERIES_MISSING,
		/** Too few periods present on a side. */
		LOW_COVERAGE,
		/** Too many points outside the tolerance. */
		OUT_OF_TOLERANCE,
		/**
		 * Too many old-side percentiles outside the bucket of the new side's histogram
		 * its estimate was interpolated in.
		 */
		OUTSIDE_BUCKET,
		/** +Inf or -Inf values. */
		NON_FINITE,
		/** Old-side timestamps off the period grid. */
		OFF_GRID,
		/** Nothing on either side. */
		NO_DATA,
		/** Too few comparable points. */
		INSUFFICIENT_DATA,
		/** One or two periods far off on one side while the other side stays put. */
		SPIKE,
		/** A counter reset the new side's query does not handle (negative counts). */
		COUNTER_RESET,
		/**
		 * The new side returned several series where one was meant (the identity rule).
		 */
		CARDINALITY,
		/**
		 * The new side's labels do not carry the old side's dimensions (the identity
		 * rule).
		 */
		IDENTITY,
		/**
		 * A metric family the old side holds has no series on the new side (series
		 * parity).
		 */
		FAMILY_MISSING,
		/** Series of one side have no counterpart on the other (series parity). */
		SERIES_PARITY,
		/** The newest periods changed when read again: late data (rule 9). */
		UNSETTLED,
		/** Passes the rules, but equivalence within the tolerance is not shown. */
		WEAK_EVIDENCE,
		/** A source failed. */
		SOURCE_ERROR

	}

}
