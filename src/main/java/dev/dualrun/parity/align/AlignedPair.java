package dev.dualrun.parity.align;

import java.util.BitSet;
import java.util.List;

import dev.dualrun.parity.config.Sides;
import dev.dualrun.parity.source.QueryWindow;

/**
 * Both sides of a pair on the window's grid: the old side (the system being retired) and
 * the new side (the one that replaces it). Slot k is the bucket
 * {@code [start + k*P, start + (k+1)*P)}. A slot's value is meaningful only where its
 * presence bit is set; new-side values are already multiplied by the unit factor.
 *
 * @param window the grid
 * @param oldValues old-side values per slot
 * @param oldPresent slots with an old-side value
 * @param newValues new-side values per slot (unit factor applied)
 * @param newPresent slots with a new-side value
 * @param offGrid old-side timestamps that are not bucket starts of the window: alignment
 * errors, not data (the grid rule)
 * @param notes what alignment did, in words (trimmed, filled, dropped NaN)
 * @param sides what the two systems are called in messages
 */
public record AlignedPair(QueryWindow window, double[] oldValues, BitSet oldPresent, double[] newValues,
		BitSet newPresent, List<Long> offGrid, List<String> notes, Sides sides) {

	/**
	 * @return the number of slots
	 */
	public int size() {
		return this.oldValues.length;
	}

}
