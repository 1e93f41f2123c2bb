package dev.dualrun.parity.fix;

import java.util.ArrayList;
import java.util.List;

import dev.dualrun.parity.alert.AlertJudgement;
import dev.dualrun.parity.config.AlertChange;
import dev.dualrun.parity.config.AlertMapping;
import dev.dualrun.parity.store.AlertDocument;
import dev.dualrun.parity.store.AlertResultRow;
import dev.dualrun.parity.store.ParityStore;

/**
 * The change of a failing alert pair's new-side rule that its first finding implies: a
 * {@code for} too long or too short, a threshold off by a unit factor, an operator
 * inverted.
 *
 * @param alert the alert pair as run
 * @param code the finding it answers
 * @param change the change of the rule
 */
public record AlertFix(AlertMapping alert, AlertJudgement.Code code, AlertChange change) {

	/**
	 * @param store the store
	 * @param runId the run
	 * @return the fixes of its failing alert pairs, and those with none as "id (CODE)"
	 */
	public static Planned plan(ParityStore store, long runId) {
		List<AlertFix> fixes = new ArrayList<>();
		List<String> unfixed = new ArrayList<>();
		for (AlertResultRow row : store.alerts().results(runId)) {
			if (!"FAIL".equals(row.verdict()) || row.document() == null) {
				continue;
			}
			AlertDocument doc = AlertDocument.fromJson(row.document());
			AlertJudgement.Finding first = (doc.judgement() != null && !doc.judgement().findings().isEmpty())
					? doc.judgement().findings().get(0) : null;
			if (first != null && first.remedy() != null) {
				fixes.add(new AlertFix(doc.alert(), first.code(), first.remedy()));
			}
			else {
				unfixed.add(row.alertId() + " (" + ((first != null) ? first.code() : "FAIL") + ")");
			}
		}
		return new Planned(fixes, unfixed);
	}

	/**
	 * @return the fix in words: the change and the rule
	 */
	public String words() {
		return this.change.words() + " in rule " + this.alert.neu().describe();
	}

	/**
	 * A run's alert fixes, and its failing alert pairs with none.
	 *
	 * @param fixes one per fixable alert pair
	 * @param unfixed the others, each with its first finding's code
	 */
	public record Planned(List<AlertFix> fixes, List<String> unfixed) {

	}

}
