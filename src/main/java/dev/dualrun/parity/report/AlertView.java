package dev.dualrun.parity.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.alert.AlertJudgement;
import dev.dualrun.parity.alert.AlertSide;
import dev.dualrun.parity.alert.Alerts;
import dev.dualrun.parity.alert.Episode;
import dev.dualrun.parity.store.AlertDocument;
import dev.dualrun.parity.store.AlertResultRow;

/**
 * An alert pair as the report shows it.
 *
 * @param id the alert pair
 * @param description what it guards
 * @param verdict PASS, FAIL, NO_EPISODES or ERROR
 * @param summary the first finding
 * @param findings every finding, code and message
 * @param oldSystem the old side's system
 * @param oldName the alarm's name
 * @param oldDefinition the alarm in its system's words
 * @param newSystem the new side's system
 * @param newName the rule's name
 * @param newDefinition the rule in its system's words
 * @param figures times in alarm, episode counts, tolerances, how close each came
 * @param matches one row per episode: kind, old, new, onset delay, recovery delay
 * @param notes what reading either side found worth saying
 * @param timeline the timeline's data for the report's script (null for an ERROR)
 * @param document the stored document, for the JSON report
 */
public record AlertView(String id, String description, String verdict, String summary,
		List<AlertJudgement.Finding> findings, String oldSystem, String oldName, String oldDefinition, String newSystem,
		String newName, String newDefinition, Map<String, String> figures, List<List<String>> matches,
		List<String> notes, Map<String, Object> timeline, AlertDocument document) {

	/** Episode rows shown on the page. */
	static final int EPISODE_ROWS = 10;

	/**
	 * @param row a stored judgement
	 * @return its view
	 */
	static AlertView of(AlertResultRow row) {
		AlertDocument d = AlertDocument.fromJson(row.document());
		if (d.judgement() == null) {
			return new AlertView(row.alertId(), d.alert().description(), row.verdict(), row.summary(), List.of(),
					d.alert().old().type(), d.alert().old().describe(), "", d.alert().neu().type(),
					d.alert().neu().describe(), "", Map.of(), List.of(), List.of(), null, d);
		}
		AlertJudgement j = d.judgement();
		AlertSide o = d.old();
		AlertSide n = d.neu();
		Map<String, String> figures = new LinkedHashMap<>();
		figures.put("episodes", o.replayed().size() + " " + o.system() + ", " + n.replayed().size() + " " + n.system()
				+ ", " + count(j, "matched") + " matched");
		figures.put("time in alarm", Alerts.words(j.oldInAlarm()) + " " + o.system() + ", "
				+ Alerts.words(j.newInAlarm()) + " " + n.system());
		figures.put("tolerances",
				"onset " + Alerts.words(j.onsetTolerance()) + ", recovery " + Alerts.words(j.recoveryTolerance()));
		figures.put("closest to threshold", j.oldApproach() + "; " + j.newApproach());
		figures.put(o.system() + " replay", replay(o, j.oldReplay()));
		figures.put(n.system() + " replay", replay(n, j.newReplay()));
		List<List<String>> matches = episodes(j);
		List<String> notes = new ArrayList<>(o.notes());
		notes.addAll(n.notes());
		return new AlertView(row.alertId(), d.alert().description(), row.verdict(), row.summary(), j.findings(),
				o.system(), o.condition().name(), o.condition().definition(), n.system(), n.condition().name(),
				n.condition().definition(), figures, matches, notes, AlertTimeline.of(row.alertId(), d), d);
	}

	/**
	 * The episodes as rows, those that do not match first, at most
	 * {@value #EPISODE_ROWS}: every one is in the run's JSON report.
	 */
	private static List<List<String>> episodes(AlertJudgement j) {
		List<AlertJudgement.Match> ordered = j.matches()
			.stream()
			.sorted(java.util.Comparator.comparing((AlertJudgement.Match m) -> "matched".equals(m.kind())))
			.toList();
		List<List<String>> rows = new ArrayList<>();
		for (AlertJudgement.Match m : ordered.subList(0, Math.min(EPISODE_ROWS, ordered.size()))) {
			rows.add(List.of(m.kind(), span(m.oldEpisode()), span(m.newEpisode()),
					(m.onsetDelay() != null) ? Alerts.signed(m.onsetDelay()) : "-",
					(m.recoveryDelay() != null) ? Alerts.signed(m.recoveryDelay()) : "-"));
		}
		if (ordered.size() > EPISODE_ROWS) {
			rows.add(List.of("and " + (ordered.size() - EPISODE_ROWS) + " more", "every episode is in the run's JSON",
					"", "", ""));
		}
		return rows;
	}

	private static String replay(AlertSide side, String check) {
		if (side.actual() == null) {
			return "not checked: no history";
		}
		return (check == null) ? "agrees with " + side.actualSource() + " (" + side.actual().size() + " episode(s))"
				: "differs from " + side.actualSource();
	}

	private static long count(AlertJudgement j, String kind) {
		return j.matches().stream().filter((m) -> m.kind().equals(kind)).count();
	}

	private static String span(Episode e) {
		if (e == null) {
			return "-";
		}
		return Alerts.time(e.start()) + " for " + Alerts.words(e.duration()) + (e.ongoing() ? " (ongoing)" : "");
	}

}
