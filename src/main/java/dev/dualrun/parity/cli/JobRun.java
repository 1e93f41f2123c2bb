package dev.dualrun.parity.cli;

import java.util.List;

/**
 * Starts the application, runs or restarts the job, prints the outcome, returns the exit
 * code.
 */
final class JobRun {

	@FunctionalInterface
	interface Launch {

		ParityApplicationContext.Outcome launch(ParityApplicationContext context) throws Exception;

	}

	private JobRun() {
	}

	static int execute(Console console, List<String> args, Launch launch) {
		try (ParityApplicationContext context = ParityApplicationContext.start(args)) {
			ParityApplicationContext.Outcome outcome = launch.launch(context);
			int code = outcome.exitCode();
			if (outcome.run() != null && (outcome.run().pairsTotal() > 0 || !outcome.alertVerdicts().isEmpty())) {
				console.summary(outcome.run(), outcome.alertVerdicts());
				if (!outcome.alertVerdicts().isEmpty()) {
					console
						.line("alerts: " + outcome.alertVerdicts().size() + " alert pair(s): " + outcome.alertCounts()
								+ " (each rule replayed against its alarm; the report draws their timelines)");
				}
				cost(console, context, outcome.run());
			}
			String undelivered = dev.dualrun.parity.batch.RunContext.undelivered(outcome.execution());
			if (undelivered != null && code < ExitCodes.CONFIGURATION && outcome.run() != null) {
				// the run is stored and reported, but its verdicts reached no alerting
				return console.error(ExitCodes.RUNTIME, "run " + outcome.run().id()
						+ " completed, but its verdicts were not delivered: " + undelivered);
			}
			if (code >= ExitCodes.CONFIGURATION) {
				String cause = (outcome.run() != null && outcome.run().error() != null) ? outcome.run().error()
						: outcome.execution()
							.getAllFailureExceptions()
							.stream()
							.findFirst()
							.map(Throwable::getMessage)
							.orElse("job ended " + outcome.execution().getStatus());
				String prefix = (outcome.run() != null) ? "run " + outcome.run().id() + " failed: " : "";
				return console.error(code, prefix + cause);
			}
			return code;
		}
		catch (Exception ex) {
			return failed(console, ex, args);
		}
	}

	/**
	 * A command that could not start or run, in one line with its exit code: bad usage or
	 * a bad setting is 2, a backend's or the store's failure 3.
	 * @param console where the line goes
	 * @param ex the failure
	 * @param args the command's property arguments, to name its store
	 * @return the exit code
	 */
	static int failed(Console console, Exception ex, List<String> args) {
		if (ex instanceof dev.dualrun.parity.config.ConfigurationException) {
			return console.error(ExitCodes.CONFIGURATION, ex.getMessage(), ex);
		}
		if (ex instanceof dev.dualrun.parity.source.SourceException) {
			// a backend's failure, already in one line naming the call and the place
			return console.error(ExitCodes.RUNTIME, ex.getMessage(), ex);
		}
		String setting = badSetting(ex);
		return (setting != null) ? console.error(ExitCodes.CONFIGURATION, setting, ex)
				: console.error(ExitCodes.RUNTIME, rootCause(ex, StoreLocation.of(args)), ex);
	}

	/**
	 * What the run's calls cost, when its old side is one system that charges for them
	 * (the counts of several old systems are stored together).
	 */
	private static void cost(Console console, ParityApplicationContext context, dev.dualrun.parity.store.RunRow run) {
		if (run.old().system() == null || run.old().system().contains(" + ")) {
			return;
		}
		for (dev.dualrun.parity.source.SourceProvider p : dev.dualrun.parity.source.Sources.all()) {
			if (p.displayName().equals(run.old().system()) && p instanceof dev.dualrun.parity.source.Costed costed) {
				String price = costed.price(context.properties(), run.old().calls(), run.old().metrics());
				if (price != null) {
					console.line("cost: " + run.old().system() + " " + price);
				}
			}
		}
	}

	/**
	 * @param ex a failure
	 * @return a line naming the setting and the problem if a {@code parity.*} setting
	 * (property or environment variable) could not be bound, else null
	 */
	static String badSetting(Throwable ex) {
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof org.springframework.boot.context.properties.bind.BindException bind) {
				Throwable cause = bind;
				while (cause.getCause() != null && cause.getCause() != cause) {
					cause = cause.getCause();
				}
				String problem = (cause instanceof NumberFormatException)
						? "not a number (" + Console.oneLine(cause.getMessage()).replace("For input string: ", "") + ")"
						: (cause != bind && cause.getMessage() != null) ? cause.getMessage() : bind.getMessage();
				String name = bind.getName().toString();
				return "setting '" + name + "' (environment "
						+ name.toUpperCase(java.util.Locale.ROOT).replaceAll("[.-]", "_") + "): " + problem;
			}
		}
		return null;
	}

	/**
	 * A database failure in one line, with what to set when the store refused the user or
	 * could not be reached (SQLSTATE classes 28 and 08).
	 */
	private static String storeFailure(java.sql.SQLException ex, String store) {
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		String message = Console.oneLine(String.valueOf(ex.getMessage()));
		String at = (store != null) ? " " + store : "";
		if (state.startsWith("28")) {
			return "the store" + at + " refused its user: " + message + " (set the user and password with "
					+ "PARITY_DATASOURCE_USERNAME and PARITY_DATASOURCE_PASSWORD, or ?user= in --datasource-url)";
		}
		if (state.startsWith("08")) {
			return "cannot reach the store" + at + ": " + message
					+ " (check --datasource-url or PARITY_DATASOURCE_URL)";
		}
		if (state.startsWith("3D")) {
			return "the store" + at + " has no such database: " + message + " (create it, or check --datasource-url)";
		}
		return "database failed" + ((store != null) ? " (" + store + ")" : "") + ": " + message;
	}

	/**
	 * @param ex a failure
	 * @return the most telling message of its chain: a database or migration failure by
	 * name, else the deepest message
	 */
	static String rootCause(Throwable ex) {
		return rootCause(ex, null);
	}

	/**
	 * @param ex a failure
	 * @param store where the store is (named by a database failure), or null
	 * @return the most telling message of its chain: a database or migration failure by
	 * name, else the deepest message
	 */
	static String rootCause(Throwable ex, String store) {
		String deepest = null;
		String migration = null;
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof java.sql.SQLException sql) {
				return storeFailure(sql, store);
			}
			if (t instanceof org.flywaydb.core.api.FlywayException && migration == null) {
				migration = "database migration failed: " + t.getMessage().lines().findFirst().orElse("");
			}
			if (t.getMessage() != null && !t.getMessage().isBlank()) {
				deepest = t.getMessage();
			}
		}
		return (migration != null) ? migration : (deepest != null) ? deepest : ex.toString();
	}

}
