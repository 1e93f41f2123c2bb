package dev.dualrun.parity.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.report.ReportBuilder;
import dev.dualrun.parity.report.ReportWriter;

/** {@code report}: re-render a stored run without calling either backend. */
@Command(name = "report", mixinStandardHelpOptions = true,
		header = "Re-render the reports of a stored run, without calling any backend.",
		description = "Re-render the HTML and JSON reports of a stored run from the database.")
final class ReportCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--run", required = true, paramLabel = "ID", description = "The run id")
	long runId;

	@Mixin
	StoreOptions store;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		return StoreOnlySession.withStore(console, this.store, (context) -> {
			var run = context.store().run(this.runId);
			if (run.isEmpty()) {
				return console.error(ExitCodes.CONFIGURATION, "no run " + this.runId + " in the database");
			}
			Path file = new ReportWriter().write(
					new ReportBuilder(context.store(), Clock.systemUTC())
						.withCoverage(dev.dualrun.parity.estate.Estate.ofMappingFile(context.store(),
								run.get().mappingSource(), java.time.LocalDate.now(java.time.ZoneOffset.UTC))),
					run.get(), context.properties().reportsDir());
			context.store().runs().reported(this.runId, file.toString());
			console.line("report: " + file);
			return ExitCodes.PASS;
		});
	}

}
