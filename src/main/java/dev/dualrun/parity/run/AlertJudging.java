package dev.dualrun.parity.run;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dualrun.parity.alert.AlertJudge;
import dev.dualrun.parity.alert.AlertSide;
import dev.dualrun.parity.config.AlertMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.AlertSource;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.AlertDocument;
import dev.dualrun.parity.store.AlertResultRow;
import dev.dualrun.parity.store.RunAlertRow;

/**
 * The work of step {@code alerts}: both sides of an alert pair read from their systems
 * (found by type in the registry, opened once per step) and judged; a side that cannot be
 * read makes the pair an ERROR with the cause, which a restart judges again.
 */
public final class AlertJudging implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AlertJudging.class);

	private final ParityProperties properties;

	private final Clock clock;

	private final Map<String, AlertSource> sources = new HashMap<>();

	/**
	 * @param properties the settings
	 * @param clock the clock
	 */
	public AlertJudging(ParityProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param row a planned alert pair
	 * @return its judgement, or its ERROR with the cause
	 */
	public AlertResultRow judge(RunAlertRow row) {
		AlertMapping alert = AlertDocument.alert(row.definition());
		AlertDocument document;
		try {
			AlertSide old = source(alert.old().type()).read(alert.old(), row.windowStart(), row.windowEnd());
			AlertSide neu = source(alert.neu().type()).read(alert.neu(), row.windowStart(), row.windowEnd());
			document = new AlertDocument(alert, old, neu,
					AlertJudge.judge(old, neu, row.windowStart(), row.windowEnd()), null);
		}
		catch (SourceException ex) {
			log.warn("alert pair '{}': {}", alert.id(), ex.getMessage());
			log.debug("alert pair '{}' failed", alert.id(), ex);
			document = new AlertDocument(alert, null, null, null, ex.getMessage());
		}
		return document.row(row.runId(), this.clock.instant());
	}

	private AlertSource source(String type) {
		return this.sources.computeIfAbsent(type, (t) -> Sources.alerts(t, this.properties));
	}

	@Override
	public void close() {
		this.sources.values().forEach(AlertSource::close);
		this.sources.clear();
	}

}
