package dev.dualrun.parity.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.alert.AlertJudgement.Code;
import dev.dualrun.parity.alert.AlertJudgement.Finding;
import dev.dualrun.parity.alert.AlertJudgement.Match;
import dev.dualrun.parity.alert.AlertJudgement.Verdict;

/**
 * Judges an alert pair from the two sides' replayed episodes: matched, missed and extra
 * episodes with their onset and recovery delays, then the cause where one shows: a rule
 * that does not evaluate, an inverted operator, a threshold off by a unit factor, missing
 * data treated differently, a {@code for} longer or shorter than the alarm's M periods, M
 * of N datapoints that were never consecutive. Static defects fail a pair even when
 * neither side alarmed; otherwise a window without episodes is NO_EPISODES with how close
 * each side came, never a pass. Spring-free, used by the job and the report.
 */
public final class AlertJudge {

	/** Unit factors a threshold is commonly off by. */
	private static final double[] FACTORS = { 1000, 1e6, 1e9, 60, 3600, 100, 1024, 1048576, 8 };

	private AlertJudge() {
	}

	/**
	 * @param old the old side (the alarm to keep)
	 * @param neu the new side (the rule that replaces it)
	 * @param from the window's start
	 * @param to the window's end
	 * @return the judgement
	 */
	public static AlertJudgement judge(AlertSide old, AlertSide neu, Instant from, Instant to) {
		AlertCondition o = old.condition();
		AlertCondition n = neu.condition();
		Duration onsetTolerance = o.step().plus(n.step());
		int extraPeriods = o.countsDatapoints() ? o.evaluationPeriods() - o.datapointsToAlarm() : 0;
		Duration recoveryTolerance = o.step().multipliedBy(extraPeriods + 1).plus(n.step());
		List<Match> matches = match(old.replayed(), neu.replayed(), onsetTolerance);
		Map<Code, List<String>> found = new LinkedHashMap<>();
		double ratio = ratio(old, neu);
		boolean defect = staticFindings(old, neu, ratio, found);
		double gap = thresholdGap(o, n, ratio);
		// a defect of the definitions explains the episodes that differ: it is named
		// alone, and what it hides shows once it is fixed
		for (Match m : defect ? List.<Match>of() : matches) {
			explain(m, old, neu, gap, onsetTolerance, recoveryTolerance, found);
		}
		List<Finding> findings = new ArrayList<>();
		found.forEach((code, messages) -> findings.add(new Finding(code,
				messages.get(0) + ((messages.size() > 1) ? " (and " + (messages.size() - 1) + " more)" : ""))));
		String oldReplay = replayCheck(old);
		String newReplay = replayCheck(neu);
		if (oldReplay != null) {
			findings.add(new Finding(Code.REPLAY_DIFFERS, oldReplay));
		}
		if (newReplay != null) {
			findings.add(new Finding(Code.REPLAY_DIFFERS, newReplay));
		}
		boolean episodes = !matches.isEmpty();
		boolean differ = found.keySet().stream().anyMatch((c) -> c != Code.REPLAY_DIFFERS);
		Verdict verdict = (defect || differ) ? Verdict.FAIL : episodes ? Verdict.PASS : Verdict.NO_EPISODES;
		return new AlertJudgement(verdict, findings, matches, inAlarm(old.replayed()), inAlarm(neu.replayed()),
				onsetTolerance, recoveryTolerance, oldReplay, newReplay, approach(old), approach(neu));
	}

	/**
	 * Findings from the two definitions alone.
	 * @return true if one is a defect whatever the data
	 */
	private static boolean staticFindings(AlertSide old, AlertSide neu, double ratio, Map<Code, List<String>> found) {
		AlertCondition o = old.condition();
		AlertCondition n = neu.condition();
		boolean defect = false;
		if (n.health() != null) {
			add(found, Code.RULE_UNHEALTHY, n.system() + "'s rule " + n.name() + " does not evaluate (" + n.health()
					+ "): it cannot fire whatever the data; fix the rule");
			defect = true;
		}
		if (o.health() != null) {
			add(found, Code.RULE_UNHEALTHY, o.system() + "'s " + o.name() + " does not evaluate (" + o.health() + ")");
			defect = true;
		}
		if (o.comparison() != null && n.comparison() != null && o.comparison().upward() != n.comparison().upward()) {
			add(found, Code.OPERATOR_INVERTED,
					"operator inverted: " + o.system() + " alarms when the value is " + o.comparison().words() + " "
							+ Alerts.number(o.threshold()) + ", " + n.system() + "'s rule fires when it is "
							+ n.comparison().words() + " " + Alerts.number(n.threshold()) + "; write '"
							+ o.comparison().symbol() + "' in the rule");
			defect = true;
		}
		if (o.hasThreshold() && n.hasThreshold() && o.threshold() != 0 && Double.isFinite(ratio) && ratio > 0) {
			double expected = o.threshold() * ratio;
			double q = n.threshold() / expected;
			double factor = unitFactor(q);
			if (!Double.isNaN(factor)) {
				String times = (factor >= 1) ? Alerts.number(factor) + " times"
						: "1/" + Alerts.number(1 / factor) + " of";
				add(found, Code.THRESHOLD_UNIT_FACTOR,
						"threshold off by a unit factor: the rule's series is " + Alerts.number(ratio) + " x "
								+ o.system() + "'s, so " + o.system() + "'s threshold " + Alerts.number(o.threshold())
								+ ((o.unit() != null && !o.unit().equals("None")) ? " " + o.unit() : "") + " is "
								+ Alerts.number(expected) + " there, but the rule compares with "
								+ Alerts.number(n.threshold()) + " (" + times + " that); write "
								+ Alerts.number(expected) + " in the rule");
				defect = true;
			}
		}
		return defect;
	}

