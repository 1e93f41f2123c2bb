package dev.dualrun.parity.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.config.MappingException;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.MappingLoader;
import dev.dualrun.parity.report.GrafanaDashboard;
import dev.dualrun.parity.store.PairResultRow;

/** {@code dashboard}: a Grafana dashboard of the mapping's pairs. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
		header = "Write a Grafana dashboard of the mapping: a panel per pair with both systems on one grid.",
		description = { "One time-series panel per pair, the old side's data source (${parity.old-systems}) and",
				"the new side's (${parity.new-systems}) in one mixed panel, drawn at each period's start as the validator compares them, the",
				"verdict of the mapping's latest run in the title. Import it in Grafana (Dashboards, New, Import)",
				"and pick the data sources for its variables. Exit 0 when written." })
final class DashboardCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--mapping", required = true, paramLabel = "FILE", description = "The mapping file")
	String mapping;

	@Option(names = "--out", paramLabel = "FILE",
			description = "Where to write the dashboard JSON. Default: grafana-dashboard.json in the reports directory")
	String out;

	@Mixin
	StoreOptions store;

	/**
	 * Writes the dashboard of a mapping with the verdicts of its latest run.
	 * @param context the application
	 * @param file the mapping
	 * @param out where, or null for the reports directory
	 * @return the file written
	 * @throws IOException if it cannot be written
	 */
	static Path write(StoreSession context, MappingFile file, Path out) throws IOException {
		List<Long> runs = context.store().results().recentRunsOf(file.source(), 1);
		Long runId = runs.isEmpty() ? null : runs.get(0);
		Map<String, PairResultRow> results = new HashMap<>();
		Map<String, dev.dualrun.parity.store.AlertVerdictRow> alerts = new HashMap<>();
		if (runId != null) {
			context.store().results().results(runId).forEach((r) -> results.put(r.pairId(), r));
			context.store().alerts().verdicts(runId).forEach((a) -> alerts.put(a.alertId(), a));
		}
		Path target = (out != null) ? out : context.properties().reportsDir().resolve("grafana-dashboard.json");
		if (target.toAbsolutePath().getParent() != null) {
			Files.createDirectories(target.toAbsolutePath().getParent());
		}
		Files.write(target, GrafanaDashboard.json(GrafanaDashboard.of(file, results, alerts, runId)));
		return target;
	}

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		MappingFile file;
		try {
			file = dev.dualrun.parity.source.Sources.mappingLoader().load(Path.of(this.mapping));
		}
		catch (MappingException ex) {
			return console.error(ExitCodes.CONFIGURATION, ex.getMessage());
		}
		return StoreOnlySession.withStore(console, this.store, (context) -> {
			try {
				Path written = write(context, file, (this.out != null) ? Path.of(this.out) : null);
				console.line("dashboard: " + written + " (" + file.pairs().size() + " pair panel(s)"
						+ (file.alerts().isEmpty() ? "" : ", " + file.alerts().size() + " alert panel(s)")
						+ "; import it in Grafana and pick the data sources)");
				return ExitCodes.PASS;
			}
			catch (IOException ex) {
				return console.error(ExitCodes.RUNTIME, "cannot write the dashboard: " + ex.getMessage());
			}
		});
	}

}
