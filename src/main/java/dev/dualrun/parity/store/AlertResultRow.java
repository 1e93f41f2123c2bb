package dev.dualrun.parity.store;

import java.time.Instant;

/**
 * The judgement of an alert pair.
 *
 * @param runId the run
 * @param alertId the alert pair
 * @param verdict PASS, FAIL, NO_EPISODES or ERROR
 * @param summary the first finding, one line
 * @param firstCode its code, or null
 * @param oldEpisodes the old side's episodes
 * @param newEpisodes the new side's episodes
 * @param matched episodes matched
 * @param judgedAt when
 * @param document JSON of {@link AlertDocument}
 */
public record AlertResultRow(long runId, String alertId, String verdict, String summary, String firstCode,
		int oldEpisodes, int newEpisodes, int matched, Instant judgedAt, String document) {

}
