package dev.dualrun.parity.batch;

import java.util.List;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.QueryWindow;

/**
 * One GetMetricData call to make: pairs of one window and period, as many as fit one call
 * (semantics rule 7). The item of the {@code fetch-cloudwatch} step.
 *
 * @param window the aligned window
 * @param pairs the pairs
 * @param number this call's number, from 1
 * @param of the calls planned for this step
 */
record CloudWatchBatch(QueryWindow window, List<PairMapping> pairs, int number, int of) {

}
