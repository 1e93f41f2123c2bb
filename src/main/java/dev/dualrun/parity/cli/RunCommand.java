package dev.dualrun.parity.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.dualrun.parity.config.ConfigurationException;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.batch.ParityJobParameters;

/** {@code run}: the parity job over a mapping file and a window. */
@Command(name = "run", mixinStandardHelpOptions = true,
		header = "Compare the pairs of a mapping file over a window; store results; write the report.",
		description = { "Compare every pair of a mapping file (or the pairs named with --metric) over a window,",
				"store the results and write the report. Default window: the last complete 24 hours",
				"ending at least --settle before now, aligned to each pair's period. The alert pairs",
				"(alerts:) are replayed on both sides over the same window and their episodes judged." })
final class RunCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--mapping", required = true, paramLabel = "FILE", description = "The mapping file (YAML)")
	String mapping;

	@Option(names = "--from", paramLabel = "INSTANT",
			description = "Window start, ISO-8601 UTC, e.g. 2026-11-20T00:00:00Z")
	String from;

	@Option(names = "--to", paramLabel = "INSTANT", description = "Window end (exclusive), ISO-8601 UTC")
	String to;

	@Option(names = { "--metric", "--pair" }, paramLabel = "ID", split = ",",
			description = "Only these pair or alert pair ids (repeatable or comma-separated): an ad-hoc rerun")
	List<String> pairs = new ArrayList<>();

	@Option(names = "--dry-run",
			description = "Plan only: state the pairs, the calls to each system, the metrics requested and their price, "
					+ "and the new side's requests and samples, without any data call")
	boolean dryRun;

	@Option(names = "--remote",
			description = "Fetch and judge the pairs on worker processes (the worker command) instead of here: "
					+ "the pairs are split by the old side's quota (${parity.quotas}), then "
					+ "into --partition-size ranges, and sent through "
					+ "--broker; this process plans, waits, then replays the alerts and writes the report. Needs a "
					+ "shared --datasource-url (PostgreSQL)")
	boolean remote;

	@Option(names = "--workers", paramLabel = "N",
			description = "With --remote: the worker processes at work at once; each partition of a region's "
					+ "quota gets 1/min(partitions, N) of its request rate. Default: 2")
	Integer workers;

	@Option(names = "--partition-size", paramLabel = "PAIRS",
			description = "With --remote: pairs of one partition at most. Default: 500")
	Integer partitionSize;

	@Mixin
	RemoteOptions remoteOptions;

	@Mixin
	BackendOptions backends;

	@Mixin
	JudgingOptions judging;

	@Mixin
	StoreOptions store;

	@Mixin
	TextfileOption textfile;

	@Mixin
	ExitZeroOption exit;

	/**
	 * The pairs asked for, read before anything starts: a mapping that cannot be read, an
	 * id it does not hold or a lint error is bad input, not a failed run in the store.
	 * @throws ConfigurationException naming the file or the id
	 */
	private List<dev.dualrun.parity.config.PairMapping> selected() {
		dev.dualrun.parity.config.MappingFile file = dev.dualrun.parity.source.Sources.mappingLoader()
			.load(java.nio.file.Path.of(this.mapping));
		return dev.dualrun.parity.run.RunPlanner.check(file, this.pairs);
	}

	private int dryRun(Console console, List<String> args, Instant fromInstant, Instant toInstant,
			List<dev.dualrun.parity.config.PairMapping> selected) {
		return ParityApplicationContext.withStore(console, this.store, args, (context) -> {
			Instant now = Clock.systemUTC().instant();
			dev.dualrun.parity.source.CostEstimate estimate;
			try {
				estimate = dev.dualrun.parity.source.CostEstimate.of(selected, fromInstant, toInstant, now,
						context.properties());
			}
			catch (IllegalArgumentException ex) {
				return console.error(ExitCodes.CONFIGURATION, ex.getMessage());
			}
			if (estimate.pairs() == 0) {
				console.line("dry run: no metric pair of " + this.mapping
						+ " asked for (alert pairs are read once each); no data call made");
				return ExitCodes.PASS;
			}
			console.line("dry run: " + estimate.pairs() + " pair(s) of " + this.mapping + " over " + estimate.start()
					+ " .. " + estimate.end() + "; no data call made");
			estimate.lines().forEach(console::line);
			return ExitCodes.PASS;
		});
	}

	@Override
	public Integer call() throws Exception {
		Console console = Console.of(this.spec);
		Instant fromInstant;
		Instant toInstant;
		try {
			fromInstant = (this.from != null) ? Instant.parse(this.from) : null;
			toInstant = (this.to != null) ? Instant.parse(this.to) : null;
		}
		catch (DateTimeParseException ex) {
			return console.error(ExitCodes.CONFIGURATION, "--from/--to: '" + ex.getParsedString()
					+ "' is not an ISO-8601 instant such as 2026-11-20T00:00:00Z");
		}
		if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
			return console.error(ExitCodes.CONFIGURATION,
					"--from " + this.from + " is not before --to " + this.to + ": the window would be empty");
		}
		for (String id : this.pairs) {
			if (id.isBlank()) {
				return console.error(ExitCodes.CONFIGURATION,
						"--metric: an empty pair id (give the id of a pair of " + this.mapping + ")");
			}
		}
		if (!this.remote && (this.workers != null || this.partitionSize != null)) {
			return console.error(ExitCodes.CONFIGURATION,
					(this.workers != null ? "--workers" : "--partition-size") + " is for a run with --remote");
		}
		ParityJobParameters local = new ParityJobParameters(this.mapping, fromInstant, toInstant, this.pairs,
				Clock.systemUTC().instant());
		List<String> args = new ArrayList<>(this.backends.args());
		args.addAll(this.judging.args());
		this.remoteOptions.addTo(args);
		if (this.workers != null) {
			args.add("--parity.remote.workers=" + this.workers);
		}
		if (this.partitionSize != null) {
			args.add("--parity.remote.partition-size=" + this.partitionSize);
		}
		List<dev.dualrun.parity.config.PairMapping> selected;
		try {
			selected = selected();
		}
		catch (ConfigurationException ex) {
			return console.error(ExitCodes.CONFIGURATION, ex.getMessage());
		}
		if (this.dryRun) {
			return dryRun(console, args, fromInstant, toInstant, selected);
		}
		this.store.addTo(args);
		this.textfile.addTo(args);
		return this.exit.apply(JobRun.execute(console, args,
				(context) -> this.remote ? context.runRemote(local) : context.run(local)));
	}

}
