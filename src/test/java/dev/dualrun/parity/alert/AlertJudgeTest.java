package dev.dualrun.parity.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Episodes matched, missed and extra, and the causes the judge names. */
class AlertJudgeTest {

	private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

	private static final Instant T1 = T0.plus(Duration.ofHours(6));

	private static Episode at(int fromMinute, int minutes) {
		return new Episode(T0.plus(Duration.ofMinutes(fromMinute)), T0.plus(Duration.ofMinutes(fromMinute + minutes)),
				false);
	}

	/** A side on a one-minute grid: 100 everywhere, 300 in the given episodes. */
	private static AlertSide side(String system, Comparison c, double threshold, double scale, Duration hold,
			MissingData missing, int n, int m, List<Episode> episodes, List<Episode> actual, String health) {
		int size = 360;
		long[] times = new long[size];
		double[] values = new double[size];
		for (int i = 0; i < size; i++) {
			times[i] = T0.plus(Duration.ofMinutes(i)).toEpochMilli();
			values[i] = 100 * scale;
			for (Episode e : episodes) {
				if (!Instant.ofEpochMilli(times[i]).isBefore(e.start())
						&& Instant.ofEpochMilli(times[i]).isBefore(e.end())) {
					values[i] = 300 * scale;
				}
			}
		}
		AlertCondition condition = new AlertCondition(system, system.toLowerCase(), "x", c, threshold,
				Duration.ofMinutes(1), m, n, hold, Duration.ZERO, missing, null, "x", health);
		return new AlertSide(condition, times, values, episodes, actual, "history", List.of());
	}

	private static AlertSide old(List<Episode> episodes) {
		return side("CloudWatch", Comparison.GREATER, 200, 1, Duration.ofMinutes(3), MissingData.MISSING, 3, 3,
				episodes, episodes, null);
	}

	private static AlertSide rule(Comparison c, double threshold, double scale, Duration hold, List<Episode> episodes) {
		return side("Prometheus", c, threshold, scale, hold, MissingData.NOT_BREACHING, 0, 0, episodes, episodes, null);
	}

	@Test
	void episodesWithinTheTolerancesPass() {
		AlertJudgement j = AlertJudge.judge(old(List.of(at(30, 20), at(200, 10))),
				rule(Comparison.GREATER, 200, 1, Duration.ofMinutes(2), List.of(at(31, 19), at(199, 12))), T0, T1);
		assertThat(j.verdict()).isEqualTo(AlertJudgement.Verdict.PASS);
		assertThat(j.matches()).extracting(AlertJudgement.Match::kind).containsExactly("matched", "matched");
		assertThat(j.matches().get(0).onsetDelay()).isEqualTo(Duration.ofMinutes(1));
		assertThat(j.oldInAlarm()).isEqualTo(Duration.ofMinutes(30));
		assertThat(j.summary()).startsWith("2 episode(s) on both sides");
	}

	@Test
	void silenceIsNeverAPass() {
		AlertJudgement j = AlertJudge.judge(old(List.of()),
				rule(Comparison.GREATER, 200, 1, Duration.ofMinutes(2), List.of()), T0, T1);
		assertThat(j.verdict()).isEqualTo(AlertJudgement.Verdict.NO_EPISODES);
		assertThat(j.oldApproach())
			.isEqualTo("CloudWatch: highest 100 at 2026-12-01 00:00, 50 % below the threshold 200");
	}

