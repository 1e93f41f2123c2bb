package dev.dualrun.parity.store;

import tools.jackson.databind.json.JsonMapper;

import dev.dualrun.parity.alert.AlertJudgement;
import dev.dualrun.parity.alert.AlertSide;
import dev.dualrun.parity.config.AlertMapping;

/**
 * What an alert pair was judged on and the judgement, stored as one JSON document: the
 * report draws it and a rejudge judges it again without asking either system.
 *
 * @param alert the alert pair as run
 * @param old the old side, or null if it could not be read
 * @param neu the new side, or null if it could not be read
 * @param judgement the judgement, or null for an ERROR
 * @param error why a side could not be read, for an ERROR
 */
public record AlertDocument(AlertMapping alert, AlertSide old, AlertSide neu, AlertJudgement judgement, String error) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * @return the document as JSON
	 */
	public String toJson() {
		return JSON.writeValueAsString(this);
	}

	/**
	 * @param json a stored document
	 * @return it read back
	 */
	public static AlertDocument fromJson(String json) {
		return JSON.readValue(json, AlertDocument.class);
	}

	/**
	 * @param json an alert pair as planned ({@link RunAlertRow#definition()})
	 * @return it read back
	 */
	public static AlertMapping alert(String json) {
		return JSON.readValue(json, AlertMapping.class);
	}

	/**
	 * @param runId the run
	 * @param judgedAt when
	 * @return the row to store
	 */
	public AlertResultRow row(long runId, java.time.Instant judgedAt) {
		if (this.judgement == null) {
			return new AlertResultRow(runId, this.alert.id(), AlertJudgement.Verdict.ERROR.name(),
					dev.dualrun.parity.config.Text.oneLine(this.error, 3900), null, 0, 0, 0, judgedAt, toJson());
		}
		AlertJudgement j = this.judgement;
		int matched = (int) j.matches().stream().filter((m) -> m.kind().equals("matched")).count();
		return new AlertResultRow(runId, this.alert.id(), j.verdict().name(),
				dev.dualrun.parity.config.Text.oneLine(j.summary(), 3900),
				j.findings().isEmpty() ? null : j.findings().get(0).code().name(), this.old.replayed().size(),
				this.neu.replayed().size(), matched, judgedAt, toJson());
	}

}
