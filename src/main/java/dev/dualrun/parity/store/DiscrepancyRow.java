package dev.dualrun.parity.store;

import java.time.Instant;

/**
 * A row of {@code discrepancy}.
 *
 * @param runId the run
 * @param pairId the pair
 * @param bucketStart the period's start
 * @param kind OUT_OF_TOLERANCE, MISSING_NEW, MISSING_OLD or NON_FINITE
 * @param oldValue null when absent
 * @param newValue null when absent (unit factor applied)
 * @param absError absolute error, null if undefined
 * @param relError relative error, null if undefined
 */
public record DiscrepancyRow(long runId, String pairId, Instant bucketStart, String kind, Double oldValue,
		Double newValue, Double absError, Double relError) {

}