	/** Explains one match that is not within the tolerances. */
	private static void explain(Match m, AlertSide old, AlertSide neu, double gap, Duration onsetTolerance,
			Duration recoveryTolerance, Map<Code, List<String>> found) {
		AlertCondition o = old.condition();
		AlertCondition n = neu.condition();
		Duration longer = o.holdFor().plus(n.step());
		Duration shorter = o.holdFor().minus(o.step()).minus(n.step());
		if (m.newEpisode() == null) {
			Episode e = m.oldEpisode();
			String what = o.system() + " was in alarm " + Alerts.time(e.start()) + " for " + Alerts.words(e.duration())
					+ " and " + n.system() + "'s rule did not fire";
			if (o.missingData() == MissingData.BREACHING
					&& missingShare(old, e.start().minus(o.holdFor()), e.end()) >= 0.5) {
				add(found, Code.MISSING_DATA_TREATMENT, "missing data treated differently: " + what + ", while "
						+ o.system()
						+ " had no data, which it treats as breaching; the rule treats no data as no alert: add 'or absent(...)' of its series to the rule, or treat missing data as notBreaching");
			}
			else if (o.countsDatapoints() && o.datapointsToAlarm() < o.evaluationPeriods() && !consecutive(old,
					e.start().minus(o.step().multipliedBy(o.evaluationPeriods())), e.end(), o.datapointsToAlarm())) {
				add(found, Code.M_OF_N_NOT_CONSECUTIVE,
						"M of N not consecutive: " + what + "; " + o.holdWords()
								+ " need not be consecutive and were not, but '" + n.holdWords()
								+ "' needs the condition at every evaluation: use count_over_time((" + condition(n)
								+ ")[" + Alerts.words(o.step().multipliedBy(o.evaluationPeriods())) + ":"
								+ Alerts.words(o.step()) + "]) >= " + o.datapointsToAlarm());
			}
			else if (n.holdFor().compareTo(longer) > 0) {
				add(found, Code.FOR_TOO_LONG,
						"'for' too long: " + what + " ('" + n.holdWords() + "' is longer than " + o.holdWords() + ", "
								+ Alerts.words(o.holdFor()) + "); write for: " + Alerts.words(o.holdFor()));
			}
			else if (!Double.isNaN(gap)) {
				add(found, Code.THRESHOLD_DIFFERS,
						"thresholds differ: " + what + "; the rule's threshold " + Alerts.number(n.threshold()) + " is "
								+ percent(gap) + " off " + o.system() + "'s in the rule's scale");
			}
			else {
				add(found, Code.EPISODES_DIFFER, "missed alarm: " + what);
			}
			return;
		}
		if (m.oldEpisode() == null) {
			Episode e = m.newEpisode();
			String what = n.system() + "'s rule fired " + Alerts.time(e.start()) + " for " + Alerts.words(e.duration())
					+ " and " + o.system() + " was not in alarm";
			if (n.missingData() == MissingData.BREACHING
					&& missingShare(neu, e.start().minus(n.holdFor()), e.end()) >= 0.5) {
				add(found, Code.MISSING_DATA_TREATMENT,
						"missing data treated differently: " + what
								+ ", while the rule's series had no data ('or absent(...)' fires on no data); "
								+ o.system() + " treats missing data as " + o.missingData().word());
			}
			else if (o.missingData() == MissingData.NOT_BREACHING || o.missingData() == MissingData.IGNORE) {
				if (missingShare(old, e.start().minus(n.holdFor()), e.end()) >= 0.5) {
					add(found, Code.MISSING_DATA_TREATMENT, "missing data treated differently: " + what + ", while "
							+ o.system() + " had no data, which it treats as " + o.missingData().word());
					return;
				}
				otherExtra(what, n, o, shorter, gap, found);
			}
			else {
				otherExtra(what, n, o, shorter, gap, found);
			}
			return;
		}
		Duration onset = m.onsetDelay();
		if (onset.abs().compareTo(onsetTolerance) > 0) {
			String what = n.system() + "'s rule fired " + Alerts.signed(onset) + " after " + o.system() + " at "
					+ Alerts.time(m.oldEpisode().start()) + " (tolerance " + Alerts.words(onsetTolerance) + ")";
			if (!onset.isNegative() && n.holdFor().compareTo(longer) > 0) {
				add(found, Code.FOR_TOO_LONG,
						"'for' too long: " + what + "; '" + n.holdWords() + "' is longer than " + o.holdWords() + " ("
								+ Alerts.words(o.holdFor()) + "); write for: " + Alerts.words(o.holdFor()));
			}
			else if (onset.isNegative() && n.holdFor().compareTo(shorter) < 0) {
				add(found, Code.FOR_TOO_SHORT, "'for' too short: " + what + "; '" + n.holdWords() + "' is shorter than "
						+ o.holdWords() + "; write for: " + Alerts.words(o.holdFor().minus(o.step())));
			}
			else if (!Double.isNaN(gap)) {
				add(found, Code.THRESHOLD_DIFFERS, "thresholds differ: " + what + "; the rule's threshold is "
						+ percent(gap) + " off " + o.system() + "'s in the rule's scale");
			}
			else {
				add(found, Code.ONSET_DIFFERS, "onset differs: " + what);
			}
		}
		Duration recovery = m.recoveryDelay();
		if (!m.oldEpisode().ongoing() && !m.newEpisode().ongoing() && recovery.abs().compareTo(recoveryTolerance) > 0) {
			String what = n.system() + "'s rule resolved " + Alerts.signed(recovery) + " after " + o.system()
					+ " left alarm at " + Alerts.time(m.oldEpisode().end()) + " (tolerance "
					+ Alerts.words(recoveryTolerance) + ")";
			if (o.missingData() == MissingData.IGNORE && recovery.isNegative()
					&& missingShare(old, m.newEpisode().end(), m.oldEpisode().end()) >= 0.5) {
				add(found, Code.MISSING_DATA_TREATMENT, "missing data treated differently: " + what + "; " + o.system()
						+ " ignores missing data and kept its state through the gap");
			}
			else if ((!recovery.isNegative() && !recovery.isZero()) && !n.keepFiringFor().isZero()) {
				add(found, Code.RECOVERY_DIFFERS, "recovery differs: " + what + "; keep_firing_for: "
						+ Alerts.words(n.keepFiringFor()) + " holds the alert longer");
			}
			else {
				add(found, Code.RECOVERY_DIFFERS, "recovery differs: " + what);
			}
		}
	}

