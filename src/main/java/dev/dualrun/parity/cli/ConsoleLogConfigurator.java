package dev.dualrun.parity.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging before the job's or a store session's configuration takes over (argument
 * parsing, the demo's servers): the tool's own messages on the console, one line each,
 * never a stack trace; everything else silent. Logback finds it through the
 * {@code ServiceLoader} entry in {@code META-INF/services}; it is set up in code rather
 * than in a {@code logback.xml}, which cost every command a parse of XML before its own
 * configuration parsed another.
 */
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

	/** The console's line, as in {@code logback-parity.xml}. */
	static final String PATTERN = "%d{HH:mm:ss} %-5level %logger{0}: %oneline%n%nopex";

	@Override
	public ExecutionStatus configure(LoggerContext context) {
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(context);
		console.setName("CONSOLE");
		console.setEncoder(ParityLogConfiguration.encoder(context, PATTERN));
		console.start();
		Logger tool = context.getLogger("dev.dualrun.parity");
		tool.setLevel(Level.INFO);
		tool.addAppender(console);
		context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
		return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
	}

}
