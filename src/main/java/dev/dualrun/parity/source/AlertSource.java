package dev.dualrun.parity.source;

import java.time.Instant;

import dev.dualrun.parity.alert.AlertSide;
import dev.dualrun.parity.config.AlertMapping;

/**
 * A system's alerts: an alarm or an alerting rule read by name, the series it watches
 * fetched over the window, its rule replayed on that series and what actually happened
 * read back (alarm history, {@code ALERTS}).
 */
public interface AlertSource extends AutoCloseable {

	/**
	 * @param alert the alert, by name
	 * @param from the window's start
	 * @param to the window's end
	 * @return the side over the window
	 * @throws SourceException if the system could not answer or has no such alert
	 */
	AlertSide read(AlertMapping.Ref alert, Instant from, Instant to);

	/**
	 * @return every alarm or alerting rule of the system, for suggestions
	 * @throws SourceException if the system could not answer
	 */
	java.util.List<AlertSummary> list();

	@Override
	void close();

}
