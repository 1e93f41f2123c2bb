package dev.dualrun.parity.alert;

import java.time.Duration;

import dev.dualrun.parity.alert.AlertJudgement.Code;
import dev.dualrun.parity.alert.AlertJudgement.Match;
import dev.dualrun.parity.config.AlertChange;

/**
 * Names the cause of each match outside the tolerances: a missed alarm, an extra alert,
 * an onset or a recovery that differs; by missing data treated differently, M of N
 * datapoints that were never consecutive, a {@code for} too long or too short, or a
 * threshold that differs.
 */
final class EpisodeExplainer {

	private final AlertSide old;

	private final AlertSide neu;

	private final AlertCondition o;

	private final AlertCondition n;

	/** How far the thresholds differ in the new side's scale, NaN if they agree. */
	private final double gap;

	private final Duration onsetTolerance;

	private final Duration recoveryTolerance;

	/** A {@code for} longer than this delays the onset. */
	private final Duration longer;

	/** A {@code for} shorter than this advances the onset. */
	private final Duration shorter;

	private final Findings found;

	EpisodeExplainer(AlertSide old, AlertSide neu, double gap, Duration onsetTolerance, Duration recoveryTolerance,
			Findings found) {
		this.old = old;
		this.neu = neu;
		this.o = old.condition();
		this.n = neu.condition();
		this.gap = gap;
		this.onsetTolerance = onsetTolerance;
		this.recoveryTolerance = recoveryTolerance;
		this.longer = this.o.holdFor().plus(this.n.step());
		this.shorter = this.o.holdFor().minus(this.o.step()).minus(this.n.step());
		this.found = found;
	}

	/** Explains one match that is not within the tolerances. */
	void explain(Match m) {
		if (m.newEpisode() == null) {
			missed(m.oldEpisode());
			return;
		}
		if (m.oldEpisode() == null) {
			extra(m.newEpisode());
			return;
		}
		onset(m);
		recovery(m);
	}

	private void missed(Episode e) {
		String what = this.o.system() + " was in alarm " + Alerts.time(e.start()) + " for " + Alerts.words(e.duration())
				+ " and " + this.n.system() + "'s rule did not fire";
		if (this.o.missingData() == MissingData.BREACHING
				&& SideReadings.missingShare(this.old, e.start().minus(this.o.holdFor()), e.end()) >= 0.5) {
			this.found.add(Code.MISSING_DATA_TREATMENT, "missing data treated differently: " + what + ", while "
					+ this.o.system()
					+ " had no data, which it treats as breaching; the rule treats no data as no alert: add 'or absent(...)' of its series to the rule, or treat missing data as notBreaching");
		}
		else if (this.o.countsDatapoints() && this.o.datapointsToAlarm() < this.o.evaluationPeriods()
				&& !SideReadings.consecutive(this.old,
						e.start().minus(this.o.step().multipliedBy(this.o.evaluationPeriods())), e.end(),
						this.o.datapointsToAlarm())) {
			this.found.add(Code.M_OF_N_NOT_CONSECUTIVE,
					"M of N not consecutive: " + what + "; " + this.o.holdWords()
							+ " need not be consecutive and were not, but '" + this.n.holdWords()
							+ "' needs the condition at every evaluation: use count_over_time((" + condition(this.n)
							+ ")[" + Alerts.words(this.o.step().multipliedBy(this.o.evaluationPeriods())) + ":"
							+ Alerts.words(this.o.step()) + "]) >= " + this.o.datapointsToAlarm());
		}
		else if (this.n.holdFor().compareTo(this.longer) > 0) {
			this.found.add(Code.FOR_TOO_LONG,
					"'for' too long: " + what + " ('" + this.n.holdWords() + "' is longer than " + this.o.holdWords()
							+ ", " + Alerts.words(this.o.holdFor()) + "); write for: " + Alerts.words(this.o.holdFor()),
					holdFor(this.o.holdFor()));
		}
		else if (!Double.isNaN(this.gap)) {
			this.found.add(Code.THRESHOLD_DIFFERS,
					"thresholds differ: " + what + "; the rule's threshold " + Alerts.number(this.n.threshold())
							+ " is " + Alerts.percent(this.gap) + " off " + this.o.system() + "'s in the rule's scale");
		}
		else {
			this.found.add(Code.EPISODES_DIFFER, "missed alarm: " + what);
		}
	}

	private void extra(Episode e) {
		String what = this.n.system() + "'s rule fired " + Alerts.time(e.start()) + " for " + Alerts.words(e.duration())
				+ " and " + this.o.system() + " was not in alarm";
		if (this.n.missingData() == MissingData.BREACHING
				&& SideReadings.missingShare(this.neu, e.start().minus(this.n.holdFor()), e.end()) >= 0.5) {
			this.found.add(Code.MISSING_DATA_TREATMENT,
					"missing data treated differently: " + what
							+ ", while the rule's series had no data ('or absent(...)' fires on no data); "
							+ this.o.system() + " treats missing data as " + this.o.missingData().word());
		}
		else if (this.o.missingData() == MissingData.NOT_BREACHING || this.o.missingData() == MissingData.IGNORE) {
			if (SideReadings.missingShare(this.old, e.start().minus(this.n.holdFor()), e.end()) >= 0.5) {
				this.found.add(Code.MISSING_DATA_TREATMENT, "missing data treated differently: " + what + ", while "
						+ this.o.system() + " had no data, which it treats as " + this.o.missingData().word());
				return;
			}
			otherExtra(what);
		}
		else {
			otherExtra(what);
		}
	}

