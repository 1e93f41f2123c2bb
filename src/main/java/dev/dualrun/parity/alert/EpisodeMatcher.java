package dev.dualrun.parity.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.dualrun.parity.alert.AlertJudgement.Match;

/**
 * Pairs two lists of episodes: an old and a new one match if they overlap, or start
 * within the tolerance; each at most once, the largest overlap first. What matches
 * nothing stays alone.
 */
final class EpisodeMatcher {

	private EpisodeMatcher() {
	}

	/**
	 * @param old the old side's episodes
	 * @param neu the new side's episodes
	 * @param tolerance how far apart two episodes that do not overlap may start
	 * @return the matches and the episodes alone, by start
	 */
	static List<Match> match(List<Episode> old, List<Episode> neu, Duration tolerance) {
		List<Match> out = new ArrayList<>();
		boolean[] used = new boolean[neu.size()];
		for (Episode o : old) {
			int best = -1;
			long bestScore = Long.MIN_VALUE;
			for (int j = 0; j < neu.size(); j++) {
				if (used[j]) {
					continue;
				}
				Episode n = neu.get(j);
				long overlap = o.overlap(n).toMillis();
				long apart = Math.abs(Duration.between(o.start(), n.start()).toMillis());
				if (overlap > 0 || apart <= tolerance.toMillis()) {
					long score = (overlap > 0) ? overlap : -apart;
					if (score > bestScore) {
						bestScore = score;
						best = j;
					}
				}
			}
			if (best >= 0) {
				used[best] = true;
				Episode n = neu.get(best);
				out.add(new Match(o, n, Duration.between(o.start(), n.start()), Duration.between(o.end(), n.end())));
			}
			else {
				out.add(new Match(o, null, null, null));
			}
		}
		for (int j = 0; j < neu.size(); j++) {
			if (!used[j]) {
				out.add(new Match(null, neu.get(j), null, null));
			}
		}
		out.sort(Comparator
			.comparing((Match m) -> (m.oldEpisode() != null) ? m.oldEpisode().start() : m.newEpisode().start()));
		return out;
	}

}
