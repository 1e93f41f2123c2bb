package dev.dualrun.parity.alert;

import java.time.Duration;
import java.util.List;

import dev.dualrun.parity.alert.AlertJudgement.Match;

/**
 * Compares a side's replay of its alert with what happened (its history or alert state),
 * where the side has one: a replay that differs is judged on doubtful data.
 */
final class ReplayCheck {

	private ReplayCheck() {
	}

	/**
	 * @param side a side
	 * @return what the replay says against what happened, null if they agree within a
	 * step or nothing is known of what happened
	 */
	static String differences(AlertSide side) {
		if (side.actual() == null) {
			return null;
		}
		AlertCondition c = side.condition();
		if (side.actual().isEmpty() && !side.replayed().isEmpty()) {
			return side.system() + "'s " + side.actualSource() + " has no episode of " + c.name()
					+ " in the window, where the replay of its data has " + side.replayed().size()
					+ ": it was not evaluated then (created later, or the server was down)";
		}
		Duration slack = c.step().plus(c.step());
		List<Match> m = EpisodeMatcher.match(side.actual(), side.replayed(), slack);
		for (Match x : m) {
			boolean off = x.oldEpisode() == null || x.newEpisode() == null || x.onsetDelay().abs().compareTo(slack) > 0
					|| (!x.oldEpisode().ongoing() && !x.newEpisode().ongoing()
							&& x.recoveryDelay().abs().compareTo(slack) > 0);
			if (off) {
				String at = (x.oldEpisode() != null)
						? "the episode of " + Alerts.time(x.oldEpisode().start()) + " in " + side.actualSource()
								+ ((x.newEpisode() == null) ? " is not in the replay"
										: " is replayed at " + Alerts.time(x.newEpisode().start()) + " to "
												+ Alerts.time(x.newEpisode().end()))
						: "the replay has an episode at " + Alerts.time(x.newEpisode().start()) + " that "
								+ side.actualSource() + " does not";
				return side.system() + "'s replay of " + c.name() + " differs from what happened: " + at
						+ " (its definition may have changed in the window, or data arrived late)";
			}
		}
		return null;
	}

}
