package dev.dualrun.parity.cli;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The tool's logging, in code (Logback's own API; no XML to parse at every start):
 * <ul>
 * <li>the console: the tool's own progress and warnings at INFO, one line each with
 * control characters escaped, never a stack trace (a user's mistake is reported once, on
 * standard error, by the CLI);</li>
 * <li>the file {@code <data-dir>/logs/parity.log}: the tool at INFO and the libraries at
 * WARN with full stack traces, rolled at 10 MB, 7 days kept, 200 MB at most;</li>
 * <li>with the {@code debug} profile ({@code --debug}) the console also shows the
 * libraries' messages at INFO and every stack trace, and the tool logs at DEBUG;</li>
 * <li>with the {@code json-logs} profile ({@code --log-format json}) the console's lines
 * are JSON (Elastic Common Schema, Spring Boot's structured logging) on standard error;
 * results and the summary stay on standard output.</li>
 * </ul>
 */
final class ParityLogConfiguration {

	static final String TOOL = "dev.dualrun.parity";

	/** The console's line, the same before the job's configuration and after it. */
	private static final String CONSOLE_PATTERN = "%d{HH:mm:ss} %-5level %logger{0}: %oneline%n%nopex";

	private static final String FILE_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%thread] %logger: %oneline%n%ex";

	private static final String DEBUG_PATTERN = "%d{HH:mm:ss} %-5level %logger{0}: %oneline%n%ex";

	private ParityLogConfiguration() {
	}

	/**
	 * Configures a context that was reset.
	 * @param context the logger context
	 * @param environment the settings: {@code parity.data-dir} and the active profiles
	 */
	static void apply(LoggerContext context, Environment environment) {
		context.putObject(Environment.class.getName(), environment);
		String dataDir = environment.getProperty("parity.data-dir", "./data");
		Appender<ILoggingEvent> file = file(context, dataDir);
		Logger tool = context.getLogger(TOOL);
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		if (file.isStarted()) {
			root.addAppender(file);
		}
		if (environment.acceptsProfiles(Profiles.of("debug"))) {
			Appender<ILoggingEvent> console = console(context, "CONSOLE_DEBUG", encoder(context, DEBUG_PATTERN), false);
			tool.setLevel(Level.DEBUG);
			root.setLevel(Level.INFO);
			root.addAppender(console);
		}
		else {
			boolean json = environment.acceptsProfiles(Profiles.of("json-logs"));
			Appender<ILoggingEvent> console = json ? console(context, "CONSOLE_JSON", json(context), true)
					: console(context);
			tool.setLevel(Level.INFO);
			tool.addAppender(console);
			root.setLevel(Level.WARN);
		}
		if (!file.isStarted()) {
			tool.warn("the log file {}/logs/parity.log cannot be written ({}): the stack traces of this run are "
					+ "not kept; give --data-dir a directory this user may write", dataDir, lastError(context));
		}
	}

	/** Why an appender did not start, as Logback's status says. */
	private static String lastError(LoggerContext context) {
		String cause = "see Logback's status";
		for (Status status : context.getStatusManager().getCopyOfStatusList()) {
			if (status.getLevel() == Status.ERROR) {
				Throwable t = status.getThrowable();
				cause = (t != null) ? t.getMessage() : status.getMessage();
			}
		}
		return cause;
	}

	private static Appender<ILoggingEvent> file(LoggerContext context, String dataDir) {
		RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
		file.setContext(context);
		file.setName("FILE");
		file.setFile(dataDir + "/logs/parity.log");
		file.setEncoder(encoder(context, FILE_PATTERN));
		SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
		rolling.setContext(context);
		rolling.setParent(file);
		rolling.setFileNamePattern(dataDir + "/logs/parity.%d{yyyy-MM-dd,UTC}.%i.log.gz");
		rolling.setMaxFileSize(FileSize.valueOf("10MB"));
		rolling.setMaxHistory(7);
		rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
		rolling.start();
		file.setRollingPolicy(rolling);
		file.start();
		return file;
	}

	/**
	 * @return the console of the tool's own lines, on standard output
	 */
	static Appender<ILoggingEvent> console(LoggerContext context) {
		return console(context, "CONSOLE", encoder(context, CONSOLE_PATTERN), false);
	}

	private static Appender<ILoggingEvent> console(LoggerContext context, String name, Encoder<ILoggingEvent> encoder,
			boolean standardError) {
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(context);
		console.setName(name);
		if (standardError) {
			console.setTarget("System.err");
		}
		console.setEncoder(encoder);
		console.start();
		return console;
	}

	/**
	 * @return an encoder of the pattern, with the tool's {@code %oneline}
	 */
	private static Encoder<ILoggingEvent> encoder(LoggerContext context, String pattern) {
		PatternLayout layout = new PatternLayout();
		layout.setContext(context);
		layout.getInstanceConverterMap().put("oneline", OneLineConverter::new);
		layout.setPattern(pattern);
		layout.start();
		LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
		encoder.setContext(context);
		encoder.setLayout(layout);
		encoder.setCharset(StandardCharsets.UTF_8);
		encoder.start();
		return encoder;
	}

	private static Encoder<ILoggingEvent> json(LoggerContext context) {
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("ecs");
		encoder.setCharset(StandardCharsets.UTF_8);
		encoder.start();
		return encoder;
	}

}
