package dev.dualrun.parity.alert;

import java.util.List;

/**
 * One side of an alert pair over the window: its condition, the series it watched on its
 * own evaluation grid, its episodes replayed from that series, and the episodes it
 * actually had (CloudWatch's alarm history, Prometheus' {@code ALERTS}).
 *
 * @param condition the alert
 * @param times evaluation (or bucket start) times in epoch milliseconds, ascending
 * @param values the watched value at each time, NaN where there was no data
 * @param replayed the episodes the replay of the condition gives
 * @param actual the episodes that actually happened, or null if the system could not say
 * @param actualSource where the actual episodes come from ({@code DescribeAlarmHistory},
 * {@code ALERTS})
 * @param notes what reading or replaying this side found worth saying
 */
public record AlertSide(AlertCondition condition, long[] times, double[] values, List<Episode> replayed,
		List<Episode> actual, String actualSource, List<String> notes) {

	public AlertSide {
		if (times.length != values.length) {
			throw new IllegalArgumentException("times and values differ in length");
		}
		replayed = List.copyOf(replayed);
		actual = (actual != null) ? List.copyOf(actual) : null;
		notes = List.copyOf(notes);
	}

	/**
	 * @return the system's name
	 */
	public String system() {
		return this.condition.system();
	}

}
