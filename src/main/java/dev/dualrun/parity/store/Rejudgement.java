package dev.dualrun.parity.store;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.compare.ComparisonResult;
import dev.dualrun.parity.compare.PairJudge;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.Tolerance;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.TimeSeries;

/**
 * Judges the stored evidence of a past run again with other tolerances, calling no
 * backend, and stores the verdicts as a new judgement: a run of its own that names the
 * run it judged.
 */
public final class Rejudgement {

	private final ParityStore store;

	private final Clock clock;

	public Rejudgement(ParityStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * @param runId the run to judge again
	 * @param override the tolerance fields to change (null fields keep each pair's own)
	 * @param note the change in words, stored with the judgement
	 * @return the new judgement's run id
	 * @throws IllegalArgumentException if there is no such run or it has no planned pairs
	 */
	public long rejudge(long runId, Tolerance.Override override, String note) {
		RunRow source = this.store.run(runId)
			.orElseThrow(() -> new IllegalArgumentException("no run " + runId + " in the database"));
		List<RunPairRow> planned = this.store.runs().pairs(runId);
		List<RunAlertRow> alerts = this.store.alerts().alerts(runId);
		if (planned.isEmpty() && alerts.isEmpty()) {
			throw new IllegalArgumentException(
					"run " + runId + " has no planned pairs to judge (it failed before planning)");
		}
		long id = this.store.runs()
			.insert(source.mappingSource(), source.pairFilter(), source.requestedFrom(), source.requestedTo(),
					source.settleSeconds(), this.clock.instant(), null);
		this.store.runs()
			.judgement(id, runId, note, source.windowStart(), source.windowEnd(), planned.size(),
					source.mappingSha256(), source.oldLocation(), source.oldVersion(), source.newLocation(),
					source.newVersion());
		List<RunPairRow> copies = planned.stream()
			.map((p) -> new RunPairRow(id, p.pairId(), p.ordinal(), p.periodSeconds(), p.windowStart(), p.windowEnd(),
					PairDefinitions.toJson(withTolerance(PairDefinitions.fromJson(p.definition()), override)),
					p.lint()))
			.toList();
		this.store.plan(id, copies);
		for (RunPairRow pair : copies) {
			judge(runId, id, pair);
		}
		rejudgeAlerts(runId, id, alerts);
		this.store.adjustFalseDiscoveries(id);
		this.store.runs().finish(id, "COMPLETED", this.clock.instant(), null);
		return id;
	}

	/**
	 * The alert pairs judged again by the same judge on the sides stored with them (an
	 * alert pair that could not be read stays an ERROR).
	 */
	private void rejudgeAlerts(long sourceRun, long judgementRun, List<RunAlertRow> alerts) {
		this.store.planAlerts(alerts.stream()
			.map((a) -> new RunAlertRow(judgementRun, a.alertId(), a.ordinal(), a.windowStart(), a.windowEnd(),
					a.definition()))
			.toList());
		java.util.Map<String, RunAlertRow> planned = new java.util.HashMap<>();
		alerts.forEach((a) -> planned.put(a.alertId(), a));
		List<AlertResultRow> rows = new java.util.ArrayList<>();
		for (AlertResultRow stored : this.store.alerts().results(sourceRun)) {
			AlertDocument d = AlertDocument.fromJson(stored.document());
			RunAlertRow a = planned.get(stored.alertId());
			AlertDocument again = (d.judgement() == null || a == null) ? d
					: new AlertDocument(d.alert(), d.old(), d.neu(),
							dev.dualrun.parity.alert.AlertJudge.judge(d.old(), d.neu(), a.windowStart(), a.windowEnd()),
							null);
			rows.add(again.row(judgementRun, this.clock.instant()));
		}
		this.store.saveAlertResults(rows);
	}

	private void judge(long sourceRun, long judgementRun, RunPairRow planned) {
		PairMapping pair = PairDefinitions.fromJson(planned.definition());
		EvidenceRow oldEvidence = this.store.results().evidence(sourceRun, pair.id(), EvidenceRow.OLD).orElse(null);
		EvidenceRow newEvidence = this.store.results().evidence(sourceRun, pair.id(), EvidenceRow.NEW).orElse(null);
		String missing = (oldEvidence == null || newEvidence == null)
				? "no stored evidence of run " + sourceRun + " for this pair"
				: (oldEvidence.error() != null) ? oldEvidence.error() : newEvidence.error();
		if (missing != null) {
			PairResultRow earlier = this.store.results()
				.results(sourceRun)
				.stream()
				.filter((r) -> r.pairId().equals(pair.id()))
				.findFirst()
				.orElse(null);
			// a pair that failed without comparable series (e.g. several series) fails
			// the same way again
			PairResultRow row = (earlier != null && "FAIL".equals(earlier.verdict()))
					? earlier.inRun(judgementRun, this.clock.instant())
					: this.store.errorRow(judgementRun, pair.id(), missing);
			this.store.saveResult(row, List.of(), null);
			return;
		}
		QueryWindow window = new QueryWindow(planned.windowStart(), planned.windowEnd(), pair.period());
		// the labels are kept with the evidence: the identity check is judged again too
		TimeSeries newSeries = series(newEvidence);
		ComparisonResult result = PairJudge
			.judge(pair, window, series(oldEvidence),
					new TimeSeries(ParityStore.labels(newEvidence.labels()), newSeries.timestamps(), newSeries.values(),
							newSeries.messages()))
			.result();
		this.store.saveResult(this.store.resultRow(judgementRun, pair.id(), result),
				ParityStore.discrepancyRows(judgementRun, pair.id(), result.points().discrepancies()), null);
	}

	private static TimeSeries series(EvidenceRow row) {
		PackedSeries.Points p = PackedSeries.unpack(row.packed());
		return new TimeSeries(Map.of(), p.timestamps(), p.values(), ParityStore.strings(row.messages()));
	}

	private static PairMapping withTolerance(PairMapping pair, Tolerance.Override override) {
		return pair.withTolerance(pair.tolerance().with(override));
	}

}
