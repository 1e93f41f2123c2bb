package dev.dualrun.parity.store;

import java.time.Instant;

/**
 * A row of {@code run_pair}: a planned pair with the definition it runs with.
 *
 * @param runId the run
 * @param pairId the pair
 * @param ordinal its position in the mapping file
 * @param periodSeconds its period
 * @param windowStart aligned window start, inclusive
 * @param windowEnd aligned window end, exclusive
 * @param definition JSON of the resolved {@link dev.dualrun.parity.config.PairMapping}
 * @param lint JSON list of the linter's warnings, or null
 */
public record RunPairRow(long runId, String pairId, int ordinal, int periodSeconds, Instant windowStart,
		Instant windowEnd, String definition, String lint) {

	/**
	 * @return the pair's aligned window on its period's grid
	 */
	public dev.dualrun.parity.source.QueryWindow window() {
		return new dev.dualrun.parity.source.QueryWindow(this.windowStart, this.windowEnd,
				java.time.Duration.ofSeconds(this.periodSeconds));
	}

}