	private static void otherExtra(String what, AlertCondition n, AlertCondition o, Duration shorter, double gap,
			Map<Code, List<String>> found) {
		if (n.holdFor().compareTo(shorter) < 0) {
			add(found, Code.FOR_TOO_SHORT, "'for' too short: " + what + "; '" + n.holdWords() + "' is shorter than "
					+ o.holdWords() + "; write for: " + Alerts.words(o.holdFor().minus(o.step())));
		}
		else if (!Double.isNaN(gap)) {
			add(found, Code.THRESHOLD_DIFFERS,
					"thresholds differ: " + what + "; the rule's threshold " + Alerts.number(n.threshold()) + " is "
							+ percent(gap) + " off " + o.system() + "'s in the rule's scale");
		}
		else {
			add(found, Code.EPISODES_DIFFER, "extra alert: " + what);
		}
	}

	/**
	 * Matches episodes: an old and a new one match if they overlap, or start within the
	 * tolerance; each at most once, the largest overlap first.
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

	/**
	 * How far the new threshold is from the old one in the new scale, NaN if within 5 %.
	 */
	private static double thresholdGap(AlertCondition o, AlertCondition n, double ratio) {
		if (!o.hasThreshold() || !n.hasThreshold() || !Double.isFinite(ratio) || o.threshold() == 0) {
			return Double.NaN;
		}
		double q = n.threshold() / (o.threshold() * ratio);
		return (Math.abs(q - 1) > 0.05) ? q - 1 : Double.NaN;
	}

	/** The unit factor q is close to (within 5 %), or NaN. */
	private static double unitFactor(double q) {
		for (double f : FACTORS) {
			if (Math.abs(q / f - 1) < 0.05) {
				return f;
			}
			if (Math.abs(q * f - 1) < 0.05) {
				return 1 / f;
			}
		}
		return Double.NaN;
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
	private static boolean consecutive(AlertSide side, Instant from, Instant to, int m) {
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

	/** What the replay says against what happened, null if they agree within a step. */
	static String replayCheck(AlertSide side) {
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
		List<Match> m = match(side.actual(), side.replayed(), slack);
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
				+ (Double.isNaN(distance) ? Alerts.number(Math.abs(v)) : percent(distance)) + " "
				+ (c.comparison().upward() ? "below" : "above") + " the threshold " + Alerts.number(c.threshold());
	}

	private static Duration inAlarm(List<Episode> episodes) {
		return episodes.stream().map(Episode::duration).reduce(Duration.ZERO, Duration::plus);
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

	/** The rule's condition as PromQL, for a suggestion. */
	private static String condition(AlertCondition n) {
		return n.hasThreshold() ? n.watches() + " " + n.comparison().symbol() + " " + Alerts.number(n.threshold())
				: n.watches();
	}

	private static String percent(double share) {
		return Alerts.number(Math.abs(share) * 100) + " %";
	}

	private static void add(Map<Code, List<String>> found, Code code, String message) {
		found.computeIfAbsent(code, (k) -> new ArrayList<>()).add(message);
	}

}
