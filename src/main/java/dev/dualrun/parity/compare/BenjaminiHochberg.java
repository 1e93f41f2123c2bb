package dev.dualrun.parity.compare;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini-Hochberg adjustment across the pairs of a run: with hundreds of pairs, some
 * p-values fall under 5 % by chance; the adjusted values (q-values) control the false
 * discovery rate.
 */
public final class BenjaminiHochberg {

	private BenjaminiHochberg() {
	}

	/**
	 * @param pValues p-values, NaN for pairs without one
	 * @return the adjusted p-values in the same order, NaN kept
	 */
	public static double[] adjust(double[] pValues) {
		Integer[] order = new Integer[pValues.length];
		int m = 0;
		for (int i = 0; i < pValues.length; i++) {
			if (!Double.isNaN(pValues[i])) {
				order[m++] = i;
			}
		}
		Integer[] ranked = Arrays.copyOf(order, m);
		Arrays.sort(ranked, Comparator.comparingDouble((Integer i) -> pValues[i]));
		double[] adjusted = new double[pValues.length];
		Arrays.fill(adjusted, Double.NaN);
		double running = 1;
		for (int k = m - 1; k >= 0; k--) {
			int i = ranked[k];
			running = Math.min(running, pValues[i] * m / (k + 1));
			adjusted[i] = running;
		}
		return adjusted;
	}

}
