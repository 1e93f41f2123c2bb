package dev.dualrun.parity.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.source.Configurable;

/**
 * How a run reads and judges its window: the flags of the commands that run the job
 * ({@code run}, {@code restart}, {@code worker}), not of those that only list or pair.
 */
final class JudgingOptions {

	@Option(names = "--settle", paramLabel = "DURATION",
			description = "How far behind now the window must end; recent data still changes. Default: 10m")
	String settle;

	@Option(names = "--settle-recheck", paramLabel = "DURATION",
			description = "Pause before a pair failing only in its newest 30 minutes is read again; 0 turns the "
					+ "re-read off. Default: 60s")
	String settleRecheck;

	@Option(names = "--threads", paramLabel = "N", description = "Pairs compared at once. Default: 4")
	Integer threads;

	/**
	 * @return these options as property arguments of the Spring application
	 * @throws ConfigurationException naming the flag if a value is malformed
	 */
	List<String> args() {
		Configurable.checkDuration("--settle", this.settle);
		Configurable.checkDuration("--settle-recheck", this.settleRecheck);
		if (this.threads != null && (this.threads < 1 || this.threads > 256)) {
			throw new ConfigurationException("--threads " + this.threads + ": give 1 to 256 pairs at once");
		}
		List<String> args = new ArrayList<>();
		Configurable.add(args, "parity.settle", this.settle);
		Configurable.add(args, "parity.settle-recheck", this.settleRecheck);
		Configurable.add(args, "parity.threads", (this.threads != null) ? this.threads.toString() : null);
		return args;
	}

}
