package dev.dualrun.parity.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.config.MappingException;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.MappingLoader;
import dev.dualrun.parity.discover.Discovery;
import dev.dualrun.parity.estate.Coverage;
import dev.dualrun.parity.estate.Estate;
import dev.dualrun.parity.source.Catalog;
import dev.dualrun.parity.source.InventoryItem;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.discover.SourceSeriesCheck;
import dev.dualrun.parity.source.Catalogued;
import dev.dualrun.parity.source.Discovering;
import dev.dualrun.parity.source.SourceProvider;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.InventoryRow;

/**
 * {@code discover}: a mapping to review, generated from the inventory and the new side's
 * series.
 */
@Command(name = "discover", mixinStandardHelpOptions = true,
		header = "Write a mapping to review: for each listed metric of the old side, the query that should reproduce it.",
		description = {
				"Reads the latest inventory (run `inventory` first) and the series of the new side (${parity.new-systems}).",
				"Metrics an exporter copied into the new side are paired exactly, aligned as the exporter",
				"stamps its samples; the application's own metrics get the best candidate by names, kind and labels,",
				"each pair saying why and how sure. Pairs below --threshold are written commented out. With",
				"--mapping, metrics it already covers are left out. Exit 0 when written." })
final class DiscoverCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the mapping")
	String out;

	@Option(names = "--mapping", paramLabel = "FILE",
			description = "An existing mapping: the metrics it covers (or its exclusions.yml excludes) are left out")
	String mapping;

	@Option(names = "--inventory", paramLabel = "N", description = "The inventory to pair. Default: the latest")
	Long inventory;

	@Option(names = "--namespace", paramLabel = "NS", split = ",", description = "Only these namespaces")
	List<String> namespaces = new ArrayList<>();

	@Option(names = "--threshold", paramLabel = "0..1", converter = ConfidenceConverter.class,
			description = "Confidence a pair needs to be written active. Default: 0.6")
	double threshold = 0.6;

	@Option(names = "--compare-hours", paramLabel = "H",
			description = "Hours of both series compared for each own metric's best candidates. Default: 6")
	int compareHours = 6;

	@Mixin
	BackendOptions backends;

	@Mixin
	StoreOptions store;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		MappingFile existing = null;
		try {
			if (this.mapping != null) {
				existing = dev.dualrun.parity.source.Sources.mappingLoader().load(Path.of(this.mapping));
			}
		}
		catch (MappingException ex) {
			return console.error(ExitCodes.CONFIGURATION, ex.getMessage());
		}
		MappingFile covered = existing;
		return ParityApplicationContext.withStore(console, this.store, this.backends.args(), (context) -> {
			InventoryRow row = Estate.inventory(context.store(), this.inventory);
			if (row == null) {
				return console.error(ExitCodes.CONFIGURATION,
						"no inventory in the store: run `inventory` first to list the old side's metrics");
			}
			List<InventoryItem> items = items(context, row, covered);
			java.time.Instant now = Clock.systemUTC().instant();
			SourceProvider old = Sources.oneProvider(Discovering.class, Side.OLD, "have its metrics discovered");
			SourceProvider neu = Sources.oneProvider(Catalogued.class, Side.NEW, "list its series");
			Discovery.Sides sides = new Discovery.Sides(((Discovering) old).discovery(), old.displayName(),
					((Catalogued) neu).writer(), neu.displayName());
			try (Catalog catalog = ((Catalogued) neu).catalog(context.properties());
					SourceSeriesCheck check = new SourceSeriesCheck(context.properties(), sides, old.type(), neu.type(),
							now, this.compareHours)) {
				Discovery discovery = new Discovery(catalog, sides, now, this.threshold, check);
				List<Discovery.Proposal> proposals = discovery.propose(items);
				Path file = Path.of(this.out);
				if (file.toAbsolutePath().getParent() != null) {
					Files.createDirectories(file.toAbsolutePath().getParent());
				}
				Files.writeString(file,
						discovery.mapping(proposals, "inventory " + row.id() + " of " + row.oldSystem()),
						StandardCharsets.UTF_8);
				console.line(summary(proposals, row, file));
				return ExitCodes.PASS;
			}
			catch (IOException ex) {
				return console.error(ExitCodes.RUNTIME, "cannot write " + this.out + ": " + ex.getMessage());
			}
		});
	}

	/**
	 * The inventory's metrics to pair: of the namespaces asked for, and with a mapping
	 * given, only those it neither covers nor excludes.
	 */
	private List<InventoryItem> items(ParityApplicationContext context, InventoryRow row, MappingFile covered) {
		List<InventoryItem> items = new ArrayList<>(context.store().inventoryItems(row.id()));
		if (!this.namespaces.isEmpty()) {
			items.removeIf((i) -> !this.namespaces.contains(i.namespace()));
		}
		if (covered != null) {
			Coverage c = Coverage.of(row.id(), row.takenAt(), row.oldSystem(), items, covered.pairs(),
					Estate.exclusions(this.mapping, null), LocalDate.now(ZoneOffset.UTC));
			items = c.entries()
				.stream()
				.filter((e) -> e.status() == Coverage.Status.UNCOVERED
						|| e.status() == Coverage.Status.EXCLUSION_EXPIRED)
				.map(Coverage.Entry::metric)
				.toList();
		}
		return items;
	}

	/** The line that says how many metrics were paired, and how. */
	private String summary(List<Discovery.Proposal> proposals, InventoryRow row, Path file) {
		long exact = proposals.stream().filter((p) -> p.exactFrom() != null && p.confident(this.threshold)).count();
		long ranked = proposals.stream().filter((p) -> p.exactFrom() == null && p.confident(this.threshold)).count();
		long none = proposals.stream().filter((p) -> p.query() == null).count();
		return "discover: " + proposals.size() + " metric(s) of inventory " + row.id() + ": " + exact
				+ " paired exactly through an exporter, " + ranked + " own metric(s) paired at or above "
				+ this.threshold + ", " + (proposals.size() - exact - ranked - none) + " below it (commented out), "
				+ none + " without a candidate; mapping to review: " + file + ((exact + ranked == 0)
						? " (no pair is active yet: uncomment those that are right, then lint it)" : "");
	}

}
