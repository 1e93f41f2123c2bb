package dev.dualrun.parity.report;

/**
 * What the charts of one pair draw, downsampled for drawing. Points are slot indices on
 * the pair's grid ({@code start + i * step}); a null value is a break in the line (a
 * gap).
 *
 * @param pair the pair id
 * @param start the grid's start, epoch milliseconds
 * @param step the period, milliseconds
 * @param end the grid's end (exclusive), epoch milliseconds
 * @param unit the CloudWatch unit, or "" if none
 * @param cloudwatch the CloudWatch series
 * @param prometheus the Prometheus series (unit factor applied)
 * @param residual Prometheus - CloudWatch where both have values
 * @param absolute the per-point absolute tolerance
 * @param relative the per-point relative tolerance
 * @param discrepancies slots where the sides disagree
 */
public record PairChart(String pair, long start, long step, long end, String unit, Series cloudwatch, Series prometheus,
		Series residual, double absolute, double relative, int[] discrepancies) {

	/**
	 * A drawn series.
	 *
	 * @param d slot of each point minus the slot of the one before (the first from 0)
	 * @param v values, null for a break
	 */
	public record Series(int[] d, Double[] v) {

	}

}
