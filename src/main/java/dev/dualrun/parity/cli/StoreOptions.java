package dev.dualrun.parity.cli;

import java.util.List;

import picocli.CommandLine.Option;

/** Where the database and the reports live. */
final class StoreOptions {

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "Directory of the H2 database (job repository and results). Default: ./data")
	String dataDir;

	@Option(names = "--reports-dir", paramLabel = "DIR", description = "Where reports are written. Default: ./reports")
	String reportsDir;

	void addTo(List<String> args) {
		if (this.dataDir != null) {
			// H2 refuses a path relative to the working directory unless it starts with
			// ./
			args.add("--parity.data-dir=" + java.nio.file.Path.of(this.dataDir).toAbsolutePath().normalize());
		}
		if (this.reportsDir != null) {
			args.add("--parity.reports-dir=" + this.reportsDir);
		}
	}

}
