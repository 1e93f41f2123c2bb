package dev.dualrun.parity.align;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import dev.dualrun.parity.config.Sides;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.TimeSeries;

/**
 * Aligns the old side's and the new side's series (the new side already stamped at bucket
 * starts by its source) on the window's grid.
 * <ul>
 * <li>An old-side timestamp that is not a bucket start is an alignment error, kept aside
 * (the grid rule).</li>
 * <li>A new-side {@code NaN} (0/0 in a ratio: no traffic) counts as absent;
 * {@code +Inf}/{@code -Inf} are kept and judged as discrepancies.</li>
 * <li>When the mapping says the metric is published only when non-zero, an old-side
 * period missing where the new side has a value is read as 0; never otherwise.</li>
 * </ul>
 */
public final class Aligner {

	private Aligner() {
	}

	/**
	 * @param window the grid
	 * @param oldSeries the old side's series
	 * @param newSeries the new side's series, timestamps at bucket starts
	 * @param unitFactor multiplies new-side values into the old side's unit
	 * @param publishedWhenNonZero whether a missing old-side period means zero
	 * @param sides what the two systems are called in the notes
	 * @return both sides on the grid
	 */
	public static AlignedPair align(QueryWindow window, TimeSeries oldSeries, TimeSeries newSeries, double unitFactor,
			boolean publishedWhenNonZero, Sides sides) {
		int n = window.count();
		List<String> notes = new ArrayList<>();
		double[] oldValues = new double[n];
		double[] newValues = new double[n];
		Arrays.fill(oldValues, Double.NaN);
		Arrays.fill(newValues, Double.NaN);
		BitSet oldPresent = new BitSet(n);
		BitSet newPresent = new BitSet(n);
		List<Long> offGrid = new ArrayList<>();
		int oldOutside = 0;
		int oldDuplicates = 0;
		for (int i = 0; i < oldSeries.size(); i++) {
			long t = oldSeries.timestamps()[i];
			int k = window.indexOf(Instant.ofEpochMilli(t));
			if (k < 0) {
				if (t >= window.start().toEpochMilli() && t < window.end().toEpochMilli()) {
					offGrid.add(t);
				}
				else {
					oldOutside++;
				}
			}
			else if (oldPresent.get(k)) {
				oldDuplicates++;
			}
			else {
				oldValues[k] = oldSeries.values()[i];
				oldPresent.set(k);
			}
		}
		int newOutside = 0;
		int newNaN = 0;
		for (int i = 0; i < newSeries.size(); i++) {
			int k = window.indexOf(Instant.ofEpochMilli(newSeries.timestamps()[i]));
			double v = newSeries.values()[i];
			if (k < 0) {
				newOutside++;
			}
			else if (Double.isNaN(v)) {
				newNaN++;
			}
			else {
				newValues[k] = v * unitFactor;
				newPresent.set(k);
			}
		}
		if (publishedWhenNonZero) {
			int filled = 0;
			for (int k = newPresent.nextSetBit(0); k >= 0; k = newPresent.nextSetBit(k + 1)) {
				if (!oldPresent.get(k)) {
					oldValues[k] = 0;
					oldPresent.set(k);
					filled++;
				}
			}
			if (filled > 0) {
				notes.add(filled + " " + sides.oldName()
						+ " period(s) with no datapoint read as 0 (published only when non-zero)");
			}
		}
		String o = sides.oldName();
		String nw = sides.newName();
		note(notes, oldOutside, o + " point(s) outside the window trimmed");
		note(notes, oldDuplicates, "duplicate " + o + " timestamp(s) ignored");
		note(notes, offGrid.size(), o + " timestamp(s) off the " + window.period().toSeconds()
				+ " s grid: alignment error (the grid rule), not compared");
		note(notes, newOutside, nw + " point(s) outside the window trimmed");
		note(notes, newNaN, nw + " NaN value(s) (0/0: no traffic) treated as absent");
		oldSeries.messages().forEach((m) -> notes.add(o + " said: " + m));
		newSeries.messages().forEach((m) -> notes.add(nw + " said: " + m));
		return new AlignedPair(window, oldValues, oldPresent, newValues, newPresent, List.copyOf(offGrid),
				List.copyOf(notes), sides);
	}

	private static void note(List<String> notes, int count, String what) {
		if (count > 0) {
			notes.add(count + " " + what);
		}
	}

}
