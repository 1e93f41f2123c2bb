package dev.dualrun.parity.cli;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import dev.dualrun.parity.config.Text;

/**
 * The {@code %oneline} of the log patterns: the formatted message on one line, control
 * characters escaped, so text from a backend cannot break a log line or a terminal.
 */
public final class OneLineConverter extends ClassicConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return Text.oneLine(event.getFormattedMessage(), 20_000);
	}

}
