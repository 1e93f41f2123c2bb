package dev.dualrun.parity.source;

import java.time.Instant;

import dev.dualrun.parity.config.PairMapping;

/** A capability of a source: a link to a pair's side in the system's own UI. */
public interface Linked {

	/**
	 * @param pair the pair
	 * @param start the window's start
	 * @param end the window's end
	 * @param periodSeconds the period
	 * @param location where the run read this side (endpoint or URL), as stored
	 * @param region the region, or null
	 * @return the link, or null when there is none (e.g. a test server)
	 */
	String link(PairMapping pair, Instant start, Instant end, long periodSeconds, String location, String region);

}
