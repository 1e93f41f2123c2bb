package dev.dualrun.parity.cli;

import java.util.List;

import picocli.CommandLine.Option;

/** Where the run's verdicts go as metrics: a file for node_exporter, a Pushgateway. */
final class TextfileOption {

	@Option(names = "--textfile", paramLabel = "FILE",
			description = "Also write the verdicts as metrics (parity_pair_verdict, parity_run_timestamp_seconds, "
					+ "...) to this .prom file, atomically, for node_exporter's textfile collector")
	String textfile;

	@Option(names = "--pushgateway", paramLabel = "URL",
			description = "Also push the same metrics to this Pushgateway (job parity-validator, grouped "
					+ "by mapping), for a run with no node_exporter beside it, e.g. a Kubernetes CronJob")
	String pushgateway;

	void addTo(List<String> args) {
		if (this.pushgateway != null) {
			java.net.URI url;
			try {
				url = java.net.URI.create(this.pushgateway);
			}
			catch (IllegalArgumentException ex) {
				url = null;
			}
			if (url == null || url.getHost() == null
					|| !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
				throw new dev.dualrun.parity.config.ConfigurationException("--pushgateway "
						+ Console.oneLine(this.pushgateway) + ": not an http(s) URL such as http://pushgateway:9091");
			}
			args.add("--parity.pushgateway=" + url);
		}
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
