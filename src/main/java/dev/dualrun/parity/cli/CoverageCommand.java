package dev.dualrun.parity.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.config.Exclusion;
import dev.dualrun.parity.config.MappingException;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.MappingLoader;
import dev.dualrun.parity.estate.Coverage;
import dev.dualrun.parity.estate.Estate;

/** {@code coverage}: which of the estate's metrics the mapping covers. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
		header = "Say which of the old side's listed metrics a pair covers, which are excluded, which neither.",
		description = { "Compares the mapping with the latest inventory (or --inventory N): a metric is covered when a",
				"pair reads its namespace, name and exact dimensions, excluded when an exclusion that has not",
				"expired names it. Prints a table per namespace and writes the metrics that block to --list (an",
				"exclusions skeleton: pair them or add reason, owner and expires). Exit 0 when every listed metric",
				"is covered or excluded, 1 if not, 2 when there is no inventory or a file is malformed." })
final class CoverageCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--mapping", required = true, paramLabel = "FILE", description = "The mapping file")
	String mapping;

	@Mixin
	EstateOptions estate;

	@Option(names = "--list", paramLabel = "FILE",
			description = "Where to write the blocking metrics. Default: coverage-blocking.yml in the reports directory")
	String list;

	@Mixin
	StoreOptions store;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		MappingFile file;
		List<Exclusion> excluded;
		try {
			file = dev.dualrun.parity.source.Sources.mappingLoader().load(Path.of(this.mapping));
			excluded = Estate.exclusions(this.mapping, this.estate.exclusions);
		}
		catch (MappingException ex) {
			return console.error(ExitCodes.CONFIGURATION, ex.getMessage());
		}
		return StoreOnlySession.withStore(console, this.store, (context) -> {
			Coverage c = Estate.coverage(context.store(), file, excluded, this.estate.inventory,
					LocalDate.now(ZoneOffset.UTC));
			if (c == null) {
				return console.error(ExitCodes.CONFIGURATION,
						"no inventory in the store: run `inventory` first to list the old side's metrics");
			}
			c.table().forEach(console::line);
			Path out = (this.list != null) ? Path.of(this.list)
					: context.properties().reportsDir().resolve("coverage-blocking.yml");
			try {
				if (out.toAbsolutePath().getParent() != null) {
					Files.createDirectories(out.toAbsolutePath().getParent());
				}
				Files.writeString(out, c.blockingList(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return console.error(ExitCodes.RUNTIME, "cannot write " + out + ": " + ex.getMessage());
			}
			long blocking = c.blocking();
			console.line((c.complete() ? "COVERED: " : "NOT COVERED: ") + c.entries().size()
					+ " metric(s) of inventory " + c.inventoryId() + " (" + c.takenAt() + "): "
					+ c.count(Coverage.Status.COVERED) + " covered, " + c.count(Coverage.Status.EXCLUDED)
					+ " excluded, " + blocking + " blocking; list: " + out + (c.unlisted().isEmpty() ? ""
							: "; " + c.unlisted().size() + " pair(s) read metrics the inventory does not list"));
			return c.complete() ? ExitCodes.PASS : ExitCodes.NOT_ALL_PASS;
		});
	}

}
