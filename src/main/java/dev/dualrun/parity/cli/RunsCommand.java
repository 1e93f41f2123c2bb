package dev.dualrun.parity.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.store.RunRow;

/** {@code runs}: list recent runs. */
@Command(name = "runs", mixinStandardHelpOptions = true, header = "List the most recent runs.",
		description = { "Newest first: each run's status, window, verdict counts and mapping file. In the embedded",
				"store, a run whose process ended before the run did (killed, out of memory) shows STOPPED;",
				"restart --run N continues it." })
final class RunsCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--last", paramLabel = "N", description = "How many runs. Default: 20")
	int last = 20;

	@Mixin
	StoreOptions store;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		if (this.last < 1) {
			return console.error(ExitCodes.CONFIGURATION, "--last " + this.last + ": give 1 or more runs");
		}
		return StoreOnlySession.withStore(console, this.store, (context) -> {
			console.line(String.format(Locale.ROOT, "%5s  %-9s  %-20s  %-20s  %5s %5s %4s %4s %5s %4s %4s  %s", "run",
					"status", "window start", "window end", "pairs", "pass", "warn", "fail", "unset", "nodt", "err",
					"mapping"));
			List<Long> stopped = new java.util.ArrayList<>();
			for (RunRow r : context.store().latestRuns(this.last)) {
				boolean died = context.embeddedStore() && "RUNNING".equals(r.status());
				if (died) {
					stopped.add(r.id());
				}
				console.line(String.format(Locale.ROOT, "%5d  %-9s  %-20s  %-20s  %5d %5d %4d %4d %5d %4d %4d  %s",
						r.id(), died ? "STOPPED" : r.status(), orDash(r.windowStart()), orDash(r.windowEnd()),
						r.pairsTotal(), r.passCount(), r.warnCount(), r.failCount(), r.unsettledCount(),
						r.noDataCount() + r.insufficientCount(), r.errorCount(), Console.oneLine(r.mappingSource())));
			}
			for (long id : stopped) {
				console.line("run " + id + " STOPPED: its process ended before the run did (killed, out of memory, "
						+ "the machine lost); restart --run " + id + " continues it");
			}
			return ExitCodes.PASS;
		});
	}

	/** A run that failed before it was planned has no window. */
	private static String orDash(Object value) {
		return (value != null) ? value.toString() : "-";
	}

}
