package dev.dualrun.parity.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.config.Exclusion;
import dev.dualrun.parity.config.ExclusionLoader;
import dev.dualrun.parity.config.MappingException;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.estate.FamilyCensus;
import dev.dualrun.parity.source.Censused;
import dev.dualrun.parity.source.SourceProvider;
import dev.dualrun.parity.source.Sources;

/**
 * {@code census}: the old side's metric families against the new side's, series by
 * series.
 */
@Command(name = "census", mixinStandardHelpOptions = true,
		header = "Count the series of every metric family of the old side and of the new side; say what the new side lacks.",
		description = {
				"For an old side that can count what it holds (an edge of a central platform): every metric family by job",
				"with its series on both sides, the new side counting only the series that carry the old side's",
				"identifying labels (an edge's external labels). A family the new side lacks or holds fewer series",
				"of blocks, unless --exclusions names it (namespace: the job, metric: the family). Exit 0 when",
				"nothing blocks, 1 if something does, 2 for bad input, 3 when a side could not be read." })
final class CensusCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--exclusions", paramLabel = "FILE",
			description = "Families left out on purpose (namespace: the job, metric: the family, reason, owner, "
					+ "expires). Default: none")
	String exclusions;

	@Option(names = "--at", paramLabel = "INSTANT",
			description = "When to count, ISO-8601 UTC, e.g. 2026-12-07T06:00:00Z. Default: now")
	String at;

	@Option(names = "--all", description = "List every family, not only those that block or are excluded")
	boolean all;

	@Option(names = "--write", paramLabel = "FILE",
			description = "Also write a mapping file to review that pairs every family with its copy on the new side "
					+ "(the same query on both sides)")
	String write;

	@Mixin
	BackendOptions backends;

	@Mixin
	StoreOptions store;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		Instant when;
		List<Exclusion> excluded;
		try {
			when = (this.at != null) ? Instant.parse(this.at.strip()) : Instant.now();
			excluded = (this.exclusions != null) ? new ExclusionLoader().load(Path.of(this.exclusions)) : List.of();
		}
		catch (DateTimeParseException ex) {
			return console.error(ExitCodes.CONFIGURATION,
					"--at '" + Console.oneLine(this.at) + "' is not an instant such as 2026-12-07T06:00:00Z");
		}
		catch (MappingException ex) {
			return console.error(ExitCodes.CONFIGURATION, ex.getMessage());
		}
		List<String> args = new ArrayList<>(this.backends.args());
		return ParityApplicationContext.withStore(console, this.store, args, (context) -> {
			Censused old = Sources.one(Censused.class, Side.OLD, "count the series they hold");
			Censused neu = Sources.one(Censused.class, Side.NEW, "count the series they hold");
			Censused.Census oldCensus = old.census(context.properties(), null, java.util.Map.of(), when);
			if (oldCensus.series().isEmpty()) {
				// nothing counted is no proof of a complete store
				return console.error(ExitCodes.RUNTIME,
						((SourceProvider) old).displayName() + " at " + oldCensus.location() + " holds no series at "
								+ when + ": nothing to compare (is it scraping? is --at within its retention?)");
			}
			List<String> families = oldCensus.series().keySet().stream().map(Censused.Family::name).distinct().toList();
			Censused.Census newCensus = neu.census(context.properties(), families, oldCensus.identity(), when);
			FamilyCensus census = FamilyCensus.of(oldCensus, newCensus, excluded, LocalDate.now(ZoneOffset.UTC));
			census.table(this.all).forEach(console::line);
			if (this.write != null) {
				Path out = Path.of(this.write);
				try {
					java.nio.file.Files.writeString(out, census.draftMapping(old::draftPair));
				}
				catch (java.io.IOException ex) {
					return console.error(ExitCodes.RUNTIME, "cannot write " + out + ": " + ex.getMessage());
				}
				console.line("mapping: " + out + " (a pair for every family; review it, then `lint` and `run` it)");
			}
			console.line(census.summary() + " (" + oldCensus.calls() + " and " + newCensus.calls() + " call(s))");
			return census.complete() ? ExitCodes.PASS : ExitCodes.NOT_ALL_PASS;
		});
	}

}
