package dev.dualrun.parity.source.prometheus;

/**
 * An alerting rule's state machine as Prometheus runs it (rules/alerting.go,
 * {@code AlertingRule.Eval}): active where the expression has a sample; pending from the
 * first active evaluation; firing once it has been active for {@code for} (at once when
 * {@code for} is 0); back to inactive at the first evaluation without a sample, unless it
 * was firing and {@code keep_firing_for} has not passed since the sample stopped.
 */
final class RuleReplay {

	private RuleReplay() {
	}

	/**
	 * @param times evaluation instants, epoch milliseconds, ascending, one interval apart
	 * @param active whether the expression had a sample at each
	 * @param forMillis the rule's {@code for}
	 * @param keepFiringForMillis the rule's {@code keep_firing_for}, 0 if none
	 * @return whether it was firing after each evaluation
	 */
	static boolean[] firing(long[] times, boolean[] active, long forMillis, long keepFiringForMillis) {
		boolean[] out = new boolean[times.length];
		boolean pending = false;
		boolean firing = false;
		long activeAt = 0;
		long keepFiringSince = -1;
		for (int i = 0; i < times.length; i++) {
			long ts = times[i];
			if (active[i]) {
				keepFiringSince = -1;
				if (!pending && !firing) {
					pending = true;
					activeAt = ts;
				}
			}
			else {
				boolean keep = false;
				if (firing && keepFiringForMillis > 0) {
					if (keepFiringSince < 0) {
						keepFiringSince = ts;
					}
					keep = ts - keepFiringSince < keepFiringForMillis;
				}
				if (!keep) {
					pending = false;
					firing = false;
					keepFiringSince = -1;
				}
			}
			if (pending && ts - activeAt >= forMillis) {
				pending = false;
				firing = true;
			}
			out[i] = firing;
		}
		return out;
	}

}
