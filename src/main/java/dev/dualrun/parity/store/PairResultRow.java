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
 * @param cloudwatchCoverage CloudWatch coverage
 * @param prometheusCoverage Prometheus coverage
 * @param bestLag best lag in periods
 * @param medianRatio median Prometheus / CloudWatch
 * @param cwCount CloudWatch count
 * @param cwMean CloudWatch mean
 * @param cwSum CloudWatch sum
 * @param cwMin CloudWatch minimum
 * @param cwMax CloudWatch maximum
 * @param cwP50 CloudWatch median
 * @param cwP95 CloudWatch p95
 * @param cwP99 CloudWatch p99
 * @param promCount Prometheus count
 * @param promMean Prometheus mean
 * @param promSum Prometheus sum
 * @param promMin Prometheus minimum
 * @param promMax Prometheus maximum
 * @param promP50 Prometheus median
 * @param promP95 Prometheus p95
 * @param promP99 Prometheus p99
 * @param comparedAt when it was judged
 * @param evidence JSON of the statistical evidence, or null
 * @param wilcoxonP p-value of the Wilcoxon signed-rank test, or null
 * @param qValue that p-value adjusted across the run's pairs (Benjamini-Hochberg), or
 * null
 */
public record PairResultRow(long runId, String pairId, String verdict, String summary, String diagnoses, String notes,
		String error, int commonPoints, Double withinShare, Double bias, Double mape, Double cloudwatchCoverage,
		Double prometheusCoverage, Integer bestLag, Double medianRatio, Long cwCount, Double cwMean, Double cwSum,
		Double cwMin, Double cwMax, Double cwP50, Double cwP95, Double cwP99, Long promCount, Double promMean,
		Double promSum, Double promMin, Double promMax, Double promP50, Double promP95, Double promP99,
		Instant comparedAt, String evidence, Double wilcoxonP, Double qValue, String chart) {

	/**
	 * @param compactChart the pair's small chart as JSON, or null
	 * @return this row with it
	 */
	public PairResultRow withChart(String compactChart) {
		return new PairResultRow(this.runId, this.pairId, this.verdict, this.summary, this.diagnoses, this.notes,
				this.error, this.commonPoints, this.withinShare, this.bias, this.mape, this.cloudwatchCoverage,
				this.prometheusCoverage, this.bestLag, this.medianRatio, this.cwCount, this.cwMean, this.cwSum,
				this.cwMin, this.cwMax, this.cwP50, this.cwP95, this.cwP99, this.promCount, this.promMean, this.promSum,
				this.promMin, this.promMax, this.promP50, this.promP95, this.promP99, this.comparedAt, this.evidence,
				this.wilcoxonP, this.qValue, compactChart);
	}

	/**
	 * @param verdict another verdict
	 * @return this row with that verdict
	 */
	public PairResultRow withVerdict(String verdict) {
		return new PairResultRow(this.runId, this.pairId, verdict, this.summary, this.diagnoses, this.notes, this.error,
				this.commonPoints, this.withinShare, this.bias, this.mape, this.cloudwatchCoverage,
				this.prometheusCoverage, this.bestLag, this.medianRatio, this.cwCount, this.cwMean, this.cwSum,
				this.cwMin, this.cwMax, this.cwP50, this.cwP95, this.cwP99, this.promCount, this.promMean, this.promSum,
				this.promMin, this.promMax, this.promP50, this.promP95, this.promP99, this.comparedAt, this.evidence,
				this.wilcoxonP, this.qValue, this.chart);
	}

	/**
	 * @param run another run (a re-judgement)
	 * @param at when it was judged there
	 * @return this judgement, carried over unchanged into that run
	 */
	public PairResultRow inRun(long run, Instant at) {
		return new PairResultRow(run, this.pairId, this.verdict, this.summary, this.diagnoses, this.notes, this.error,
				this.commonPoints, this.withinShare, this.bias, this.mape, this.cloudwatchCoverage,
				this.prometheusCoverage, this.bestLag, this.medianRatio, this.cwCount, this.cwMean, this.cwSum,
				this.cwMin, this.cwMax, this.cwP50, this.cwP95, this.cwP99, this.promCount, this.promMean, this.promSum,
				this.promMin, this.promMax, this.promP50, this.promP95, this.promP99, at, this.evidence, this.wilcoxonP,
				null, this.chart);
	}

}
