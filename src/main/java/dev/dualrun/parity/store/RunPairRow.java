package dev.dualrun.parity.store;

/**
 * A row of {@code run_pair}: a planned pair with the definition it runs with.
 *
 * @param runId the run
 * @param pairId the pair
 * @param ordinal its position in the mapping file
 * @param periodSeconds its period
 * @param definition JSON of the resolved {@link dev.dualrun.parity.config.PairMapping}
 */
public record RunPairRow(long runId, String pairId, int ordinal, int periodSeconds, String definition) {

}
