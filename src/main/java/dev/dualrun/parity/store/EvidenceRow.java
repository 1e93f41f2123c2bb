package dev.dualrun.parity.store;

import java.time.Instant;

/**
 * A row of {@code series_evidence}: one side's raw series of one pair.
 *
 * @param runId the run
 * @param pairId the pair
 * @param side CLOUDWATCH or PROMETHEUS
 * @param request what was asked, exactly
 * @param shiftSeconds timestamps were moved back by this many seconds (rule 3)
 * @param unitFactor the factor the comparison applies (not applied to the packed values)
 * @param points number of points
 * @param labels JSON of the labels or dimensions
 * @param messages JSON list of warnings and status messages
 * @param error the source failure, or null
 * @param packed the points, see {@link PackedSeries}; null on failure
 * @param fetchedAt when it was read
 */
public record EvidenceRow(long runId, String pairId, String side, String request, int shiftSeconds, double unitFactor,
		int points, String labels, String messages, String error, byte[] packed, Instant fetchedAt) {

	/** Side name of the old side's evidence. */
	public static final String OLD = "OLD";

	/** Side name of the new side's evidence. */
	public static final String NEW = "NEW";

}
