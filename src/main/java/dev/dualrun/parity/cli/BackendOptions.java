package dev.dualrun.parity.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.source.Configurable;

/**
 * How to reach the backends: each source's own flags, which {@link ParityCli} mixes into
 * every command that has this mixin (the sources' {@link Configurable} options). Every
 * flag has a property and an environment variable (e.g. {@code --prometheus-url},
 * {@code parity.prometheus.url}, {@code PARITY_PROMETHEUS_URL}); secrets are given by
 * environment only.
 */
@picocli.CommandLine.Command
final class BackendOptions {

	@Spec(Spec.Target.MIXEE)
	CommandSpec command;

	/**
	 * @return the sources' options of the command as property arguments of the Spring
	 * application
	 * @throws ConfigurationException naming the flag if a value is malformed
	 */
	List<String> args() {
		List<String> args = new ArrayList<>();
		for (CommandSpec mixin : this.command.mixins().values()) {
			if (mixin.userObject() instanceof Configurable.Options source) {
				args.addAll(source.propertyArgs());
			}
		}
		return args;
	}

}
