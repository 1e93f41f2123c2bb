package dev.dualrun.parity.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.batch.ParityJobParameters;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.demo.DemoBackends;
import dev.dualrun.parity.demo.DemoScenario;
import dev.dualrun.parity.report.ReportWriter;
import dev.dualrun.parity.report.SignOffReport;
import dev.dualrun.parity.store.PairResultRow;
import dev.dualrun.parity.source.Inventoried;
import dev.dualrun.parity.source.Sources;

/** {@code demo}: the real job on an embedded dual run. */
@Command(name = "demo", mixinStandardHelpOptions = true,
		header = "Run the real job on an embedded, seeded dual run and write its report.",
		description = "${parity.demo.description}")
final class DemoCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--seed", paramLabel = "N", description = "Seed of the simulated dual run. Default: 42")
	long seed = 42;

	@Option(names = "--serve",
			description = "After the demo, keep its backends up until Ctrl-C and print the flags and environment "
					+ "that point every command at them: a sandbox without a cloud account")
	boolean serve;

	@Mixin
	StoreOptions store;

	/** The old sides that cannot list their metrics, for the coverage line. */
	private static String unlisted() {
		List<String> names = Sources.all()
			.stream()
			.filter((p) -> p.role() == Side.OLD && !(p instanceof Inventoried))
			.map(dev.dualrun.parity.source.SourceProvider::displayName)
			.toList();
		return names.isEmpty() ? "" : "; " + String.join(", ", names) + " not listed";
	}

	/**
	 * Runs a pair must pass in the demo's sign-off: run the demo twice to see it decide.
	 */
	static final int SIGN_OFF_RUNS = 2;

	/** The demo's sign-off over its last runs, as the line to print. */
	private static String signOff(StoreSession context, Path mapping, dev.dualrun.parity.estate.Coverage estate) {
		MappingFile file = dev.dualrun.parity.source.Sources.mappingLoader().load(mapping);
		SignOffReport s = SignOffReport
			.build(context.store(), file, List.of(), SIGN_OFF_RUNS, java.time.LocalDate.now(java.time.ZoneOffset.UTC))
			.withCoverage(estate);
		Path html = new ReportWriter().writeSignOff(s, context.properties().reportsDir());
		long blocking = s.count(SignOffReport.Status.BLOCKED) + s.count(SignOffReport.Status.WAIVER_EXPIRED);
		long estateBlocking = (estate == null) ? 0 : estate.blocking();
		return "sign-off: " + html + " (" + (s.signedOff() ? "signed off" : "not signed off: " + blocking + " of "
				+ s.pairs().size() + " pairs block over the last " + SIGN_OFF_RUNS + " runs"
				+ ((estateBlocking > 0)
						? ", " + estateBlocking + " metric(s) of the estate are neither paired " + "nor excluded" : ""))
				+ "); JSON and JUnit XML beside the run's report";
	}

	@Override
	public Integer call() throws Exception {
		Console console = Console.of(this.spec);
		long started = System.nanoTime();
		Instant now = Clock.systemUTC().instant();
		Path mapping = Path.of((this.store.dataDir != null) ? this.store.dataDir : "data", "demo", "mappings.yml");
		try (DemoBackends backends = DemoBackends.start(this.seed, now, mapping)) {
			DemoScenario scenario = backends.scenario();
			console.line("demo: " + backends.describe());
			List<String> args = new ArrayList<>(backends.propertyArgs());
			this.store.addTo(args);
			Collected got = new Collected();
			int code = JobRun.execute(console, args, (context) -> run(context, mapping, now, got));
			if (got.results.isEmpty() && code > ExitCodes.NOT_ALL_PASS) {
				// the job did not run (the store, a setting): its one line said why
				return code;
			}
			if (got.signOff != null) {
				console.line(got.signOff);
			}
			got.coverage.forEach(console::line);
			int matched = pairsMatched(console, scenario, got.results);
			int alertsMatched = alertsMatched(console, scenario, got.alertResults);
			console.line(String.format(java.util.Locale.ROOT,
					"demo: %d of %d alert verdicts match the injected defects; the report draws each alert pair's timeline",
					alertsMatched, scenario.alertExpectations().size()));
			console.line(String.format(java.util.Locale.ROOT,
					"demo: %d of %d verdicts match the injected discrepancies; %s; %.1f s", matched,
					scenario.expectations().size(), backends.callsReceived(), (System.nanoTime() - started) / 1e9));
			if (this.serve) {
				serve(console, backends, mapping);
			}
			return code;
		}
	}

	/**
	 * Keeps the backends up until the process is stopped, saying how to reach them.
	 */
	private void serve(Console console, DemoBackends backends, Path mapping) throws InterruptedException {
		String data = (this.store.dataDir != null) ? this.store.dataDir : "data";
		String flags = String.join(" ", backends.flags()) + " --data-dir " + data;
		console.line("demo: serving its backends until Ctrl-C; in another shell:");
		console.line("  export " + String.join(" ", backends.environment()));
		console.line("  FLAGS='" + flags + "'");
		console.line("  java -jar target/parity-validator.jar inventory $FLAGS");
		console.line("  java -jar target/parity-validator.jar discover $FLAGS --out discovered.yml");
		console.line("  java -jar target/parity-validator.jar run --mapping " + mapping
				+ " $FLAGS --textfile /tmp/parity.prom");
		console.line("demo-flags: " + flags);
		java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			backends.close();
			console.line("demo: stopped; its backends are down");
			stopped.countDown();
		}, "demo-serve-stop"));
		stopped.await();
	}

	/**
	 * What the demo's run gave, collected in the job's context for the lines after it.
	 */
	private static final class Collected {

		private final Map<String, PairResultRow> results = new HashMap<>();

		private final Map<String, dev.dualrun.parity.store.AlertVerdictRow> alertResults = new HashMap<>();

		private final List<String> coverage = new ArrayList<>();

		private String signOff;

	}

	/**
	 * Lists the estate, runs the job, and collects the verdicts, coverage and sign-off.
	 */
	private static ParityApplicationContext.Outcome run(ParityApplicationContext context, Path mapping, Instant now,
			Collected got) throws Exception {
		// the estate: what the old side holds, listed before the run so that its
		// report shows the coverage
		var query = new dev.dualrun.parity.source.InventoryQuery(List.of(), false, false);
		Inventoried lister = Sources.one(Inventoried.class, Side.OLD, "list its metrics");
		var listing = lister.inventory(context.properties(), query);
		long inventoryId = context.store().saveInventory(listing, query);
		ParityApplicationContext.Outcome outcome = context
			.run(new ParityJobParameters(mapping.toString(), null, null, List.of(), now));
		if (outcome.run() != null) {
			context.store().results().results(outcome.run().id()).forEach((r) -> got.results.put(r.pairId(), r));
			context.store().alerts().verdicts(outcome.run().id()).forEach((r) -> got.alertResults.put(r.alertId(), r));
			MappingFile file = Sources.mappingLoader().load(mapping);
			var estate = dev.dualrun.parity.estate.Estate.coverage(context.store(), file,
					dev.dualrun.parity.estate.Estate.exclusions(mapping.toString(), null), inventoryId,
					java.time.LocalDate.now(java.time.ZoneOffset.UTC));
			got.coverage.addAll(estate.table());
			got.coverage.add("coverage: " + estate.count(dev.dualrun.parity.estate.Coverage.Status.COVERED) + " of "
					+ estate.entries().size() + " " + listing.system() + " metric(s) covered by a pair, "
					+ estate.count(dev.dualrun.parity.estate.Coverage.Status.EXCLUDED) + " excluded (exclusions.yml), "
					+ estate.count(dev.dualrun.parity.estate.Coverage.Status.UNCOVERED) + " neither (inventory "
					+ inventoryId + ", " + lister.listedBy() + unlisted() + ")");
			got.signOff = signOff(context, mapping, estate);
			try {
				got.coverage.add("grafana: " + DashboardCommand.write(context, file, null)
						+ " (a panel per pair, both systems on one grid; import it in Grafana)");
				got.coverage.add(fixes(context, outcome.run().id(), mapping));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		return outcome;
	}

	/** The run's written fixes, in a line. */
	private static String fixes(StoreSession context, long runId, Path mapping) throws java.io.IOException {
		Path target = FixCommand.target(mapping, null);
		var fix = FixCommand.written(context.store(), runId, java.nio.file.Files.readString(mapping), mapping, target);
		Path rules = dev.dualrun.parity.demo.DemoScenario.rules(mapping);
		var alerts = FixCommand.writtenRules(context.store(), runId,
				Map.of(rules, java.nio.file.Files.readString(rules)));
		return "fix: " + fix.written().size() + " pair(s) fixed in " + target + " (" + String.join("; ", fix.written())
				+ "), " + alerts.written().size() + " alert rule(s) fixed in " + FixCommand.ruleTarget(rules) + " ("
				+ String.join("; ", alerts.written()).replace(", " + FixCommand.ruleTarget(rules), "")
				+ "); the diffs: java -jar target/parity-validator.jar fix --run " + runId + " --rules " + rules;
	}

	/** The pairs whose verdict is the scenario's; a line for each that is not. */
	private static int pairsMatched(Console console, DemoScenario scenario, Map<String, PairResultRow> results) {
		int matched = 0;
		for (DemoScenario.Expectation e : scenario.expectations()) {
			PairResultRow r = results.get(e.pairId());
			boolean ok = r != null && r.verdict().name().equals(e.verdict())
					&& (e.diagnosis() == null || r.diagnoses().contains("\"" + e.diagnosis() + "\""));
			matched += ok ? 1 : 0;
			if (!ok) {
				console.line("demo: pair " + e.pairId() + " expected " + e.verdict()
						+ ((e.diagnosis() != null) ? " " + e.diagnosis() : "") + ", got "
						+ ((r != null) ? r.verdict() + " (" + r.summary() + ")" : "nothing"));
			}
		}
		return matched;
	}

	/** The alert pairs whose verdict is the scenario's; a line for each that is not. */
	private static int alertsMatched(Console console, DemoScenario scenario,
			Map<String, dev.dualrun.parity.store.AlertVerdictRow> alertResults) {
		int matched = 0;
		for (DemoScenario.AlertExpectation e : scenario.alertExpectations()) {
			var r = alertResults.get(e.alertId());
			boolean ok = r != null && r.verdict().equals(e.verdict())
					&& (e.finding() == null || e.finding().equals(r.firstCode()));
			matched += ok ? 1 : 0;
			if (!ok) {
				console.line("demo: alert pair " + e.alertId() + " expected " + e.verdict()
						+ ((e.finding() != null) ? " " + e.finding() : "") + ", got "
						+ ((r != null) ? r.verdict() + " " + r.firstCode() + " (" + r.summary() + ")" : "nothing"));
			}
		}
		return matched;
	}

}
