package dev.dualrun.parity.compare;

/**
 * One period where the sides disagree.
 *
 * @param timestamp bucket start, epoch milliseconds
 * @param kind what is wrong
 * @param cloudwatch the CloudWatch value, NaN if absent
 * @param prometheus the Prometheus value (unit factor applied), NaN if absent
 * @param absoluteError |prometheus - cloudwatch|, NaN if a side is absent
 * @param relativeError absoluteError / |cloudwatch|, NaN if undefined
 */
public record Discrepancy(long timestamp, Kind kind, double cloudwatch, double prometheus, double absoluteError,
		double relativeError) {

	/** What is wrong at a period. */
	public enum Kind {

		/** Both present, difference above the tolerance. */
		OUT_OF_TOLERANCE,
		/** CloudWatch has a value, Prometheus none. */
		MISSING_PROMETHEUS,
		/** Prometheus has a value, CloudWatch none. */
		MISSING_CLOUDWATCH,
		/** A value is +Inf or -Inf. */
		NON_FINITE

	}

}
