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

/** {@code restart}: continue a failed, crashed or half-errored run where it stopped. */
@Command(name = "restart", mixinStandardHelpOptions = true,
		header = "Continue a run that failed, died, or completed with ERROR pairs.",
		description = { "Continue a run: a failed run restarts where it stopped; a run whose process died (kill -9,",
				"out of memory) is recovered and restarted, no SQL by hand; a completed run with ERROR pairs is",
				"resumed for those pairs alone. Pairs already judged are kept, the old side is not asked again for",
				"pairs it answered, and the report is rewritten. A run started with --remote is restarted",
				"across the workers (give --broker): only its partitions not finished are sent again." })
final class RestartCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--run", required = true, paramLabel = "ID", description = "The run id")
	long runId;

	@Mixin
	BackendOptions backends;

	@Mixin
	JudgingOptions judging;

	@Mixin
	RemoteOptions remote;

	@Mixin
	StoreOptions store;

	@Mixin
	TextfileOption textfile;

	@Mixin
	ExitZeroOption exit;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		List<String> args = new ArrayList<>(this.backends.args());
		args.addAll(this.judging.args());
		this.remote.addTo(args);
		this.store.addTo(args);
		this.textfile.addTo(args);
		return this.exit.apply(JobRun.execute(console, args, (context) -> {
			RunRow run = context.store()
				.run(this.runId)
				.orElseThrow(() -> new ConfigurationException("no run " + this.runId + " in the database"));
			return context.restart(run);
		}));
	}

}
