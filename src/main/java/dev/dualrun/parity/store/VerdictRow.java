package dev.dualrun.parity.store;

/**
 * A pair's verdict in one run, for history.
 *
 * @param pairId the pair
 * @param runId the run
 * @param verdict the verdict
 */
public record VerdictRow(String pairId, long runId, String verdict) {

}
