package dev.dualrun.parity.source;

import dev.dualrun.parity.config.ParityProperties;

/**
 * A capability of a source: its alerts (alarms, alerting rules) read and replayed, for
 * alert pairs. Its reader reads the alert blocks of the mapping file.
 */
public interface AlertReplay {

	/**
	 * @param properties the settings
	 * @return the alert source, opened
	 */
	AlertSource alerts(ParityProperties properties);

	/**
	 * @return what the system's alerts are, in words, e.g. its alarms and how they are
	 * listed
	 */
	String describeAlerts();

}
