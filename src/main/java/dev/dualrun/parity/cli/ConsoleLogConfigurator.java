package dev.dualrun.parity.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging before the job's or a store session's configuration takes over (argument
 * parsing, the demo's servers): the tool's own messages on the console, one line each,
 * never a stack trace; everything else silent. Logback finds it through the
 * {@code ServiceLoader} entry in {@code META-INF/services}; it is set up in code, as
 * {@link ParityLogConfiguration} is, so that no command parses XML at its start.
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

	@Override
	public ExecutionStatus configure(LoggerContext context) {
		Logger tool = context.getLogger(ParityLogConfiguration.TOOL);
		tool.setLevel(Level.INFO);
		tool.addAppender(ParityLogConfiguration.console(context));
		context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
		return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
	}

}
