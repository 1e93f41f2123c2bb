package dev.dualrun.parity.store;

import java.time.Instant;

/**
 * A row of {@code pair_result}. Doubles are null where undefined.
 *
 * @param runId the run
 * @param pairId the pair
 * @param verdict the verdict's name
 * @param summary the first reason, one line
 * @param diagnoses JSON list of {code, message}
 * @param notes JSON list of alignment notes
 * @param error the source failure for ERROR
 * @param commonPoints periods with data on both sides
 * @param withinShare share of common periods within tolerance
 * @param bias relative difference of the sums over common periods
 * @param mape mean absolute percentage error
 * @param oldCoverage CloudWatch coverage
 * @param newCoverage Prometheus coverage
 * @param bestLag best lag in periods
 * @param medianRatio median Prometheus / CloudWatch
 * @param oldCount CloudWatch count
 * @param oldMean CloudWatch mean
 * @param oldSum CloudWatch sum
 * @param oldMin CloudWatch minimum
 * @param oldMax CloudWatch maximum
 * @param oldP50 CloudWatch median
 * @param oldP95 CloudWatch p95
 * @param oldP99 CloudWatch p99
 * @param newCount Prometheus count
 * @param newMean Prometheus mean
 * @param newSum Prometheus sum
 * @param newMin Prometheus minimum
 * @param newMax Prometheus maximum
 * @param newP50 Prometheus median
 * @param newP95 Prometheus p95
 * @param newP99 Prometheus p99
 * @param comparedAt when it was judged
 * @param evidence JSON of the statistical evidence, or null
 * @param wilcoxonP p-value of the Wilcoxon signed-rank test, or null
 * @param qValue that p-value adjusted across the run's pairs (Benjamini-Hochberg), or
 * null
 */
public record PairResultRow(long runId, String pairId, String verdict, String summary, String diagnoses, String notes,
		String error, int commonPoints, Double withinShare, Double bias, Double mape, Double oldCoverage,
		Double newCoverage, Integer bestLag, Double medianRatio, Long oldCount, Double oldMean, Double oldSum,
		Double oldMin, Double oldMax, Double oldP50, Double oldP95, Double oldP99, Long newCount, Double newMean,
		Double newSum, Double newMin, Double newMax, Double newP50, Double newP95, Double newP99, Instant comparedAt,
		String evidence, Double wilcoxonP, Double qValue, String chart) {

	/**
	 * @param compactChart the pair's small chart as JSON, or null
	 * @return this row with it
	 */
	public PairResultRow withChart(String compactChart) {
		return new PairResultRow(this.runId, this.pairId, this.verdict, this.summary, this.diagnoses, this.notes,
				this.error, this.commonPoints, this.withinShare, this.bias, this.mape, this.oldCoverage,
				this.newCoverage, this.bestLag, this.medianRatio, this.oldCount, this.oldMean, this.oldSum, this.oldMin,
				this.oldMax, this.oldP50, this.oldP95, this.oldP99, this.newCount, this.newMean, this.newSum,
				this.newMin, this.newMax, this.newP50, this.newP95, this.newP99, this.comparedAt, this.evidence,
				this.wilcoxonP, this.qValue, compactChart);
	}

	/**
	 * @param verdict another verdict
	 * @return this row with that verdict
	 */
	public PairResultRow withVerdict(String verdict) {
		return new PairResultRow(this.runId, this.pairId, verdict, this.summary, this.diagnoses, this.notes, this.error,
				this.commonPoints, this.withinShare, this.bias, this.mape, this.oldCoverage, this.newCoverage,
				this.bestLag, this.medianRatio, this.oldCount, this.oldMean, this.oldSum, this.oldMin, this.oldMax,
				this.oldP50, this.oldP95, this.oldP99, this.newCount, this.newMean, this.newSum, this.newMin,
				this.newMax, this.newP50, this.newP95, this.newP99, this.comparedAt, this.evidence, this.wilcoxonP,
				this.qValue, this.chart);
	}

	/**
	 * @param run another run (a re-judgement)
	 * @param at when it was judged there
	 * @return this judgement, carried over unchanged into that run
	 */
	public PairResultRow inRun(long run, Instant at) {
		return new PairResultRow(run, this.pairId, this.verdict, this.summary, this.diagnoses, this.notes, this.error,
				this.commonPoints, this.withinShare, this.bias, this.mape, this.oldCoverage, this.newCoverage,
				this.bestLag, this.medianRatio, this.oldCount, this.oldMean, this.oldSum, this.oldMin, this.oldMax,
				this.oldP50, this.oldP95, this.oldP99, this.newCount, this.newMean, this.newSum, this.newMin,
				this.newMax, this.newP50, this.newP95, this.newP99, at, this.evidence, this.wilcoxonP, null,
				this.chart);
	}

}
