package dev.dualrun.parity.cli;

import java.util.List;

import picocli.CommandLine.Option;

/** Where the run's verdicts go as metrics for node_exporter. */
final class TextfileOption {

	@Option(names = "--textfile", paramLabel = "FILE",
			description = "Also write the verdicts as metrics (parity_pair_verdict, parity_run_timestamp_seconds, "
					+ "...) to this .prom file, atomically, for node_exporter's textfile collector")
	String textfile;

	void addTo(List<String> args) {
		if (this.textfile != null) {
			if (!this.textfile.endsWith(".prom")) {
				throw new dev.dualrun.parity.config.ConfigurationException(
						"--textfile " + Console.oneLine(this.textfile)
								+ ": node_exporter's textfile collector reads only files ending in .prom");
			}
			args.add("--parity.textfile=" + java.nio.file.Path.of(this.textfile).toAbsolutePath());
		}
	}

}
