package dev.dualrun.parity.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.store.Retention;
import dev.dualrun.parity.store.RunRow;

/** {@code prune}: delete old runs with their evidence and reports. */
@Command(name = "prune", mixinStandardHelpOptions = true,
		header = "Delete old runs with their evidence and reports, keeping what a sign-off needs.",
		description = { "Delete the runs beyond the newest --keep-runs of each mapping file, or started more than",
				"--older-than ago, with their plan, results, discrepancies, series and report files. Never deleted:",
				"a run still RUNNING, the newest --signoff-runs completed runs of each mapping file, a run a kept",
				"re-judgement reads. --dry-run lists what would go." })
final class PruneCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--keep-runs", paramLabel = "K", description = "Runs kept per mapping file")
	Integer keepRuns;

	@Option(names = "--older-than", paramLabel = "DURATION", description = "Delete runs started longer ago, e.g. 30d")
	String olderThan;

	@Option(names = "--signoff-runs", paramLabel = "K",
			description = "Completed runs per mapping file always kept for the sign-off. Default: 7")
	int signOffRuns = 7;

	@Option(names = "--dry-run", description = "List what would be deleted, delete nothing")
	boolean dryRun;

	@Mixin
	StoreOptions store;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		if (this.keepRuns == null && this.olderThan == null) {
			return console.error(ExitCodes.CONFIGURATION, "prune: give --keep-runs K, --older-than DURATION or both");
		}
		if ((this.keepRuns != null && this.keepRuns < 1) || this.signOffRuns < 0) {
			return console.error(ExitCodes.CONFIGURATION,
					"prune: --keep-runs must be at least 1, --signoff-runs 0 or more");
		}
		Duration age;
		try {
			age = (this.olderThan != null) ? Durations.parse(this.olderThan) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigurationException("--older-than: " + ex.getMessage());
		}
		Retention retention = new Retention(this.keepRuns, age, this.signOffRuns);
		return StoreOnlySession.withStore(console, this.store, (context) -> {
			List<RunRow> all = context.store().allRuns();
			List<RunRow> expired = retention.expired(all, Clock.systemUTC().instant());
			int keptForSignOff = new Retention(this.keepRuns, age, 0).expired(all, Clock.systemUTC().instant()).size()
					- expired.size();
			if (keptForSignOff > 0) {
				console.line("prune: " + keptForSignOff + " run(s) kept for a sign-off (the newest " + this.signOffRuns
						+ " completed runs of each mapping file; --signoff-runs 0 lets them go)");
			}
			Path reports = context.properties().reportsDir();
			for (RunRow run : expired) {
				console.line((this.dryRun ? "would delete" : "deleting") + " run " + run.id() + " (" + run.status()
						+ ", started " + run.startedAt() + ", " + run.pairsTotal() + " pair(s), "
						+ Console.oneLine(run.mappingSource()) + ")");
			}
			if (this.dryRun) {
				console.line("prune: " + expired.size() + " run(s) would be deleted; nothing deleted (--dry-run)");
				return ExitCodes.PASS;
			}
			long rows = context.store().delete(expired.stream().map(RunRow::id).toList());
			int files = deleteReports(console, expired, reports);
			reindex(console, context, reports);
			console.line(
					"prune: deleted " + expired.size() + " run(s), " + rows + " row(s), " + files + " report file(s)");
			return ExitCodes.PASS;
		});
	}

	private static int deleteReports(Console console, List<RunRow> expired, Path reports) {
		int files = 0;
		for (RunRow run : expired) {
			for (String suffix : List.of(".html", ".json", ".junit.xml")) {
				try {
					files += Files.deleteIfExists(reports.resolve("run-" + run.id() + suffix)) ? 1 : 0;
				}
				catch (IOException ex) {
					console.line("prune: could not delete " + reports.resolve("run-" + run.id() + suffix) + ": "
							+ Console.oneLine(ex.getMessage()));
				}
			}
		}
		return files;
	}

	/** The index lists the runs that are left, so that it links no deleted report. */
	private static void reindex(Console console, StoreSession context, Path reports) {
		if (!Files.exists(reports.resolve("index.html"))) {
			return;
		}
		try {
			new dev.dualrun.parity.report.ReportWriter()
				.writeIndex(context.store().latestRuns(dev.dualrun.parity.report.ReportBuilder.INDEX), reports, 0);
		}
		catch (IOException ex) {
			console.line("prune: could not write " + reports.resolve("index.html") + ": "
					+ Console.oneLine(ex.getMessage()));
		}
	}

}
