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
		List<String> notes = new ArrayList<>();
		Placed old = placeOld(window, oldSeries);
		Placed neu = placeNew(window, newSeries, unitFactor);
		if (publishedWhenNonZero) {
			int filled = 0;
			for (int k = neu.present.nextSetBit(0); k >= 0; k = neu.present.nextSetBit(k + 1)) {
				if (!old.present.get(k)) {
					old.values[k] = 0;
					old.present.set(k);
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
		note(notes, old.outside, o + " point(s) outside the window trimmed");
		note(notes, old.duplicates, "duplicate " + o + " timestamp(s) ignored");
		note(notes, old.offGrid.size(), o + " timestamp(s) off the " + window.period().toSeconds()
				+ " s grid: alignment error (the grid rule), not compared");
		note(notes, neu.outside, nw + " point(s) outside the window trimmed");
		note(notes, neu.nan, nw + " NaN value(s) (0/0: no traffic) treated as absent");
		oldSeries.messages().forEach((m) -> notes.add(o + " said: " + m));
		newSeries.messages().forEach((m) -> notes.add(nw + " said: " + m));
		return new AlignedPair(window, old.values, old.present, neu.values, neu.present, List.copyOf(old.offGrid),
				List.copyOf(notes), sides);
	}

	/** One side on the grid, with what did not fit. */
	private static final class Placed {

		private final double[] values;

		private final BitSet present;

		private final List<Long> offGrid = new ArrayList<>();

		private int outside;

		private int duplicates;

		private int nan;

		Placed(int n) {
			this.values = new double[n];
			Arrays.fill(this.values, Double.NaN);
			this.present = new BitSet(n);
		}

	}

	/**
	 * The old side on the grid: a timestamp inside the window but not on a bucket start
	 * is off the grid; of duplicates the first counts.
	 */
	private static Placed placeOld(QueryWindow window, TimeSeries series) {
		Placed old = new Placed(window.count());
		for (int i = 0; i < series.size(); i++) {
			long t = series.timestamps()[i];
			int k = window.indexOf(Instant.ofEpochMilli(t));
			if (k < 0) {
				if (t >= window.start().toEpochMilli() && t < window.end().toEpochMilli()) {
					old.offGrid.add(t);
				}
				else {
					old.outside++;
				}
			}
			else if (old.present.get(k)) {
				old.duplicates++;
			}
			else {
				old.values[k] = series.values()[i];
				old.present.set(k);
			}
		}
		return old;
	}

	/** The new side on the grid, in the old side's unit; NaN is absent. */
	private static Placed placeNew(QueryWindow window, TimeSeries series, double unitFactor) {
		Placed neu = new Placed(window.count());
		for (int i = 0; i < series.size(); i++) {
			int k = window.indexOf(Instant.ofEpochMilli(series.timestamps()[i]));
			double v = series.values()[i];
			if (k < 0) {
				neu.outside++;
			}
			else if (Double.isNaN(v)) {
				neu.nan++;
			}
			else {
				neu.values[k] = v * unitFactor;
				neu.present.set(k);
			}
		}
		return neu;
	}

	private static void note(List<String> notes, int count, String what) {
		if (count > 0) {
			notes.add(count + " " + what);
		}
	}

}
