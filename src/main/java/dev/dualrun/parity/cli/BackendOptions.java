package dev.dualrun.parity.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.source.Configurable;

/**
 * How to run against the backends: the neutral flags here, and each source's own flags,
 * which {@link ParityCli} mixes into every command that has these (the sources'
 * {@link Configurable} options). Every flag has a property and an environment variable
 * (e.g. {@code --settle}, {@code parity.settle}, {@code PARITY_SETTLE}); secrets are
 * given by environment only.
 */
final class BackendOptions {

	@Spec(Spec.Target.MIXEE)
	CommandSpec command;

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
	 * @return these options and the sources' options of the command as property arguments
	 * of the Spring application
	 * @throws ConfigurationException naming the flag if a value is malformed
	 */
	List<String> args() {
		Configurable.checkDuration("--settle", this.settle);
		Configurable.checkDuration("--settle-recheck", this.settleRecheck);
		if (this.threads != null && (this.threads < 1 || this.threads > 256)) {
			throw new ConfigurationException("--threads " + this.threads + ": give 1 to 256 pairs at once");
		}
		List<String> args = new ArrayList<>();
		for (CommandSpec mixin : this.command.mixins().values()) {
			if (mixin.userObject() instanceof Configurable.Options source) {
				args.addAll(source.propertyArgs());
			}
		}
		Configurable.add(args, "parity.settle", this.settle);
		Configurable.add(args, "parity.settle-recheck", this.settleRecheck);
		Configurable.add(args, "parity.threads", (this.threads != null) ? this.threads.toString() : null);
		return args;
	}

}
