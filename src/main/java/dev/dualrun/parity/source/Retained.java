package dev.dualrun.parity.source;

import java.time.Instant;

import dev.dualrun.parity.config.PairMapping;

/**
 * A capability of an old side: it keeps its data for a limited time, or at a coarser
 * period as it ages; checked when a run is planned.
 */
public interface Retained {

	/**
	 * @param pair the pair
	 * @param window its aligned window
	 * @param now the current time
	 * @return why the window cannot be read at this period, or null if it can
	 */
	String windowProblem(PairMapping pair, QueryWindow window, Instant now);

}
