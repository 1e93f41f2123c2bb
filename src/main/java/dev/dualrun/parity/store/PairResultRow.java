package dev.dualrun.parity.store;

import java.time.Instant;

import org.jdbi.v3.core.mapper.Nested;

import dev.dualrun.parity.compare.Verdict;

/**
 * A row of {@code pair_result}: a pair's judgement. Doubles are null where undefined.
 *
 * @param runId the run
 * @param pairId the pair
 * @param verdict the verdict
 * @param summary the first reason, one line
 * @param diagnoses JSON list of {code, message}
 * @param notes JSON list of alignment notes
 * @param error the source's failure, for ERROR
 * @param commonPoints periods with data on both sides
 * @param withinShare share of common periods within tolerance
 * @param bias relative difference of the sums over common periods
 * @param mape mean absolute percentage error
 * @param bestLag best lag in periods
 * @param medianRatio median new / old
 * @param old the old side's figures
 * @param neu the new side's figures
 * @param comparedAt when it was judged
 * @param evidence JSON of the statistical evidence, or null
 * @param wilcoxonP p-value of the Wilcoxon signed-rank test, or null
 * @param qValue that p-value adjusted across the run's pairs (Benjamini-Hochberg), or
 * null
 * @param chart the pair's small chart as JSON, or null
 */
public record PairResultRow(long runId, String pairId, Verdict verdict, String summary, String diagnoses, String notes,
		String error, int commonPoints, Double withinShare, Double bias, Double mape, Integer bestLag,
		Double medianRatio, @Nested("old") SideFigures old, @Nested("new") SideFigures neu, Instant comparedAt,
		String evidence, Double wilcoxonP, Double qValue, String chart) {

	/**
	 * @param compactChart the pair's small chart as JSON, or null
	 * @return this row with it
	 */
	public PairResultRow withChart(String compactChart) {
		return new PairResultRow(this.runId, this.pairId, this.verdict, this.summary, this.diagnoses, this.notes,
				this.error, this.commonPoints, this.withinShare, this.bias, this.mape, this.bestLag, this.medianRatio,
				this.old, this.neu, this.comparedAt, this.evidence, this.wilcoxonP, this.qValue, compactChart);
	}

}
