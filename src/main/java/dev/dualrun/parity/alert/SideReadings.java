package dev.dualrun.parity.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the sides' data shows, for the judge to name a cause: the scale between the two
 * sides' series, the share of evaluations without data, whether breaches were
 * consecutive, and how close a side came to alarming.
 */
final class SideReadings {

	private SideReadings() {
	}

	/**
	 * The new side's values over the old side's, their median where both have data (the
	 * new value nearest each old bucket's end): the scale in which to compare thresholds.
	 */
	static double ratio(AlertSide old, AlertSide neu) {
		long period = old.condition().step().toMillis();
		long reach = Math.max(period, neu.condition().step().toMillis());
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < old.times().length; i++) {
			double ov = old.values()[i];
			if (!Double.isFinite(ov) || Math.abs(ov) < 1e-12) {
				continue;
			}
			int j = nearest(neu.times(), old.times()[i] + period);
			if (j < 0 || Math.abs(neu.times()[j] - (old.times()[i] + period)) > reach) {
				continue;
			}
			double nv = neu.values()[j];
			if (Double.isFinite(nv) && nv != 0) {
				ratios.add(nv / ov);
			}
		}
		if (ratios.size() < 5) {
			return Double.NaN;
		}
		double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return r[r.length / 2];
	}

	/** The share of a side's evaluations in [from, to) that had no data. */
	static double missingShare(AlertSide side, Instant from, Instant to) {
		int total = 0;
		int missing = 0;
		long step = side.condition().step().toMillis();
		// every grid point, also those the source did not return
		long first = Math.floorDiv(from.toEpochMilli(), step) * step;
		for (long t = first; t < to.toEpochMilli(); t += step) {
			total++;
			int i = Arrays.binarySearch(side.times(), t);
			if (i < 0) {
				int j = nearest(side.times(), t);
				i = (j >= 0 && Math.abs(side.times()[j] - t) < step / 2) ? j : -1;
			}
			if (i < 0 || Double.isNaN(side.values()[i])) {
				missing++;
			}
		}
		return (total == 0) ? 0 : (double) missing / total;
	}

	/** Whether the side breached at least {@code m} consecutive times in [from, to). */
	static boolean consecutive(AlertSide side, Instant from, Instant to, int m) {
		AlertCondition c = side.condition();
		if (!c.hasThreshold()) {
			return true;
		}
		int run = 0;
		for (int i = 0; i < side.times().length; i++) {
			if (side.times()[i] < from.toEpochMilli() || side.times()[i] >= to.toEpochMilli()) {
				continue;
			}
			run = c.comparison().breaches(side.values()[i], c.threshold()) ? run + 1 : 0;
			if (run >= m) {
				return true;
			}
		}
		return false;
	}

	/** How close a side came to alarming, in words. */
	static String approach(AlertSide side) {
		AlertCondition c = side.condition();
		if (!c.hasThreshold()) {
			return side.system() + ": no threshold to measure against";
		}
		int best = -1;
		for (int i = 0; i < side.values().length; i++) {
			double v = side.values()[i];
			if (!Double.isFinite(v)) {
				continue;
			}
			if (best < 0 || (c.comparison().upward() ? v > side.values()[best] : v < side.values()[best])) {
				best = i;
			}
		}
		if (best < 0) {
			return side.system() + ": no data in the window";
		}
		double v = side.values()[best];
		String where = (c.comparison().upward() ? "highest " : "lowest ") + Alerts.number(v) + " at "
				+ Alerts.time(Instant.ofEpochMilli(side.times()[best]));
		if (c.comparison().breaches(v, c.threshold())) {
			return side.system() + ": " + where + " breached the threshold " + Alerts.number(c.threshold());
		}
		double distance = (c.threshold() == 0) ? Double.NaN : Math.abs(c.threshold() - v) / Math.abs(c.threshold());
		return side.system() + ": " + where + ", "
				+ (Double.isNaN(distance) ? Alerts.number(Math.abs(v)) : Alerts.percent(distance)) + " "
				+ (c.comparison().upward() ? "below" : "above") + " the threshold " + Alerts.number(c.threshold());
	}

	private static int nearest(long[] times, long t) {
		if (times.length == 0) {
			return -1;
		}
		int i = Arrays.binarySearch(times, t);
		if (i >= 0) {
			return i;
		}
		int ins = -i - 1;
		if (ins == 0) {
			return 0;
		}
		if (ins == times.length) {
			return times.length - 1;
		}
		return (t - times[ins - 1] <= times[ins] - t) ? ins - 1 : ins;
	}

}