	private void otherExtra(String what) {
		if (this.n.holdFor().compareTo(this.shorter) < 0) {
			this.found.add(Code.FOR_TOO_SHORT,
					"'for' too short: " + what + "; '" + this.n.holdWords() + "' is shorter than " + this.o.holdWords()
							+ "; write for: " + Alerts.words(this.o.holdFor().minus(this.o.step())),
					holdFor(this.o.holdFor().minus(this.o.step())));
		}
		else if (!Double.isNaN(this.gap)) {
			this.found.add(Code.THRESHOLD_DIFFERS,
					"thresholds differ: " + what + "; the rule's threshold " + Alerts.number(this.n.threshold())
							+ " is " + Alerts.percent(this.gap) + " off " + this.o.system() + "'s in the rule's scale");
		}
		else {
			this.found.add(Code.EPISODES_DIFFER, "extra alert: " + what);
		}
	}

	private void onset(Match m) {
		Duration onset = m.onsetDelay();
		if (onset.abs().compareTo(this.onsetTolerance) <= 0) {
			return;
		}
		String what = this.n.system() + "'s rule fired " + Alerts.signed(onset) + " after " + this.o.system() + " at "
				+ Alerts.time(m.oldEpisode().start()) + " (tolerance " + Alerts.words(this.onsetTolerance) + ")";
		if (!onset.isNegative() && this.n.holdFor().compareTo(this.longer) > 0) {
			this.found.add(Code.FOR_TOO_LONG,
					"'for' too long: " + what + "; '" + this.n.holdWords() + "' is longer than " + this.o.holdWords()
							+ " (" + Alerts.words(this.o.holdFor()) + "); write for: " + Alerts.words(this.o.holdFor()),
					holdFor(this.o.holdFor()));
		}
		else if (onset.isNegative() && this.n.holdFor().compareTo(this.shorter) < 0) {
			this.found.add(Code.FOR_TOO_SHORT,
					"'for' too short: " + what + "; '" + this.n.holdWords() + "' is shorter than " + this.o.holdWords()
							+ "; write for: " + Alerts.words(this.o.holdFor().minus(this.o.step())),
					holdFor(this.o.holdFor().minus(this.o.step())));
		}
		else if (!Double.isNaN(this.gap)) {
			this.found.add(Code.THRESHOLD_DIFFERS, "thresholds differ: " + what + "; the rule's threshold is "
					+ Alerts.percent(this.gap) + " off " + this.o.system() + "'s in the rule's scale");
		}
		else {
			this.found.add(Code.ONSET_DIFFERS, "onset differs: " + what);
		}
	}

	private void recovery(Match m) {
		Duration recovery = m.recoveryDelay();
		if (m.oldEpisode().ongoing() || m.newEpisode().ongoing()
				|| recovery.abs().compareTo(this.recoveryTolerance) <= 0) {
			return;
		}
		String what = this.n.system() + "'s rule resolved " + Alerts.signed(recovery) + " after " + this.o.system()
				+ " left alarm at " + Alerts.time(m.oldEpisode().end()) + " (tolerance "
				+ Alerts.words(this.recoveryTolerance) + ")";
		if (this.o.missingData() == MissingData.IGNORE && recovery.isNegative()
				&& SideReadings.missingShare(this.old, m.newEpisode().end(), m.oldEpisode().end()) >= 0.5) {
			this.found.add(Code.MISSING_DATA_TREATMENT, "missing data treated differently: " + what + "; "
					+ this.o.system() + " ignores missing data and kept its state through the gap");
		}
		else if ((!recovery.isNegative() && !recovery.isZero()) && !this.n.keepFiringFor().isZero()) {
			this.found.add(Code.RECOVERY_DIFFERS, "recovery differs: " + what + "; keep_firing_for: "
					+ Alerts.words(this.n.keepFiringFor()) + " holds the alert longer");
		}
		else {
			this.found.add(Code.RECOVERY_DIFFERS, "recovery differs: " + what);
		}
	}

	/** The rule's condition in its own query language, for a suggestion. */
	private static String condition(AlertCondition n) {
		return n.hasThreshold() ? n.watches() + " " + n.comparison().symbol() + " " + Alerts.number(n.threshold())
				: n.watches();
	}

	private static AlertChange holdFor(Duration d) {
		return new AlertChange(AlertChange.Kind.HOLD_FOR, Alerts.words(d));
	}

}
