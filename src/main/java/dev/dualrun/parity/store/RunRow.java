package dev.dualrun.parity.store;

import java.time.Instant;
import java.util.List;

import dev.dualrun.parity.config.Side;

/**
 * A run: its row of {@code parity_run} and what it read of each side (its rows of
 * {@code run_backend}, summed by {@link #old()} and {@link #neu()}). Times are instants;
 * window end is exclusive.
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
 * @param oldMinCalls the fewest calls the old side could have been asked
 * @param reportPath the last rendered report
 * @param error why the run failed
 * @param judgedFrom for a re-judgement, the run whose evidence it judged; otherwise null
 * @param judgementNote for a re-judgement, the tolerance it applied
 * @param warnCount pairs that passed the rules with weak evidence
 * @param unsettledCount pairs whose newest periods were still changing
 * @param settleRecheckSeconds the pause before the settle rule's second reads, or null
 * for runs stored before it was recorded
 * @param backends what its steps read of each system, with their calls (null until read)
 */
public record RunRow(long id, Long jobExecutionId, String status, String mappingSource, String mappingSha256,
		String pairFilter, Instant requestedFrom, Instant requestedTo, Instant windowStart, Instant windowEnd,
		int settleSeconds, Instant startedAt, Instant finishedAt, int pairsTotal, int passCount, int failCount,
		int noDataCount, int insufficientCount, int errorCount, long oldMinCalls, String reportPath, String error,
		Long judgedFrom, String judgementNote, int warnCount, int unsettledCount, Integer settleRecheckSeconds,
		@Nullable List<BackendRow> backends) {

	public RunRow {
		backends = (backends != null) ? List.copyOf(backends) : List.of();
	}

	/**
	 * @param rows what the run's steps read
	 * @return this run with them
	 */
	RunRow withBackends(List<BackendRow> rows) {
		return new RunRow(this.id, this.jobExecutionId, this.status, this.mappingSource, this.mappingSha256,
				this.pairFilter, this.requestedFrom, this.requestedTo, this.windowStart, this.windowEnd,
				this.settleSeconds, this.startedAt, this.finishedAt, this.pairsTotal, this.passCount, this.failCount,
				this.noDataCount, this.insufficientCount, this.errorCount, this.oldMinCalls, this.reportPath,
				this.error, this.judgedFrom, this.judgementNote, this.warnCount, this.unsettledCount,
				this.settleRecheckSeconds, rows);
	}

	/**
	 * @return what the run read of the old side, summed
	 */
	public Backends old() {
		return of(Side.OLD, null);
	}

	/**
	 * @return what the run read of the new side, summed
	 */
	public Backends neu() {
		return of(Side.NEW, null);
	}

	/**
	 * @param side a side
	 * @param system one of its systems, or null for all
	 * @return what the run read of it, summed
	 */
	public Backends of(Side side, String system) {
		return Backends.of(this.backends.stream()
			.filter((b) -> b.side() == side && (system == null || system.equals(b.system())))
			.toList());
	}

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
				this.noDataCount, this.insufficientCount, this.errorCount, this.oldMinCalls, this.reportPath, failure,
				this.judgedFrom, this.judgementNote, this.warnCount, this.unsettledCount, this.settleRecheckSeconds,
				this.backends);
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
