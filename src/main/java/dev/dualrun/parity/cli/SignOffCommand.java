package dev.dualrun.parity.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.config.MappingException;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.MappingLoader;
import dev.dualrun.parity.config.Waiver;
import dev.dualrun.parity.config.WaiverLoader;
import dev.dualrun.parity.report.ReportWriter;
import dev.dualrun.parity.report.SignOffReport;

/** {@code signoff}: can the migration be signed off, and what blocks it? */
@Command(name = "signoff", mixinStandardHelpOptions = true,
		header = "Say whether the migration can be signed off, and what blocks it, pair by pair.",
		description = { "A pair is signed off when it passed in each of the last --runs completed runs of the mapping",
				"file, or when a waiver that has not expired accepts its difference. With an inventory (see",
				"`inventory`), the migration is signed off only when every active metric of the old side is paired",
				"or excluded (exclusions.yml). Writes reports/signoff.html and signoff.json. Exit 0 when the",
				"migration can be signed off, 1 if not." })
final class SignOffCommand implements Callable<Integer> {

	/** Blocking pairs listed on the terminal; the report lists all. */
	private static final int BLOCKING_LINES = 10;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--mapping", required = true, paramLabel = "FILE",
			description = "The mapping file, as named in the runs")
	String mapping;

	@Option(names = "--runs", paramLabel = "K", description = "Consecutive passing runs a pair needs. Default: 7")
	int runs = 7;

	@Option(names = "--waivers", paramLabel = "FILE",
			description = "Accepted differences (pair, reason, owner, expires). Default: waivers.yml next to the mapping")
	String waivers;

	@Mixin
	EstateOptions estate;

	@Mixin
	StoreOptions store;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		MappingFile file;
		List<Waiver> waiverList;
		List<dev.dualrun.parity.config.Exclusion> excluded;
		try {
			excluded = dev.dualrun.parity.estate.Estate.exclusions(this.mapping, this.estate.exclusions);
			file = dev.dualrun.parity.source.Sources.mappingLoader().load(Path.of(this.mapping));
			Path waiverFile = (this.waivers != null) ? Path.of(this.waivers)
					: Path.of(this.mapping).toAbsolutePath().resolveSibling("waivers.yml");
			waiverList = new WaiverLoader().load(waiverFile, file);
		}
		catch (MappingException ex) {
			return console.error(ExitCodes.CONFIGURATION, ex.getMessage());
		}
		if (this.runs < 1) {
			return console.error(ExitCodes.CONFIGURATION, "--runs must be at least 1");
		}
		return StoreOnlySession.withStore(console, this.store, (context) -> {
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			dev.dualrun.parity.estate.Coverage coverage = dev.dualrun.parity.estate.Estate.coverage(context.store(),
					file, excluded, this.estate.inventory, today);
			SignOffReport s = SignOffReport.build(context.store(), file, waiverList, this.runs, today)
				.withCoverage(coverage);
			Path html = new ReportWriter().writeSignOff(s, context.properties().reportsDir());
			List<SignOffReport.PairStatus> blocking = s.pairs()
				.stream()
				.filter((p) -> p.status() == SignOffReport.Status.BLOCKED
						|| p.status() == SignOffReport.Status.WAIVER_EXPIRED)
				.toList();
			console.line((s.signedOff() ? "SIGNED OFF: " : "NOT SIGNED OFF: ") + s.pairs().size() + " pair(s): "
					+ s.count(SignOffReport.Status.SIGNED_OFF) + " passed the last " + this.runs + " runs, "
					+ s.count(SignOffReport.Status.WAIVED) + " waived, " + blocking.size() + " block");
			blocking.stream()
				.limit(BLOCKING_LINES)
				.forEach((p) -> console.line("  " + p.id() + ": " + Console.oneLine(p.reason(), 160)));
			if (blocking.size() > BLOCKING_LINES) {
				console.line("  and " + (blocking.size() - BLOCKING_LINES) + " more: every one is in " + html);
			}
			console.line((coverage == null) ? "estate: no inventory, coverage not checked (run inventory)"
					: "estate: inventory " + coverage.inventoryId() + ", " + coverage.entries().size()
							+ " active metric(s), " + coverage.count(dev.dualrun.parity.estate.Coverage.Status.COVERED)
							+ " covered, " + coverage.count(dev.dualrun.parity.estate.Coverage.Status.EXCLUDED)
							+ " excluded, " + coverage.blocking() + " block"
							+ (coverage.complete() ? "" : " (see coverage)"));
			console.line("report: " + html);
			return s.signedOff() ? ExitCodes.PASS : ExitCodes.NOT_ALL_PASS;
		});
	}

}
