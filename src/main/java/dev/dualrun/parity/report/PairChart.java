package dev.dualrun.parity.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the charts of one pair draw, downsampled for drawing. Points are slot indices on
 * the pair's grid ({@code start + i * step}); a null value is a break in the line (a
 * gap).
 *
 * @param pair the pair id
 * @param start the grid's start, epoch milliseconds
 * @param step the period, milliseconds
 * @param end the grid's end (exclusive), epoch milliseconds
 * @param unit the old side's unit, or "" if none
 * @param oldSeries the old side's series (JSON {@code old}; {@code cloudwatch} in charts
 * stored before issue 8)
 * @param newSeries the new side's series, unit factor applied (JSON {@code new};
 * {@code prometheus} before)
 * @param residual new - old where both have values
 * @param absolute the per-point absolute tolerance
 * @param relative the per-point relative tolerance
 * @param discrepancies slots where the sides disagree
 * @param oldName the old system, for the legend (null in a small chart: its table row
 * names the systems)
 * @param newName the new system, for the legend (null in a small chart)
 */
public record PairChart(String pair, long start, long step, long end, String unit,
		@JsonProperty("old") Series oldSeries, @JsonProperty("new") Series newSeries, Series residual, double absolute,
		double relative, int[] discrepancies, @JsonInclude(JsonInclude.Include.NON_NULL) String oldName,
		@JsonInclude(JsonInclude.Include.NON_NULL) String newName) {

	/**
	 * A drawn series.
	 *
	 * @param d slot of each point minus the slot of the one before (the first from 0)
	 * @param v values, null for a break
	 */
	public record Series(int[] d, Double[] v) {

	}

}
