package dev.dualrun.parity.batch;

import org.springframework.batch.core.step.Step;

/**
 * The manager's steps of a run partitioned across workers.
 *
 * @param fetchOld {@code fetch-old-remote}, in place of {@code fetch-old}
 * @param compare {@code compare-remote}, in place of {@code compare}
 */
record RemoteSteps(Step fetchOld, Step compare) {

}
