package dev.dualrun.parity.cli;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Spring Boot's Logback logging system with the tool's configuration
 * ({@link ParityLogConfiguration}) as its defaults: the job and the commands that need
 * only the store log the same way. A {@code logging.config} file, when a user gives one,
 * still replaces it.
 */
public final class ParityLoggingSystem extends LogbackLoggingSystem {

	public ParityLoggingSystem(ClassLoader classLoader) {
		super(classLoader);
	}

	@Override
	protected void loadDefaults(LoggingInitializationContext initializationContext, LogFile logFile) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.stop();
		context.reset();
		ParityLogConfiguration.apply(context, initializationContext.getEnvironment());
		context.start();
	}

	/**
	 * Chosen by Spring Boot over its own Logback system (registered in spring.factories).
	 */
	@Order(Ordered.HIGHEST_PRECEDENCE)
	public static final class Factory implements LoggingSystemFactory {

		@Override
		public LoggingSystem getLoggingSystem(ClassLoader classLoader) {
			return new ParityLoggingSystem(classLoader);
		}

	}

}
