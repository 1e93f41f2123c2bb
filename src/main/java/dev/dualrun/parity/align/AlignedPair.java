package dev.dualrun.parity.align;

import java.util.BitSet;
import java.util.List;

import dev.dualrun.parity.source.QueryWindow;

/**
 * Both sides of a pair on the window's grid. Slot k is the bucket
 * {@code [start + k*P, start +
 * (k+1)*P)}. A slot's value is meaningful only where its presence bit is set; Prometheus
 * values are already multiplied by the unit factor.
 *
 * @param window the grid
 * @param cloudwatch CloudWatch values per slot
 * @param cloudwatchPresent slots with a CloudWatch value
 * @param prometheus Prometheus values per slot (unit factor applied)
 * @param prometheusPresent slots with a Prometheus value
 * @param offGrid CloudWatch timestamps that are not bucket starts of the window:
 * alignment errors, not data (rule 2)
 * @param notes what alignment did, in words (trimmed, filled, dropped NaN)
 */
public record AlignedPair(QueryWindow window, double[] cloudwatch, BitSet cloudwatchPresent, double[] prometheus,
		BitSet prometheusPresent, List<Long> offGrid, List<String> notes) {

	/**
	 * @return the number of slots
	 */
	public int size() {
		return this.cloudwatch.length;
	}

}
