package dev.dualrun.parity.store;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.alert.AlertJudge;
import dev.dualrun.parity.compare.PairJudge;
import dev.dualrun.parity.compare.SideAnswer;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.Tolerance;
import dev.dualrun.parity.source.QueryWindow;

/**
 * Judges the stored answers of a past run again, with the same judge and, if asked, other
 * tolerances, calling no backend, and stores the verdicts as a new judgement: a run of
 * its own that names the run it judged. Each pair is judged on what each side answered,
 * then settled on its second reads where the run read it again, so that with the same
 * tolerances it gives the run's verdicts and diagnoses.
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
					source.mappingSha256());
		this.store.runs().copyBackends(id, runId);
		List<RunPairRow> copies = planned.stream()
			.map((p) -> new RunPairRow(id, p.pairId(), p.ordinal(), p.periodSeconds(), p.windowStart(), p.windowEnd(),
					PairDefinitions.toJson(withTolerance(PairDefinitions.fromJson(p.definition()), override)),
					p.lint()))
			.toList();
		this.store.plan(id, copies);
		Duration pause = Duration
			.ofSeconds((source.settleRecheckSeconds() != null) ? source.settleRecheckSeconds() : 0);
		for (RunPairRow pair : copies) {
			judge(runId, id, pair, pause);
		}
		rejudgeAlerts(runId, id, alerts);
		this.store.saveQValues(id, PairJudge.qValues(this.store.pValues(id)));
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
		Map<String, RunAlertRow> planned = new HashMap<>();
		alerts.forEach((a) -> planned.put(a.alertId(), a));
		List<AlertResultRow> rows = new java.util.ArrayList<>();
		for (AlertResultRow stored : this.store.alerts().results(sourceRun)) {
			AlertDocument d = AlertDocument.fromJson(stored.document());
			RunAlertRow a = planned.get(stored.alertId());
			AlertDocument again = (d.judgement() == null || a == null) ? d : new AlertDocument(d.alert(), d.old(),
					d.neu(), AlertJudge.judge(d.old(), d.neu(), a.windowStart(), a.windowEnd()), null);
			rows.add(again.row(judgementRun, this.clock.instant()));
		}
		this.store.saveAlertResults(rows);
	}

	/** A pair judged on the run's answers, and settled on its second reads if any. */
	private void judge(long sourceRun, long judgementRun, RunPairRow planned, Duration pause) {
		PairMapping pair = PairDefinitions.fromJson(planned.definition());
		QueryWindow window = planned.window();
		SideAnswer[] first = { this.store.answer(sourceRun, pair, EvidenceRow.Side.OLD),
				this.store.answer(sourceRun, pair, EvidenceRow.Side.NEW) };
		PairJudge.Judgement judged = PairJudge.judge(pair, window, first[0], first[1]);
		var oldAgain = this.store.results().evidence(sourceRun, pair.id(), EvidenceRow.Side.OLD_AGAIN);
		var newAgain = this.store.results().evidence(sourceRun, pair.id(), EvidenceRow.Side.NEW_AGAIN);
		if (oldAgain.isPresent() && newAgain.isPresent()) {
			judged = PairJudge.settle(pair, window, judged, first,
					new SideAnswer[] { oldAgain.get().answer(), newAgain.get().answer() }, pause);
		}
		this.store.saveResult(this.store.resultRow(judgementRun, pair.id(), judged.result()),
				ResultRows.discrepancies(judgementRun, pair.id(), judged.result().points().discrepancies()), null);
	}

	private static PairMapping withTolerance(PairMapping pair, Tolerance.Override override) {
		return pair.withTolerance(pair.tolerance().with(override));
	}

}
