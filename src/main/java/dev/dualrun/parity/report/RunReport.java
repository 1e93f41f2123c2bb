package dev.dualrun.parity.report;

import java.util.List;
import java.util.Map;

import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.store.RunRow;

/**
 * What a run report shows, built from the store.
 *
 * @param run the run
 * @param counts pairs per verdict, in verdict order
 * @param pairs one section per pair, in mapping order
 * @param generatedAt when the report was rendered (ISO-8601)
 * @param charts the charts of the pairs that have stored series
 * @param recentRuns the latest runs, newest first, for the index page
 */
public record RunReport(RunRow run, Map<String, Integer> counts, List<PairSection> pairs, String generatedAt,
		List<PairChart> charts, List<RunRow> recentRuns) {

	/**
	 * One pair's section.
	 *
	 * @param id pair id
	 * @param description what the metric means
	 * @param verdict the verdict
	 * @param summary the first reason
	 * @param diagnoses all diagnoses
	 * @param notes alignment notes
	 * @param cloudwatchQuery the CloudWatch side, described
	 * @param promql the exact PromQL sent
	 * @param period the period in seconds
	 * @param unitFactor the unit factor
	 * @param tolerance the tolerance, described
	 * @param metrics key figures (coverage, within share, bias, MAPE, lag, ratio) as
	 * label to text
	 * @param evidence the statistical evidence as label to text (empty when not computed)
	 * @param aggregates rows of (name, CloudWatch, Prometheus, relative difference)
	 * @param discrepancyCount all discrepancies of the pair
	 * @param worst the worst discrepancies
	 */
	public record PairSection(String id, String description, String verdict, String summary, List<Diagnosis> diagnoses,
			List<String> notes, String cloudwatchQuery, String promql, long period, double unitFactor, String tolerance,
			Map<String, String> metrics, Map<String, String> evidence, List<List<String>> aggregates,
			int discrepancyCount, List<DiscrepancyView> worst, List<HistoryEntry> history, String prometheusLink,
			String cloudwatchLink) {

		/**
		 * @return a sort key: problems first when sorted descending
		 */
		public int verdictRank() {
			return switch (this.verdict) {
				case "PASS" -> 0;
				case "WARN" -> 1;
				case "UNSETTLED" -> 2;
				case "INSUFFICIENT_DATA", "NO_DATA", "NOT_JUDGED" -> 3;
				case "FAIL" -> 4;
				default -> 5;
			};
		}

	}

	/**
	 * A pair's verdict in one earlier run.
	 *
	 * @param runId the run
	 * @param verdict its verdict, or "-" if the pair was not in that run
	 */
	public record HistoryEntry(long runId, String verdict) {

	}

	/**
	 * A discrepancy formatted for reading.
	 *
	 * @param bucketStart the period's start, ISO-8601 UTC
	 * @param kind what is wrong
	 * @param cloudwatch the CloudWatch value or "-"
	 * @param prometheus the Prometheus value or "-"
	 * @param absError the absolute error or "-"
	 * @param relError the relative error in percent or "-"
	 */
	public record DiscrepancyView(String bucketStart, String kind, String cloudwatch, String prometheus,
			String absError, String relError) {

	}

}
