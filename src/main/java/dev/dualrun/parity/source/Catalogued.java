package dev.dualrun.parity.source;

import dev.dualrun.parity.config.ParityProperties;

/**
 * A capability of a new side: it can list the series it holds and write its queries, for
 * discovering pairs.
 */
public interface Catalogued {

	/**
	 * @return how the source writes queries for generated pairs
	 */
	QueryWriter writer();

	/**
	 * @param properties the settings
	 * @return what the system holds
	 */
	Catalog catalog(ParityProperties properties);

}
