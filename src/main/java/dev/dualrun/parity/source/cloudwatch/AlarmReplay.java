package dev.dualrun.parity.source.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

import dev.dualrun.parity.alert.Comparison;
import dev.dualrun.parity.alert.MissingData;

/**
 * A CloudWatch metric alarm's evaluation, as the CloudWatch User Guide describes it
 * ("Configuring how CloudWatch alarms treat missing data"): at each period's end the
 * alarm looks at an evaluation range of {@code N + 2} periods. With at least N datapoints
 * there, the N most recent decide (ALARM if M of them breach) and the missing-data
 * treatment is not used. With none, {@code missing} is INSUFFICIENT_DATA, {@code ignore}
 * keeps the state, {@code breaching} is ALARM and {@code notBreaching} OK. With some, the
 * missing ones up to N are filled as the treatment says (breaching, not breaching), and
 * {@code missing} and {@code ignore} decide on the datapoints there are: ALARM when as
 * many breach as there are (up to M), where {@code ignore} keeps the state instead of
 * entering ALARM on fewer than M.
 */
final class AlarmReplay {

	enum State {

		OK, ALARM, INSUFFICIENT_DATA

	}

	private AlarmReplay() {
	}

	/**
	 * @param datapoints the alarm's datapoints by bucket start, epoch milliseconds
	 * @param periodMillis the alarm's period
	 * @param evaluations evaluation instants (each a bucket's end), ascending
	 * @param n evaluation periods
	 * @param m datapoints to alarm
	 * @param comparison the comparison
	 * @param threshold the threshold
	 * @param missing the treatment of missing data
	 * @return the state after each evaluation, starting from INSUFFICIENT_DATA
	 */
	static State[] replay(NavigableMap<Long, Double> datapoints, long periodMillis, long[] evaluations, int n, int m,
			Comparison comparison, double threshold, MissingData missing) {
		State[] out = new State[evaluations.length];
		State state = State.INSUFFICIENT_DATA;
		int range = n + 2;
		for (int k = 0; k < evaluations.length; k++) {
			long end = evaluations[k];
			List<Boolean> real = new ArrayList<>();
			// most recent first
			for (Double v : datapoints.subMap(end - range * periodMillis, true, end, false).descendingMap().values()) {
				if (v != null && !v.isNaN()) {
					real.add(comparison.breaches(v, threshold));
				}
			}
			state = evaluate(real, n, m, missing, state);
			out[k] = state;
		}
		return out;
	}

	private static State evaluate(List<Boolean> real, int n, int m, MissingData missing, State current) {
		if (real.size() >= n) {
			long breaching = real.subList(0, n).stream().filter((b) -> b).count();
			return (breaching >= m) ? State.ALARM : State.OK;
		}
		long breaching = real.stream().filter((b) -> b).count();
		int fill = n - real.size();
		if (real.isEmpty()) {
			return switch (missing) {
				case MISSING -> State.INSUFFICIENT_DATA;
				case IGNORE -> current;
				case BREACHING -> (n >= m) ? State.ALARM : State.OK;
				case NOT_BREACHING -> State.OK;
			};
		}
		return switch (missing) {
			case BREACHING -> (breaching + fill >= m) ? State.ALARM : State.OK;
			case NOT_BREACHING -> (breaching >= m) ? State.ALARM : State.OK;
			case MISSING -> (breaching >= Math.min(m, real.size())) ? State.ALARM : State.OK;
			case IGNORE ->
				(breaching >= m) ? State.ALARM : (breaching >= Math.min(m, real.size())) ? current : State.OK;
		};
	}

}
