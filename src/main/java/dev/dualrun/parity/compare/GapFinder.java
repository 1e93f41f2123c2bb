package dev.dualrun.parity.compare;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import dev.dualrun.parity.align.AlignedPair;

/**
 * Finds runs of consecutive periods where one side has data and the other has none.
 * Periods with no data on either side (no traffic) neither start nor break a gap.
 */
public final class GapFinder {

	private GapFinder() {
	}

	/**
	 * A run of periods missing on one side.
	 *
	 * @param firstSlot first missing slot
	 * @param lastSlot last missing slot (inclusive)
	 * @param periods number of missing periods in the run
	 */
	public record Gap(int firstSlot, int lastSlot, int periods) {

	}

	/**
	 * @param pair the aligned pair
	 * @return runs where the new side is missing while the old side has data
	 */
	public static List<Gap> missingOnNew(AlignedPair pair) {
		return runs(pair.oldPresent(), pair.newPresent(), pair.size());
	}

	/**
	 * @param pair the aligned pair
	 * @return runs where the old side is missing while the new side has data
	 */
	public static List<Gap> missingOnOld(AlignedPair pair) {
		return runs(pair.newPresent(), pair.oldPresent(), pair.size());
	}

	private static List<Gap> runs(BitSet has, BitSet other, int size) {
		List<Gap> gaps = new ArrayList<>();
		int start = -1;
		int last = -1;
		int count = 0;
		for (int k = 0; k < size; k++) {
			boolean a = has.get(k);
			boolean b = other.get(k);
			if (a && !b) {
				if (start < 0) {
					start = k;
				}
				last = k;
				count++;
			}
			else if (a || b) {
				if (start >= 0) {
					gaps.add(new Gap(start, last, count));
				}
				start = -1;
				count = 0;
			}
		}
		if (start >= 0) {
			gaps.add(new Gap(start, last, count));
		}
		return gaps;
	}

}
