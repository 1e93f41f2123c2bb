package dev.dualrun.parity.run;

import java.time.Instant;
import java.util.List;

/**
 * What a run was asked for.
 *
 * @param mapping the mapping file
 * @param from the window's requested start, or null for the default window
 * @param to its requested end, or null
 * @param pairs the pair and alert pair ids to run, empty for all
 */
public record RunRequest(String mapping, Instant from, Instant to, List<String> pairs) {

	public RunRequest {
		pairs = List.copyOf(pairs);
	}

}
