package dev.dualrun.parity.cli;

import java.time.Clock;
import java.util.List;
import java.util.function.ToIntFunction;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import dev.dualrun.parity.batch.SettingsBinding;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.store.ParityStore;

/**
 * The store and the settings for a command that calls no backend ({@code runs},
 * {@code report}, {@code signoff} ...), without a Spring application: the settings come
 * from the same flags, {@code PARITY_*} variables and {@code application.yml} files, read
 * by Spring Boot's own config-data loader and bound by its {@code Binder}; logging is the
 * job's ({@link ParityLoggingSystem}); the store is a small HikariCP pool, migrated by
 * Flyway only when it is not at this build's schema. Such a command costs about half the
 * CPU of the whole application (performance.md).
 */
final class StoreOnlySession implements StoreSession {

	private final ConfigurableEnvironment environment;

	private final LoggingSystem logging;

	private final HikariDataSource dataSource;

	private ParityStore store;

	private ParityProperties properties;

	private StoreOnlySession(ConfigurableEnvironment environment, LoggingSystem logging, HikariDataSource dataSource) {
		this.environment = environment;
		this.logging = logging;
		this.dataSource = dataSource;
	}

	/**
	 * Runs a command that needs only the store, reporting any failure in one line.
	 * @param console where errors go
	 * @param options the store options
	 * @param command the command
	 * @return the command's exit code, or {@link ExitCodes#RUNTIME} if it failed
	 */
	static int withStore(Console console, StoreOptions options, ToIntFunction<StoreSession> command) {
		List<String> args = new java.util.ArrayList<>();
		try {
			options.addTo(args);
			try (StoreOnlySession session = open(args)) {
				return command.applyAsInt(session);
			}
		}
		catch (RuntimeException ex) {
			return JobRun.failed(console, ex, args);
		}
	}

	/**
	 * @param propertyArgs the command's flags as property arguments
	 * @return the session, its store migrated
	 */
	static StoreOnlySession open(List<String> propertyArgs) {
		// as a Spring application starts: logging held back until it is configured (a
		// second session in one process would otherwise log into a context it reset)
		LoggingSystem logging = new ParityLoggingSystem(StoreOnlySession.class.getClassLoader());
		logging.beforeInitialize();
		ConfigurableEnvironment environment = environment(propertyArgs);
		initialize(logging, environment);
		HikariDataSource dataSource = dataSource(environment);
		StoreOnlySession session = new StoreOnlySession(environment, logging, dataSource);
		try {
			session.store = ParityStore.openCurrent(dataSource, Clock.systemUTC());
			return session;
		}
		catch (RuntimeException ex) {
			session.close();
			throw ex;
		}
	}

	/**
	 * The flags first, then system properties and the environment, then the
	 * {@code application.*} files, as a Spring application orders them.
	 */
	static ConfigurableEnvironment environment(List<String> propertyArgs) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SimpleCommandLinePropertySource(propertyArgs.toArray(String[]::new)));
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
		// what a Spring application adds at start, for the JSON logs' process and service
		java.util.Map<String, Object> application = new java.util.HashMap<>();
		application.put("spring.application.pid", ProcessHandle.current().pid());
		String version = StoreOnlySession.class.getPackage().getImplementationVersion();
		if (version != null) {
			application.put("spring.application.version", version);
		}
		environment.getPropertySources()
			.addLast(new org.springframework.core.env.MapPropertySource("applicationInfo", application));
		ConfigurationPropertySources.attach(environment);
		StoreUserDefault.apply(environment);
		return environment;
	}

	/** Spring Boot's logging system on the same configuration and levels as the job. */
	private static void initialize(LoggingSystem logging, ConfigurableEnvironment environment) {
		logging.initialize(new LoggingInitializationContext(environment), environment.getProperty("logging.config"),
				null);
		Binder.get(environment)
			.bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
			.ifBound((levels) -> levels.forEach(logging::setLogLevel));
	}

	/**
	 * The pool as the job's: {@code spring.datasource.hikari.*} bound onto it as Spring
	 * Boot does (a schema, an init SQL), then the URL, user and password.
	 */
	private static HikariDataSource dataSource(ConfigurableEnvironment environment) {
		HikariConfig config = new HikariConfig();
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(1);
		Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(config));
		String driver = environment.getProperty("spring.datasource.driver-class-name");
		if (driver != null) {
			config.setDriverClassName(driver);
		}
		config.setJdbcUrl(environment.getRequiredProperty("spring.datasource.url"));
		config.setUsername(environment.getProperty("spring.datasource.username"));
		config.setPassword(environment.getProperty("spring.datasource.password"));
		config.setPoolName("parity-store");
		return new HikariDataSource(config);
	}

	@Override
	public ParityStore store() {
		return this.store;
	}

	@Override
	public ParityProperties properties() {
		if (this.properties == null) {
			this.properties = SettingsBinding.of(this.environment);
		}
		return this.properties;
	}

	@Override
	public boolean embeddedStore() {
		return this.environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
	}

	@Override
	public void close() {
		this.dataSource.close();
		// as a Spring application's shutdown: the log file's appenders stopped and
		// flushed
		Runnable shutdown = this.logging.getShutdownHandler();
		if (shutdown != null) {
			shutdown.run();
		}
		this.logging.cleanUp();
	}

}
