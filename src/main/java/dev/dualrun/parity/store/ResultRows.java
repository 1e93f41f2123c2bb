package dev.dualrun.parity.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.dualrun.parity.compare.ComparisonResult;
import dev.dualrun.parity.compare.Discrepancy;

import static dev.dualrun.parity.store.StoreJson.json;
import static dev.dualrun.parity.store.StoreJson.num;

/** Builds the rows a judged pair is stored as: its result row and its discrepancies. */
public final class ResultRows {

	private ResultRows() {
	}

	/**
	 * @param runId the run
	 * @param pairId the pair
	 * @param result the judgement
	 * @param judgedAt when it was judged
	 * @return the result row
	 */
	static PairResultRow result(long runId, String pairId, ComparisonResult result, Instant judgedAt) {
		var points = result.points();
		boolean error = result.verdict() == dev.dualrun.parity.compare.Verdict.ERROR;
		return new PairResultRow(runId, pairId, result.verdict(), result.summary(), json(result.diagnoses()),
				json(result.notes()), error ? result.summary() : null, points.common(), num(points.withinShare()),
				num(points.bias()), num(points.mape()), (result.lag() != null) ? result.lag().bestLag() : null,
				(result.unitFactor() != null) ? num(result.unitFactor().medianRatio()) : null,
				SideFigures.of(result.compared() ? points.oldCoverage() : Double.NaN, result.oldAggregates()),
				SideFigures.of(result.compared() ? points.newCoverage() : Double.NaN, result.newAggregates()), judgedAt,
				(result.evidence() != null) ? json(result.evidence()) : null,
				(result.evidence() != null) ? num(result.evidence().wilcoxon().pValue()) : null, null, null);
	}

	/**
	 * @param runId the run
	 * @param pairId the pair
	 * @param discrepancies the discrepancies of a judgement
	 * @return their rows
	 */
	public static List<DiscrepancyRow> discrepancies(long runId, String pairId, List<Discrepancy> discrepancies) {
		List<DiscrepancyRow> rows = new ArrayList<>(discrepancies.size());
		for (Discrepancy d : discrepancies) {
			rows.add(new DiscrepancyRow(runId, pairId, Instant.ofEpochMilli(d.timestamp()), d.kind().name(),
					num(d.oldValue()), num(d.newValue()), num(d.absoluteError()), num(d.relativeError())));
		}
		return rows;
	}

}
