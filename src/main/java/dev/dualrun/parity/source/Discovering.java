package dev.dualrun.parity.source;

/**
 * A capability of an old side: its listed metrics can be paired by discovery.
 */
public interface Discovering {

	/**
	 * @return what discovery needs of the source
	 */
	Discoverable discovery();

}
