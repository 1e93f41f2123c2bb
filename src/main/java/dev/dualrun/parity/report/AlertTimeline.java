package dev.dualrun.parity.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.alert.AlertSide;
import dev.dualrun.parity.alert.Episode;
import dev.dualrun.parity.store.AlertDocument;

/**
 * The data of an alert pair's timeline, drawn by Chart.js in the report (a lane per side:
 * its series, its threshold, its episodes as replayed and as recorded), the series
 * downsampled with LTTB for drawing as the pairs' charts are.
 */
final class AlertTimeline {

	/** Points a lane's series is drawn with at most. */
	static final int POINTS = 400;

	private AlertTimeline() {
	}

	/**
	 * @param id the alert pair
	 * @param d its stored document
	 * @return the timeline's data, for the report's script (epoch milliseconds, null for
	 * no data)
	 */
	static Map<String, Object> of(String id, AlertDocument d) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("alert", id);
		List<Map<String, Object>> lanes = new ArrayList<>();
		long from = Long.MAX_VALUE;
		long to = Long.MIN_VALUE;
		for (AlertSide side : List.of(d.old(), d.neu())) {
			if (side.times().length > 0) {
				from = Math.min(from, side.times()[0]);
				to = Math.max(to, side.times()[side.times().length - 1]);
			}
			lanes.add(lane(side));
		}
		out.put("from", (from == Long.MAX_VALUE) ? null : from);
		out.put("to", (to == Long.MIN_VALUE) ? null : to);
		out.put("lanes", lanes);
		return out;
	}

	private static Map<String, Object> lane(AlertSide side) {
		Map<String, Object> lane = new LinkedHashMap<>();
		lane.put("system", side.system());
		lane.put("name", side.condition().name());
		lane.put("hold", side.condition().holdWords());
		lane.put("op", (side.condition().comparison() != null) ? side.condition().comparison().symbol() : null);
		lane.put("threshold", Double.isFinite(side.condition().threshold()) ? side.condition().threshold() : null);
		lane.put("source", side.actualSource());
		// LTTB over the points with data; a gap between two kept points stays a gap
		long[] times = side.times();
		double[] values = side.values();
		List<Integer> finite = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			if (Double.isFinite(values[i])) {
				finite.add(i);
			}
		}
		double[] fx = new double[finite.size()];
		double[] fy = new double[finite.size()];
		for (int k = 0; k < fx.length; k++) {
			fx[k] = times[finite.get(k)];
			fy[k] = values[finite.get(k)];
		}
		int[] keep = Lttb.downsample(fx, fy, POINTS);
		List<Long> t = new ArrayList<>();
		List<Double> v = new ArrayList<>();
		int previous = -1;
		for (int k : keep) {
			int i = finite.get(k);
			if (previous >= 0 && i - previous > 1 && hasGap(values, previous, i)) {
				t.add(times[previous + 1]);
				v.add(null);
			}
			t.add(times[i]);
			v.add(values[i]);
			previous = i;
		}
		lane.put("t", t);
		lane.put("v", v);
		lane.put("replayed", spans(side.replayed()));
		lane.put("actual", (side.actual() != null) ? spans(side.actual()) : null);
		return lane;
	}

	private static boolean hasGap(double[] values, int from, int to) {
		for (int i = from + 1; i < to; i++) {
			if (!Double.isFinite(values[i])) {
				return true;
			}
		}
		return false;
	}

	private static List<long[]> spans(List<Episode> episodes) {
		return episodes.stream().map((e) -> new long[] { e.start().toEpochMilli(), e.end().toEpochMilli() }).toList();
	}

}
