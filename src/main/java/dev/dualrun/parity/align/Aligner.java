package dev.dualrun.parity.align;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.TimeSeries;

/**
 * Aligns a CloudWatch and a Prometheus series (already shifted by one period, rule 3) on
 * the window's grid.
 * <ul>
 * <li>A CloudWatch timestamp that is not a bucket start is an alignment error, kept aside
 * (rule 2).</li>
 * <li>Prometheus {@code NaN} (0/0 in a ratio: no traffic) counts as absent (rule 8);
 * {@code +Inf}/{@code -Inf} are kept and judged as discrepancies.</li>
 * <li>When the mapping says the metric is published only when non-zero, a CloudWatch
 * period missing where Prometheus has a value is read as 0 (rule 8); never
 * otherwise.</li>
 * </ul>
 */
public final class Aligner {

	private Aligner() {
	}

	/**
	 * @param window the grid
	 * @param cloudwatch the CloudWatch series
	 * @param prometheus the Prometheus series, timestamps at bucket starts
	 * @param unitFactor multiplies Prometheus values into the CloudWatch unit
	 * @param publishedWhenNonZero whether a missing CloudWatch period means zero
	 * @return both sides on the grid
	 */
	public static AlignedPair align(QueryWindow window, TimeSeries cloudwatch, TimeSeries prometheus, double unitFactor,
			boolean publishedWhenNonZero) {
		int n = window.count();
		List<String> notes = new ArrayList<>();
		double[] cw = new double[n];
		double[] prom = new double[n];
		Arrays.fill(cw, Double.NaN);
		Arrays.fill(prom, Double.NaN);
		BitSet cwPresent = new BitSet(n);
		BitSet promPresent = new BitSet(n);
		List<Long> offGrid = new ArrayList<>();
		int cwOutside = 0;
		int cwDuplicates = 0;
		for (int i = 0; i < cloudwatch.size(); i++) {
			long t = cloudwatch.timestamps()[i];
			int k = window.indexOf(Instant.ofEpochMilli(t));
			if (k < 0) {
				if (t >= window.start().toEpochMilli() && t < window.end().toEpochMilli()) {
					offGrid.add(t);
				}
				else {
					cwOutside++;
				}
			}
			else if (cwPresent.get(k)) {
				cwDuplicates++;
			}
			else {
				cw[k] = cloudwatch.values()[i];
				cwPresent.set(k);
			}
		}
		int promOutside = 0;
		int promNaN = 0;
		for (int i = 0; i < prometheus.size(); i++) {
			int k = window.indexOf(Instant.ofEpochMilli(prometheus.timestamps()[i]));
			double v = prometheus.values()[i];
			if (k < 0) {
				promOutside++;
			}
			else if (Double.isNaN(v)) {
				promNaN++;
			}
			else {
				prom[k] = v * unitFactor;
				promPresent.set(k);
			}
		}
		if (publishedWhenNonZero) {
			int filled = 0;
			for (int k = promPresent.nextSetBit(0); k >= 0; k = promPresent.nextSetBit(k + 1)) {
				if (!cwPresent.get(k)) {
					cw[k] = 0;
					cwPresent.set(k);
					filled++;
				}
			}
			if (filled > 0) {
				notes.add(filled + " CloudWatch period(s) with no datapoint read as 0 (published only when non-zero)");
			}
		}
		note(notes, cwOutside, "CloudWatch point(s) outside the window trimmed");
		note(notes, cwDuplicates, "duplicate CloudWatch timestamp(s) ignored");
		note(notes, offGrid.size(), "CloudWatch timestamp(s) off the " + window.period().toSeconds()
				+ " s grid: alignment error (the grid rule), not compared");
		note(notes, promOutside, "Prometheus point(s) outside the window trimmed");
		note(notes, promNaN, "Prometheus NaN value(s) (0/0: no traffic) treated as absent");
		cloudwatch.messages().forEach((m) -> notes.add("CloudWatch said: " + m));
		prometheus.messages().forEach((m) -> notes.add("Prometheus said: " + m));
		return new AlignedPair(window, cw, cwPresent, prom, promPresent, List.copyOf(offGrid), List.copyOf(notes));
	}

	private static void note(List<String> notes, int count, String what) {
		if (count > 0) {
			notes.add(count + " " + what);
		}
	}

}
