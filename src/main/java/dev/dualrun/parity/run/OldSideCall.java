package dev.dualrun.parity.run;

import java.util.List;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.QueryWindow;

/**
 * One call to the old side: pairs of one source type, window and period, as many as fit
 * one call of that source. The item of the {@code fetch-old} step.
 *
 * @param type the old side's source type
 * @param window the aligned window
 * @param pairs the pairs
 * @param number this call's number, from 1
 * @param of the calls planned for this step
 */
public record OldSideCall(String type, QueryWindow window, List<PairMapping> pairs, int number, int of) {

}
