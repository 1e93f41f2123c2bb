package dev.dualrun.parity.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.config.Tolerance;
import dev.dualrun.parity.report.ReportBuilder;
import dev.dualrun.parity.report.ReportWriter;
import dev.dualrun.parity.store.Rejudgement;
import dev.dualrun.parity.store.RunRow;

/**
 * {@code rejudge}: judge a stored run again with other tolerances, calling no backend.
 */
@Command(name = "rejudge", mixinStandardHelpOptions = true,
		header = "Judge a stored run again, with the same or other tolerances, calling no backend.",
		description = { "Recompute the verdicts of a past run from what each side answered, with the same judge, and",
				"store them as a new judgement (a run that names the run it judged), with its own report.",
				"Tolerance flags change every pair; fields not given keep each pair's own. Without any, the",
				"judgement has the run's own tolerances and gives the run's verdicts." })
final class RejudgeCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--run", required = true, paramLabel = "ID", description = "The run to judge again")
	long runId;

	@Option(names = "--relative", paramLabel = "SHARE", description = "Per-point relative tolerance, e.g. 0.05")
	Double relative;

	@Option(names = "--absolute", paramLabel = "VALUE",
			description = "Per-point absolute floor, in the old side's unit")
	Double absolute;

	@Option(names = "--min-coverage", paramLabel = "SHARE", description = "Share of periods each side must have")
	Double minCoverage;

	@Option(names = "--min-within", paramLabel = "SHARE", description = "Expected share of periods within tolerance")
	Double minWithin;

	@Option(names = "--max-bias", paramLabel = "SHARE", description = "Largest accepted bias of the sums, e.g. 0.05")
	Double maxBias;

	@Mixin
	StoreOptions store;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		Tolerance.Override override = new Tolerance.Override(this.relative, this.absolute, this.minCoverage,
				this.minWithin, this.maxBias);
		List<String> changes = new ArrayList<>();
		add(changes, "relative", this.relative);
		add(changes, "absolute", this.absolute);
		add(changes, "min-coverage", this.minCoverage);
		add(changes, "min-within", this.minWithin);
		add(changes, "max-bias", this.maxBias);
		if (changes.isEmpty()) {
			changes.add("the same tolerances");
		}
		return StoreOnlySession.withStore(console, this.store, (context) -> {
			if (context.store().run(this.runId).isEmpty()) {
				return console.error(ExitCodes.CONFIGURATION, "no run " + this.runId + " in the database");
			}
			long id;
			try {
				id = new Rejudgement(context.store(), Clock.systemUTC()).rejudge(this.runId, override,
						String.join(", ", changes));
			}
			catch (IllegalArgumentException ex) {
				return console.error(ExitCodes.CONFIGURATION, ex.getMessage());
			}
			Path file = new ReportWriter().write(
					new ReportBuilder(context.store(), Clock.systemUTC()).withCoverage(dev.dualrun.parity.estate.Estate
						.ofMappingFile(context.store(), context.store().run(id).orElseThrow().mappingSource(),
								java.time.LocalDate.now(java.time.ZoneOffset.UTC))),
					context.store().run(id).orElseThrow(), context.properties().reportsDir());
			context.store().runs().reported(id, file.toString());
			RunRow run = context.store().run(id).orElseThrow();
			console.line("judgement of run " + this.runId + " with " + String.join(", ", changes)
					+ (changes.contains("the same tolerances") ? "" : " (for every pair, in place of its own)") + ":");
			List<String> alerts = context.store()
				.alerts()
				.verdicts(id)
				.stream()
				.map(dev.dualrun.parity.store.AlertVerdictRow::verdict)
				.toList();
			console.summary(run, alerts);
			if (!alerts.isEmpty()) {
				console.line("alerts: " + alerts.size() + " alert pair(s) judged again, "
						+ alerts.stream().filter("PASS"::equals).count() + " PASS");
			}
			console.line(flips(context, this.runId, id));
			return ExitCodes.of(run, alerts);
		});
	}

	/** The pairs whose verdict the judgement changed, the first ten by name. */
	private static String flips(StoreSession context, long judged, long judgement) {
		java.util.Map<String, String> before = new java.util.HashMap<>();
		context.store().results().results(judged).forEach((r) -> before.put(r.pairId(), r.verdict().name()));
		List<String> changed = new ArrayList<>();
		context.store().results().results(judgement).forEach((r) -> {
			String was = before.get(r.pairId());
			if (was != null && !was.equals(r.verdict().name())) {
				changed.add(r.pairId() + " " + was + " -> " + r.verdict().name());
			}
		});
		if (changed.isEmpty()) {
			return "changed: no pair's verdict";
		}
		changed.sort(null);
		return "changed: " + changed.size() + " pair(s): "
				+ String.join(", ", changed.subList(0, Math.min(10, changed.size())))
				+ ((changed.size() > 10) ? " and " + (changed.size() - 10) + " more (see the report)" : "");
	}

	private static void add(List<String> changes, String name, Double value) {
		if (value != null) {
			changes.add(name + " " + value);
		}
	}

}
