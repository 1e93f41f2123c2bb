package dev.dualrun.parity.store;

import dev.dualrun.parity.config.Side;

/**
 * A row of {@code run_backend}: what one step (or remote partition) of a run read of one
 * system, with the calls it made; a run's rows are summed when it is read
 * ({@link Backends}).
 *
 * @param runId the run
 * @param stepExecutionId the step execution that read it (0 for runs stored before)
 * @param side the side the system played
 * @param system the system, as its source names it
 * @param location the endpoint or URL read
 * @param region the regions read, or null
 * @param version the backend's or its API's version
 * @param semantics what that version means for the comparison, or null
 * @param calls calls made (pages and retries included)
 * @param metrics metrics requested (systems that bill per metric)
 * @param retries calls sent again after a failure that may pass
 * @param splits calls split in halves to isolate a refused query
 */
public record BackendRow(long runId, long stepExecutionId, Side side, String system, String location, String region,
		String version, String semantics, long calls, long metrics, long retries, long splits) {

}
