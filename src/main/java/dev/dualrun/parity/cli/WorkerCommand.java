package dev.dualrun.parity.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code worker}: take the partitions of remote runs from the broker until stopped. */
@Command(name = "worker", mixinStandardHelpOptions = true,
		header = "Fetch, judge and store the partitions of runs started with run --remote, until stopped.",
		description = { "Take partition requests from the broker's queue, one at a time, and run",
				"each: the old side of its pairs fetched (within its share of the region's",
				"quota), then the pairs judged, all written to the shared store, where the",
				"manager sees the partition finish. A request is acknowledged when its",
				"partition has finished: if this worker dies mid-way, another takes it up",
				"where the store says it stopped. Needs the manager's store (--datasource-url,",
				"PostgreSQL), the broker (--broker or PARITY_REMOTE_BROKER) and the backends'",
				"settings, not the mapping. Stop it with SIGTERM (systemctl stop)." })
final class WorkerCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Mixin
	BackendOptions backends;

	@Mixin
	JudgingOptions judging;

	@Mixin
	StoreOptions store;

	@Mixin
	RemoteOptions remote;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		List<String> args = new ArrayList<>(this.backends.args());
		args.addAll(this.judging.args());
		this.remote.addTo(args);
		args.add("--parity.remote.worker=true");
		return ParityApplicationContext.withStore(console, this.store, args, (context) -> {
			String where = context.checkRemote("worker", true);
			CountDownLatch stopped = context.onClose();
			context.startWorker();
			console.line("worker: taking partitions from " + where + " (pid " + ProcessHandle.current().pid()
					+ "); stop with SIGTERM");
			try {
				stopped.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return ExitCodes.PASS;
		});
	}

}
