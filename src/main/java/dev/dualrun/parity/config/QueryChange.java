package dev.dualrun.parity.config;

/**
 * A change of a side's query that a diagnosis advises, which the side's source words in
 * its own query language ({@link SideQuery#advice}).
 */
public enum QueryChange {

	/** Count per period where the query counts per second. */
	PER_PERIOD,

	/** Count per second where the query counts per period. */
	PER_SECOND,

	/** Count the series the query reads, one per source (host, instance). */
	COUNT_SERIES,

	/** Read each period one period earlier (the query reads it one period late). */
	EARLIER,

	/** Read each period one period later (the query reads it one period early). */
	LATER

}
