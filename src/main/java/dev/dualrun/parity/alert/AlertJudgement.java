package dev.dualrun.parity.alert;

import java.time.Duration;
import java.util.List;

import dev.dualrun.parity.config.AlertChange;

/**
 * The judgement of an alert pair.
 *
 * @param verdict PASS, FAIL or NO_EPISODES
 * @param findings what was found, the one that explains the verdict first
 * @param matches the two sides' episodes, matched, missed and extra, in time order
 * @param oldInAlarm the old side's time in alarm over the window
 * @param newInAlarm the new side's time in alarm over the window
 * @param onsetTolerance how far apart two matched episodes may start
 * @param recoveryTolerance how far apart two matched episodes may end
 * @param oldReplay what the old side's replay says against its history: null if they
 * agree
 * @param newReplay the same for the new side
 * @param oldApproach how close the old side came to its threshold, in words
 * @param newApproach the same for the new side
 */
public record AlertJudgement(Verdict verdict, List<Finding> findings, List<Match> matches, Duration oldInAlarm,
		Duration newInAlarm, Duration onsetTolerance, Duration recoveryTolerance, String oldReplay, String newReplay,
		String oldApproach, String newApproach) {

	public AlertJudgement {
		findings = List.copyOf(findings);
		matches = List.copyOf(matches);
	}

	/** Verdicts of an alert pair. */
	public enum Verdict {

		/** Both sides alarmed together, within the tolerances. */
		PASS,
		/** They did not, or a defect shows in the definitions. */
		FAIL,
		/**
		 * Neither side alarmed in the window: nothing was shown, see how close each came.
		 */
		NO_EPISODES,
		/** A side could not be read. */
		ERROR

	}

	/** Stable codes of alert findings. */
	public enum Code {

		/** The rule does not evaluate (an error, or never evaluated). */
		RULE_UNHEALTHY,
		/** One side alarms above its threshold, the other below. */
		OPERATOR_INVERTED,
		/** The thresholds differ by a unit factor (x1000, x60, ...). */
		THRESHOLD_UNIT_FACTOR,
		/**
		 * The thresholds differ by other than a unit factor, and the episodes show it.
		 */
		THRESHOLD_DIFFERS,
		/** Missing data alarms on one side and not on the other. */
		MISSING_DATA_TREATMENT,
		/** The rule's {@code for} waits longer than the alarm's M periods. */
		FOR_TOO_LONG,
		/** The rule's {@code for} waits less than the alarm's M periods. */
		FOR_TOO_SHORT,
		/**
		 * M of N datapoints need not be consecutive; a {@code for} needs every
		 * evaluation.
		 */
		M_OF_N_NOT_CONSECUTIVE,
		/** Matched episodes end further apart than the tolerance. */
		RECOVERY_DIFFERS,
		/** Matched episodes start further apart than the tolerance. */
		ONSET_DIFFERS,
		/** Episodes on one side only, with no cause found. */
		EPISODES_DIFFER,
		/** A side's replay differs from what actually happened (warning). */
		REPLAY_DIFFERS

	}

	/**
	 * One finding, in words with its numbers.
	 *
	 * @param code its code
	 * @param message what was found and what to do
	 * @param remedy the change of the rule it implies, or null when none a rule file can
	 * hold
	 */
	public record Finding(Code code, String message, AlertChange remedy) {

		/**
		 * @param code its code
		 * @param message what was found and what to do
		 */
		public Finding(Code code, String message) {
			this(code, message, null);
		}

	}

	/**
	 * Two episodes matched, or one side's alone.
	 *
	 * @param oldEpisode the old side's, or null if the new side alarmed alone (extra)
	 * @param newEpisode the new side's, or null if the old side alarmed alone (missed)
	 * @param onsetDelay how much later the new side entered alarm (negative: earlier)
	 * @param recoveryDelay how much later it left alarm
	 */
	public record Match(Episode oldEpisode, Episode newEpisode, Duration onsetDelay, Duration recoveryDelay) {

		/**
		 * @return matched, missed or extra
		 */
		public String kind() {
			return (this.oldEpisode == null) ? "extra" : (this.newEpisode == null) ? "missed" : "matched";
		}

	}

	/**
	 * @return the first finding that explains the verdict, or a sentence for a pass or a
	 * window without episodes (with a differing replay said after it)
	 */
	public String summary() {
		for (Finding f : this.findings) {
			if (f.code() != Code.REPLAY_DIFFERS) {
				return f.message();
			}
		}
		long matched = this.matches.stream().filter((m) -> m.kind().equals("matched")).count();
		String sentence = switch (this.verdict) {
			case PASS -> matched + " episode(s) on both sides, onsets within " + Alerts.words(this.onsetTolerance)
					+ " and recoveries within " + Alerts.words(this.recoveryTolerance);
			case NO_EPISODES -> "neither side alarmed in the window: " + this.oldApproach + "; " + this.newApproach;
			default -> this.verdict.name();
		};
		return this.findings.isEmpty() ? sentence : sentence + "; but " + this.findings.get(0).message();
	}

}
