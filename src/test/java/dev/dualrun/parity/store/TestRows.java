package dev.dualrun.parity.store;

import java.time.Instant;
import java.util.List;

import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.compare.Verdict;
import dev.dualrun.parity.config.Side;

/** Rows for tests, with only what a test sets and nulls for the rest. */
public final class TestRows {

	private static final SideFigures NONE = new SideFigures(null, 0L, null, null, null, null, null, null, null);

	private TestRows() {
	}

	/**
	 * @param id the run
	 * @param status its status
	 * @param mapping its mapping file
	 * @param start its window's start, also when it started and ended
	 * @param end its window's end
	 * @param pairs its pairs, counted as passing
	 * @param judgedFrom the run it judged again, or null
	 * @return a run that read each side once
	 */
	public static RunRow run(long id, String status, String mapping, Instant start, Instant end, int pairs,
			Long judgedFrom) {
		return new RunRow(id, 1L, status, mapping, "0".repeat(64), null, null, null, start, end, 600, start, start,
				pairs, pairs, 0, 0, 0, 0, 1, null, null, judgedFrom, null, 0, 0, 60,
				List.of(new BackendRow(id, 1, Side.OLD, "CloudWatch", "http://cw", null, "GetMetricData", null, 1, 2, 0,
						0),
						new BackendRow(id, 2, Side.NEW, "Prometheus", "http://prom", null, "2.42.0", "closed [t-P, t]",
								3, 0, 0, 0)));
	}

	/**
	 * @param runId the run
	 * @param pairId the pair
	 * @param verdict its verdict
	 * @param summary its first reason, also its one diagnosis (a bias)
	 * @return the judgement, with no figures
	 */
	public static PairResultRow result(long runId, String pairId, Verdict verdict, String summary) {
		return new PairResultRow(runId, pairId, verdict, summary,
				StoreJson.json(List.of(new Diagnosis(Diagnosis.Code.BIAS, summary))), "[]",
				(verdict == Verdict.ERROR) ? summary : null, 0, null, null, null, null, null, NONE, NONE, Instant.EPOCH,
				null, null, null, null);
	}

}
