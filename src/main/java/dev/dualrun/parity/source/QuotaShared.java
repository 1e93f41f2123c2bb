package dev.dualrun.parity.source;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;

/**
 * A capability of an old side whose calls count against quotas (a region's request rate,
 * a subscription's reads): remote partitions never mix two quotas, and the partitions of
 * one share its rate.
 */
public interface QuotaShared {

	/**
	 * @return what one quota is, in words, e.g. a region of the system
	 */
	String quota();

	/**
	 * @param pair a pair whose side this system reads
	 * @param properties the settings
	 * @return the quota's name, e.g. the type and a region
	 */
	String quotaScope(PairMapping pair, ParityProperties properties);

	/**
	 * The settings of a partition allowed a share of each quota of this system: its
	 * request rate and calls in flight scaled down, so that the partitions of one quota,
	 * at work at once on several workers, stay within it together.
	 * @param properties the settings
	 * @param share the share, more than 0 and at most 1
	 * @return the settings with this system's limits scaled
	 */
	ParityProperties share(ParityProperties properties, double share);

}
