package dev.dualrun.parity.cli;

import java.util.List;

import picocli.CommandLine.Option;

import dev.dualrun.parity.config.ConfigurationException;

/** Where the database and the reports live. */
final class StoreOptions {

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "Directory of the H2 database (job repository and results). Default: ./data")
	String dataDir;

	@Option(names = "--datasource-url", paramLabel = "JDBC_URL",
			description = "A team's shared store instead of the H2 under --data-dir, e.g. "
					+ "jdbc:postgresql://db:5432/parity (user and password from PARITY_DATASOURCE_USERNAME and "
					+ "PARITY_DATASOURCE_PASSWORD). Default: parity.datasource.url, else H2")
	String datasourceUrl;

	@Option(names = "--reports-dir", paramLabel = "DIR", description = "Where reports are written. Default: ./reports")
	String reportsDir;

	@Option(names = "--log-format", paramLabel = "text|json",
			description = "The progress lines: text on standard output (the default), or json: one JSON object "
					+ "a line (Elastic Common Schema) on standard error, for a log collector")
	LogFormat logFormat = LogFormat.TEXT;

	/** How the progress lines are written. */
	enum LogFormat {

		/** One line of text each, on standard output. */
		TEXT,
		/** One JSON object each (Elastic Common Schema), on standard error. */
		JSON

	}

	@Option(names = "--debug",
			description = "Also show the libraries' messages and every stack trace on the console; they always "
					+ "go to <data-dir>/logs/parity.log")
	boolean debug;

	/**
	 * Adds these options as property arguments of the Spring application.
	 * @param args the arguments to add to
	 * @throws ConfigurationException if the data directory is a file
	 */
	void addTo(List<String> args) {
		if (this.debug) {
			Console.showTraces(true);
			args.add("--spring.profiles.active=debug");
		}
		else if (this.logFormat == LogFormat.JSON) {
			args.add("--spring.profiles.active=json-logs");
		}
		if (this.dataDir != null) {
			java.nio.file.Path dir = java.nio.file.Path.of(this.dataDir);
			if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
				throw new ConfigurationException("--data-dir " + this.dataDir + " is a file, not a directory");
			}
			// H2 refuses a path relative to the working directory unless it starts with
			// ./
			args.add("--parity.data-dir=" + java.nio.file.Path.of(this.dataDir).toAbsolutePath().normalize());
		}
		if (this.reportsDir != null) {
			args.add("--parity.reports-dir=" + this.reportsDir);
		}
		if (this.datasourceUrl != null) {
			if (!this.datasourceUrl.startsWith("jdbc:h2:") && !this.datasourceUrl.startsWith("jdbc:postgresql:")) {
				throw new ConfigurationException("--datasource-url " + Console.oneLine(this.datasourceUrl)
						+ ": give a jdbc:postgresql:// URL (or jdbc:h2:)");
			}
			args.add("--parity.datasource.url=" + this.datasourceUrl);
		}
	}

}
