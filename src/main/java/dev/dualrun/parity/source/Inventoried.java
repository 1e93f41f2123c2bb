package dev.dualrun.parity.source;

import dev.dualrun.parity.config.ParityProperties;

/**
 * A capability of an old side: it can list the metrics it holds, for the estate's
 * coverage.
 */
public interface Inventoried {

	/**
	 * @param properties the settings
	 * @param query what to list
	 * @return the listing
	 * @throws SourceException if the listing failed
	 */
	Inventory inventory(ParityProperties properties, InventoryQuery query);

	/**
	 * @return how the listing is made, for help and messages, e.g. the API it calls
	 */
	String listedBy();

}
