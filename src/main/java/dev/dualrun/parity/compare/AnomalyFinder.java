package dev.dualrun.parity.compare;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.stat.descriptive.rank.Median;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.config.Tolerance;

/**
 * Finds isolated anomalies that the aggregate checks blur: a spike on one side (one or
 * two periods far from that side's own neighbours while the other side stays put), and a
 * counter reset mishandled by the new side's query (a negative count or sum there).
 */
final class AnomalyFinder {

	/**
	 * Robust z-score (median absolute deviation) of a difference that counts as a spike.
	 */
	static final double SPIKE_Z = 8;

	/**
	 * A spike is also at least this many per-point tolerances away from the other side.
	 */
	static final double SPIKE_TOLERANCES = 3;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private AnomalyFinder() {
	}

	static List<Diagnosis> find(AlignedPair pair, Tolerance tolerance, StatisticKind kind) {
		List<Diagnosis> out = new ArrayList<>();
		resets(pair, kind, out);
		if (kind != StatisticKind.PERCENTILE && out.isEmpty()) {
			// a percentile of a few requests jumps by a bucket on its own: no spike
			// detection there
			spikes(pair, tolerance, out);
		}
		return out;
	}

	private static void resets(AlignedPair pair, StatisticKind kind, List<Diagnosis> out) {
		if (kind != StatisticKind.SUM && kind != StatisticKind.SAMPLE_COUNT) {
			return;
		}
		List<String> where = new ArrayList<>();
		for (int k = 0; k < pair.size(); k++) {
			if (pair.newPresent().get(k) && pair.newValues()[k] < 0
					&& (!pair.oldPresent().get(k) || pair.oldValues()[k] >= 0)) {
				where.add(TIME.format(pair.window().bucket(k)) + " (" + format(pair.newValues()[k]) + ")");
			}
		}
		if (!where.isEmpty()) {
			out.add(new Diagnosis(Diagnosis.Code.COUNTER_RESET,
					"counter reset mishandled: " + pair.sides().newName() + " counts negative at "
							+ String.join(", ", where.subList(0, Math.min(3, where.size())))
							+ ((where.size() > 3) ? " and " + (where.size() - 3) + " more" : "")
							+ " UTC; a raw difference of a counter drops at each restart: use increase() or rate()"));
		}
	}

	private static void spikes(AlignedPair pair, Tolerance tolerance, List<Diagnosis> out) {
		int n = pair.size();
		double[] d = new double[n];
		boolean[] both = new boolean[n];
		int m = 0;
		double[] present = new double[n];
		for (int k = 0; k < n; k++) {
			both[k] = pair.oldPresent().get(k) && pair.newPresent().get(k) && Double.isFinite(pair.oldValues()[k])
					&& Double.isFinite(pair.newValues()[k]);
			if (both[k]) {
				d[k] = pair.newValues()[k] - pair.oldValues()[k];
				present[m++] = d[k];
			}
		}
		if (m < 20) {
			return;
		}
		double[] values = Arrays.copyOf(present, m);
		double median = new Median().evaluate(values);
		double[] deviations = new double[m];
		for (int i = 0; i < m; i++) {
			deviations[i] = Math.abs(values[i] - median);
		}
		double mad = 1.4826 * new Median().evaluate(deviations);
		List<String> found = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			if (!both[k] || PointErrors.besideAGap(pair, k)) {
				continue;
			}
			double c = pair.oldValues()[k];
			double p = pair.newValues()[k];
			double limit = Math.max(tolerance.absolute(), tolerance.relative() * Math.abs(c));
			double z = (mad > 0) ? Math.abs(d[k] - median) / mad : Double.POSITIVE_INFINITY;
			if (Math.abs(d[k]) > SPIKE_TOLERANCES * limit && z > SPIKE_Z && isolated(both, d, median, mad, k)) {
				String side = ownNeighbourDeviation(pair.newValues(), both, k) > ownNeighbourDeviation(pair.oldValues(),
						both, k) ? pair.sides().newName() : pair.sides().oldName();
				found.add(String.format(Locale.ROOT, "on the %s side at %s UTC: %s %s, %s %s", side,
						TIME.format(Instant.ofEpochMilli(pair.window().bucket(k).toEpochMilli())),
						pair.sides().oldName(), format(c), pair.sides().newName(), format(p)));
			}
		}
		if (!found.isEmpty() && found.size() <= 3) {
			out.add(new Diagnosis(Diagnosis.Code.SPIKE, "spike " + String.join("; ", found)));
		}
	}

	/** A spike stands alone: no more than one neighbour on each side is anomalous too. */
	private static boolean isolated(boolean[] both, double[] d, double median, double mad, int k) {
		int anomalous = 0;
		for (int j = Math.max(0, k - 3); j <= Math.min(d.length - 1, k + 3); j++) {
			if (j != k && both[j] && mad > 0 && Math.abs(d[j] - median) / mad > SPIKE_Z) {
				anomalous++;
			}
		}
		return anomalous <= 1;
	}

	private static double ownNeighbourDeviation(double[] v, boolean[] both, int k) {
		List<Double> neighbours = new ArrayList<>();
		for (int j = Math.max(0, k - 3); j <= Math.min(v.length - 1, k + 3); j++) {
			if (j != k && both[j]) {
				neighbours.add(v[j]);
			}
		}
		if (neighbours.isEmpty()) {
			return 0;
		}
		double[] a = neighbours.stream().mapToDouble(Double::doubleValue).toArray();
		double med = new Median().evaluate(a);
		return Math.abs(v[k] - med) / Math.max(Math.abs(med), 1e-12);
	}

	static String format(double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) {
			return String.format(Locale.ROOT, "%,d", (long) v);
		}
		String s = String.format(Locale.ROOT, "%.4g", v);
		return (s.contains(".") && !s.contains("e")) ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
	}

}
