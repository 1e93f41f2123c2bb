package dev.dualrun.parity.config;

/** The side a system plays in a dual run. */
public enum Side {

	/** The system being retired. */
	OLD,
	/** The system that replaces it. */
	NEW

}
