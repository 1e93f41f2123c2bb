package dev.dualrun.parity.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.store.RunRow;

/** {@code restart}: continue a failed run where it stopped. */
@Command(name = "restart", mixinStandardHelpOptions = true,
		header = "Continue a failed run: judge the pairs that errored or were never judged.",
		description = { "Restart a failed run: pairs already judged are kept, pairs that errored or were",
				"never judged are fetched and compared again, and the report is rewritten." })
final class RestartCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--run", required = true, paramLabel = "ID", description = "The run id")
	long runId;

	@Mixin
	BackendOptions backends;

	@Mixin
	StoreOptions store;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		List<String> args = new ArrayList<>(this.backends.args());
		this.store.addTo(args);
		return JobRun.execute(console, args, (context) -> {
			RunRow run = context.store()
				.run(this.runId)
				.orElseThrow(() -> new ConfigurationException("no run " + this.runId + " in the database"));
			return context.restart(run);
		});
	}

}