	@Test
	void namesTheDefectThatExplainsTheDifference() {
		List<Episode> alarms = List.of(at(30, 10), at(120, 30));
		// the rule compares seconds with the alarm's milliseconds: never fires
		AlertJudgement unit = AlertJudge.judge(old(alarms),
				rule(Comparison.GREATER, 200, 0.001, Duration.ofMinutes(2), List.of()), T0, T1);
		assertThat(unit.verdict()).isEqualTo(AlertJudgement.Verdict.FAIL);
		assertThat(unit.findings().get(0).code()).isEqualTo(AlertJudgement.Code.THRESHOLD_UNIT_FACTOR);
		assertThat(unit.findings().get(0).message()).contains("write 0.2 in the rule");
		// the defect explains the missed alarms: it is named alone
		assertThat(unit.findings()).extracting(AlertJudgement.Finding::code)
			.containsExactly(AlertJudgement.Code.THRESHOLD_UNIT_FACTOR);
		// a silent window still fails an inverted operator
		AlertJudgement inverted = AlertJudge.judge(old(List.of()),
				rule(Comparison.LESS, 200, 1, Duration.ofMinutes(2), List.of()), T0, T1);
		assertThat(inverted.verdict()).isEqualTo(AlertJudgement.Verdict.FAIL);
		assertThat(inverted.findings().get(0).code()).isEqualTo(AlertJudgement.Code.OPERATOR_INVERTED);
		// for: 15m misses the 10 minute alarm and fires 12 minutes late on the long one
		AlertJudgement slow = AlertJudge.judge(old(alarms),
				rule(Comparison.GREATER, 200, 1, Duration.ofMinutes(15), List.of(at(132, 18))), T0, T1);
		assertThat(slow.findings()).extracting(AlertJudgement.Finding::code)
			.containsExactly(AlertJudgement.Code.FOR_TOO_LONG);
		assertThat(slow.findings().get(0).message()).contains("(and 1 more)");
		// for: 0s fires on a one-minute blip the alarm's 3 of 3 filters out
		AlertJudgement hasty = AlertJudge.judge(old(alarms),
				rule(Comparison.GREATER, 200, 1, Duration.ZERO, List.of(at(30, 10), at(90, 1), at(120, 30))), T0, T1);
		assertThat(hasty.findings().get(0).code()).isEqualTo(AlertJudgement.Code.FOR_TOO_SHORT);
		assertThat(hasty.findings().get(0).message()).contains("write for: 2m");
		// an unhealthy rule
		AlertSide broken = side("Prometheus", Comparison.GREATER, 200, 1, Duration.ofMinutes(2),
				MissingData.NOT_BREACHING, 0, 0, List.of(), List.of(), "health err: bad_data");
		assertThat(AlertJudge.judge(old(alarms), broken, T0, T1).findings().get(0).code())
			.isEqualTo(AlertJudgement.Code.RULE_UNHEALTHY);
	}

	@Test
	void anAlarmInAGapItTreatsAsBreachingIsMissingDataTreatedDifferently() {
		AlertSide base = side("CloudWatch", Comparison.GREATER, 200, 1, Duration.ofMinutes(3), MissingData.BREACHING, 3,
				3, List.of(), List.of(), null);
		double[] values = base.values().clone();
		Arrays.fill(values, 60, 75, Double.NaN);
		AlertSide old = new AlertSide(base.condition(), base.times(), values, List.of(at(65, 11)), null, "history",
				List.of());
		AlertJudgement j = AlertJudge.judge(old, rule(Comparison.GREATER, 200, 1, Duration.ofMinutes(2), List.of()), T0,
				T1);
		assertThat(j.findings().get(0).code()).isEqualTo(AlertJudgement.Code.MISSING_DATA_TREATMENT);
	}

	@Test
	void aReplayThatDiffersFromHistoryIsAWarningNotTheVerdict() {
		List<Episode> replayed = new ArrayList<>(List.of(at(30, 20)));
		AlertSide old = side("CloudWatch", Comparison.GREATER, 200, 1, Duration.ofMinutes(3), MissingData.MISSING, 3, 3,
				replayed, List.of(at(30, 20), at(300, 5)), null);
		AlertJudgement j = AlertJudge.judge(old, rule(Comparison.GREATER, 200, 1, Duration.ofMinutes(2), replayed), T0,
				T1);
		assertThat(j.verdict()).isEqualTo(AlertJudgement.Verdict.PASS);
		assertThat(j.oldReplay()).contains("05:00").contains("is not in the replay");
		assertThat(j.findings()).extracting(AlertJudgement.Finding::code)
			.containsExactly(AlertJudgement.Code.REPLAY_DIFFERS);
		assertThat(j.summary()).contains("; but CloudWatch's replay");
	}

}
