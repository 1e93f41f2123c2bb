package dev.dualrun.parity.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot picks the tool's logging system, and its configuration sends the tool's
 * lines to the console (standard error as JSON, or everything under debug) and everything
 * from WARN with traces to {@code <data-dir>/logs/parity.log}.
 */
class ParityLoggingSystemTest {

	@TempDir
	Path dataDir;

	private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

	@AfterEach
	void restore() {
		this.context.reset();
		new ConsoleLogConfigurator().configure(this.context);
	}

	@Test
	void springBootChoosesTheToolsLoggingSystem() {
		assertThat(LoggingSystem.get(getClass().getClassLoader())).isInstanceOf(ParityLoggingSystem.class);
	}

	@Test
	void theToolOnTheConsoleAndLibrariesFromWarnInTheFile() {
		initialize(environment());
		Logger tool = this.context.getLogger(ParityLogConfiguration.TOOL);
		Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);
		assertThat(tool.getLevel()).isEqualTo(Level.INFO);
		assertThat(root.getLevel()).isEqualTo(Level.WARN);
		assertThat(names(tool)).containsExactly("CONSOLE");
		assertThat(names(root)).containsExactly("FILE");
		RollingFileAppender<ILoggingEvent> file = (RollingFileAppender<ILoggingEvent>) root.getAppender("FILE");
		assertThat(Path.of(file.getFile())).isEqualTo(this.dataDir.resolve("logs/parity.log"));
		assertThat(file.isStarted()).isTrue();
	}

	@Test
	void jsonLinesGoToStandardError() {
		initialize(environment(), "json-logs");
		Logger tool = this.context.getLogger(ParityLogConfiguration.TOOL);
		ConsoleAppender<ILoggingEvent> json = (ConsoleAppender<ILoggingEvent>) tool.getAppender("CONSOLE_JSON");
		assertThat(json.getTarget()).isEqualTo("System.err");
		assertThat(json.isStarted()).isTrue();
	}

	@Test
	void debugShowsTheLibrariesAndTheTracesOnTheConsole() {
		initialize(environment(), "debug", "json-logs");
		Logger root = this.context.getLogger(Logger.ROOT_LOGGER_NAME);
		assertThat(this.context.getLogger(ParityLogConfiguration.TOOL).getLevel()).isEqualTo(Level.DEBUG);
		assertThat(root.getLevel()).isEqualTo(Level.INFO);
		assertThat(names(root)).containsExactlyInAnyOrder("FILE", "CONSOLE_DEBUG");
	}

	@Test
	void aLogFileThatCannotBeWrittenLeavesTheConsole() throws Exception {
		java.nio.file.Files.writeString(this.dataDir.resolve("logs"), "a file, not a directory");
		initialize(environment());
		assertThat(names(this.context.getLogger(Logger.ROOT_LOGGER_NAME))).isEmpty();
		assertThat(names(this.context.getLogger(ParityLogConfiguration.TOOL))).containsExactly("CONSOLE");
	}

	private MockEnvironment environment() {
		return new MockEnvironment().withProperty("parity.data-dir", this.dataDir.toString());
	}

	private void initialize(MockEnvironment environment, String... profiles) {
		environment.setActiveProfiles(profiles);
		LoggingSystem logging = new ParityLoggingSystem(getClass().getClassLoader());
		logging.cleanUp();
		logging.beforeInitialize();
		logging.initialize(new LoggingInitializationContext(environment), null, null);
	}

	private static List<String> names(Logger logger) {
		List<String> names = new ArrayList<>();
		for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext();) {
			names.add(it.next().getName());
		}
		return names;
	}

}
