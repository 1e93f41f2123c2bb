package dev.dualrun.parity.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.dualrun.parity.alert.AlertJudgement.Code;
import dev.dualrun.parity.alert.AlertJudgement.Finding;
import dev.dualrun.parity.alert.AlertJudgement.Match;
import dev.dualrun.parity.alert.AlertJudgement.Verdict;
import dev.dualrun.parity.config.AlertChange;

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
		List<Match> matches = EpisodeMatcher.match(old.replayed(), neu.replayed(), onsetTolerance);
		Findings found = new Findings();
		double ratio = SideReadings.ratio(old, neu);
		boolean defect = staticFindings(old, neu, ratio, found);
		double gap = thresholdGap(o, n, ratio);
		// a defect of the definitions explains the episodes that differ: it is named
		// alone, and what it hides shows once it is fixed
		EpisodeExplainer explainer = new EpisodeExplainer(old, neu, gap, onsetTolerance, recoveryTolerance, found);
		for (Match m : defect ? List.<Match>of() : matches) {
			explainer.explain(m);
		}
		List<Finding> findings = found.list();
		String oldReplay = ReplayCheck.differences(old);
		String newReplay = ReplayCheck.differences(neu);
		if (oldReplay != null) {
			findings.add(new Finding(Code.REPLAY_DIFFERS, oldReplay));
		}
		if (newReplay != null) {
			findings.add(new Finding(Code.REPLAY_DIFFERS, newReplay));
		}
		boolean episodes = !matches.isEmpty();
		boolean differ = found.differ();
		Verdict verdict = (defect || differ) ? Verdict.FAIL : episodes ? Verdict.PASS : Verdict.NO_EPISODES;
		return new AlertJudgement(verdict, findings, matches, inAlarm(old.replayed()), inAlarm(neu.replayed()),
				onsetTolerance, recoveryTolerance, oldReplay, newReplay, SideReadings.approach(old),
				SideReadings.approach(neu));
	}

	/**
	 * Findings from the two definitions alone.
	 * @return true if one is a defect whatever the data
	 */
	private static boolean staticFindings(AlertSide old, AlertSide neu, double ratio, Findings found) {
		AlertCondition o = old.condition();
		AlertCondition n = neu.condition();
		boolean defect = false;
		if (n.health() != null) {
			found.add(Code.RULE_UNHEALTHY, n.system() + "'s rule " + n.name() + " does not evaluate (" + n.health()
					+ "): it cannot fire whatever the data; fix the rule");
			defect = true;
		}
		if (o.health() != null) {
			found.add(Code.RULE_UNHEALTHY, o.system() + "'s " + o.name() + " does not evaluate (" + o.health() + ")");
			defect = true;
		}
		if (o.comparison() != null && n.comparison() != null && o.comparison().upward() != n.comparison().upward()) {
			found.add(Code.OPERATOR_INVERTED,
					"operator inverted: " + o.system() + " alarms when the value is " + o.comparison().words() + " "
							+ Alerts.number(o.threshold()) + ", " + n.system() + "'s rule fires when it is "
							+ n.comparison().words() + " " + Alerts.number(n.threshold()) + "; write '"
							+ o.comparison().symbol() + "' in the rule",
					new AlertChange(AlertChange.Kind.OPERATOR, o.comparison().symbol()));
			defect = true;
		}
		if (o.hasThreshold() && n.hasThreshold() && o.threshold() != 0 && Double.isFinite(ratio) && ratio > 0) {
			double expected = o.threshold() * ratio;
			double q = n.threshold() / expected;
			double factor = unitFactor(q);
			if (!Double.isNaN(factor)) {
				String times = (factor >= 1) ? Alerts.number(factor) + " times"
						: "1/" + Alerts.number(1 / factor) + " of";
				found.add(Code.THRESHOLD_UNIT_FACTOR,
						"threshold off by a unit factor: the rule's series is " + Alerts.number(ratio) + " x "
								+ o.system() + "'s, so " + o.system() + "'s threshold " + Alerts.number(o.threshold())
								+ ((o.unit() != null && !o.unit().equals("None")) ? " " + o.unit() : "") + " is "
								+ Alerts.number(expected) + " there, but the rule compares with "
								+ Alerts.number(n.threshold()) + " (" + times + " that); write "
								+ Alerts.number(expected) + " in the rule",
						// exact: the rule's own threshold over the factor
						new AlertChange(AlertChange.Kind.THRESHOLD,
								java.math.BigDecimal.valueOf(n.threshold() / factor)
									.stripTrailingZeros()
									.toPlainString()));
				defect = true;
			}
		}
		return defect;
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

	private static Duration inAlarm(List<Episode> episodes) {
		return episodes.stream().map(Episode::duration).reduce(Duration.ZERO, Duration::plus);
	}

}
