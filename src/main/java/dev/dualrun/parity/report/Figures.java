package dev.dualrun.parity.report;

import java.util.Locale;

/**
 * How the reports write numbers: whole numbers whole, large ones with one decimal, others
 * to 4 significant digits; percents; "-" for none.
 */
final class Figures {

	private Figures() {
	}

	/**
	 * @param v a number or null
	 * @return the number as the reports write it, or "-"
	 */
	static String num(Double v) {
		if (v == null || v.isNaN()) {
			return "-";
		}
		if (v == Math.rint(v) && Math.abs(v) < 1e12) {
			return String.format(Locale.ROOT, "%d", v.longValue());
		}
		if (Math.abs(v) >= 1000 && Math.abs(v) < 1e12) {
			// beside whole numbers of the same size: 82123.5, not 8.212e+04
			return String.format(Locale.ROOT, "%.1f", v);
		}
		return String.format(Locale.ROOT, "%.4g", v);
	}

	static String pct(Double v) {
		return (v == null) ? "-" : String.format(Locale.ROOT, "%.1f %%", v * 100);
	}

	static String signedPct(Double v) {
		return (v == null) ? "-" : String.format(Locale.ROOT, "%+.2f %%", v * 100);
	}

}
