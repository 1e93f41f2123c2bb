package dev.dualrun.parity.store;

import java.time.Instant;

/**
 * A row of {@code parity_run}. Times are instants; window end is exclusive.
 *
 * @param id run id
 * @param jobExecutionId the Spring Batch job execution that ran it last
 * @param status RUNNING, COMPLETED or FAILED
 * @param mappingSource the mapping file as named
 * @param mappingSha256 hash of the mapping file
 * @param pairFilter comma-separated pair ids, or null for all
 * @param requestedFrom requested window start
 * @param requestedTo requested window end
 * @param windowStart aligned window start, null until planned
 * @param windowEnd aligned window end, null until planned
 * @param settleSeconds settle delay
 * @param startedAt when the run started
 * @param finishedAt when it ended, null while running
 * @param pairsTotal planned pairs
 * @param passCount pairs that passed
 * @param failCount pairs that failed
 * @param noDataCount pairs with no data
 * @param insufficientCount pairs with too few points
 * @param errorCount pairs whose source failed
 * @param oldCalls calls to the old side (CloudWatch: GetMetricData pages)
 * @param oldMetrics metrics requested of the old side (CloudWatch bills per metric)
 * @param oldMinCalls the fewest calls the old side could have been asked
 * @param newCalls requests to the new side (Prometheus: query_range)
 * @param oldLocation where the old side was read: region or endpoint override
 * @param oldVersion the old side's API and client version
 * @param newLocation the new side's base URL
 * @param newVersion the new side's version (Prometheus: buildinfo)
 * @param reportPath the last rendered report
 * @param error why the run failed
 * @param judgedFrom for a re-judgement, the run whose evidence it judged; otherwise null
 * @param judgementNote for a re-judgement, the tolerance it applied
 * @param warnCount pairs that passed the rules with weak evidence
 * @param unsettledCount pairs whose newest periods were still changing
 * @param oldRegion the region the old side's client used, or null
 * @param oldRetries old-side attempts that were retries
 * @param newRetries new-side requests that were retries
 * @param newRangeRule the range-selector rule of the Prometheus side's version, as the
 * report states it, or null for runs stored before it was recorded
 */
public record RunRow(long id, Long jobExecutionId, String status, String mappingSource, String mappingSha256,
		String pairFilter, Instant requestedFrom, Instant requestedTo, Instant windowStart, Instant windowEnd,
		int settleSeconds, Instant startedAt, Instant finishedAt, int pairsTotal, int passCount, int failCount,
		int noDataCount, int insufficientCount, int errorCount, long oldCalls, long oldMetrics, long oldMinCalls,
		long newCalls, String oldLocation, String oldVersion, String newLocation, String newVersion, String reportPath,
		String error, Long judgedFrom, String judgementNote, int warnCount, int unsettledCount, String oldRegion,
		long oldRetries, long newRetries, String newRangeRule, String oldSystem, String newSystem) {

	/**
	 * @param outcome the final status
	 * @param finished when the run ended
	 * @param failure why it failed, or null
	 * @return this run with its outcome
	 */
	public RunRow finished(String outcome, Instant finished, String failure) {
		return new RunRow(this.id, this.jobExecutionId, outcome, this.mappingSource, this.mappingSha256,
				this.pairFilter, this.requestedFrom, this.requestedTo, this.windowStart, this.windowEnd,
				this.settleSeconds, this.startedAt, finished, this.pairsTotal, this.passCount, this.failCount,
				this.noDataCount, this.insufficientCount, this.errorCount, this.oldCalls, this.oldMetrics,
				this.oldMinCalls, this.newCalls, this.oldLocation, this.oldVersion, this.newLocation, this.newVersion,
				this.reportPath, failure, this.judgedFrom, this.judgementNote, this.warnCount, this.unsettledCount,
				this.oldRegion, this.oldRetries, this.newRetries, this.newRangeRule, this.oldSystem, this.newSystem);
	}

	/**
	 * The one definition of passing, used by the exit code, the summary line, JUnit XML
	 * and sign-off: the run completed and every planned pair is PASS.
	 * @return true if every pair of this completed run passed
	 */
	public boolean allPassed() {
		return "COMPLETED".equals(this.status) && this.pairsTotal > 0 && this.passCount == this.pairsTotal;
	}

	/**
	 * @return the counts of every verdict, e.g.
	 * {@code 8 pass, 1 warn, 3 fail, 0 unsettled, 0 no data, 0
	 * insufficient, 0 error}
	 */
	public String counts() {
		return String.format(java.util.Locale.ROOT,
				"%d pass, %d warn, %d fail, %d unsettled, %d no data, %d insufficient, %d error", this.passCount,
				this.warnCount, this.failCount, this.unsettledCount, this.noDataCount, this.insufficientCount,
				this.errorCount);
	}

}
