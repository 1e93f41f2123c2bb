package dev.dualrun.parity.store;

import java.time.Instant;

/**
 * An alert pair of a run's plan.
 *
 * @param runId the run
 * @param alertId the alert pair's id
 * @param ordinal its place in the mapping
 * @param windowStart the window's start
 * @param windowEnd the window's end
 * @param definition JSON of the alert pair
 */
public record RunAlertRow(long runId, String alertId, int ordinal, Instant windowStart, Instant windowEnd,
		String definition) {

}
