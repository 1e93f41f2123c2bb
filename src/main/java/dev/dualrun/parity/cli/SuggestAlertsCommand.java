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

import dev.dualrun.parity.config.MappingException;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.MappingLoader;
import dev.dualrun.parity.discover.AlertSuggestions;
import dev.dualrun.parity.source.AlertSource;
import dev.dualrun.parity.source.AlertSummary;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.source.AlertReplay;
import dev.dualrun.parity.source.SourceProvider;
import dev.dualrun.parity.source.Sources;

/**
 * {@code suggest-alerts}: alert pairs to review for the alarms a mapping does not pair
 * yet.
 */
@Command(name = "suggest-alerts", mixinStandardHelpOptions = true,
		header = "Write alert pairs to review: for each alarm of the old side not yet paired, the rule that replaces it.",
		description = { "Lists the old side's alerts (${parity.alerts.old}) and the new side's (${parity.alerts.new}).",
				"Each alarm the mapping does not pair gets the rule that reads the series its",
				"metric is paired with by the mapping's metric pairs, carries its dimension values, and shares",
				"the words of its name; each pair says why and how sure. Pairs below --threshold are written",
				"commented out. Exit 0 when written." })
final class SuggestAlertsCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--mapping", required = true, paramLabel = "FILE",
			description = "The mapping: its metric pairs link alarms to series; its alert pairs are left out")
	String mapping;

	@Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the alert pairs")
	String out;

	@Option(names = "--threshold", paramLabel = "0..1", converter = ConfidenceConverter.class,
			description = "Confidence a pair needs to be written active. Default: 0.5")
	double threshold = 0.5;

	@Mixin
	BackendOptions backends;

	@Mixin
	StoreOptions store;

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
		return ParityApplicationContext.withStore(console, this.store, this.backends.args(), (context) -> {
			List<AlertSummary> alarms;
			List<AlertSummary> rules;
			SourceProvider oldSide = Sources.oneProvider(AlertReplay.class, Side.OLD, "read its alerts");
			SourceProvider newSide = Sources.oneProvider(AlertReplay.class, Side.NEW, "read its alerts");
			try (AlertSource old = Sources.alerts(oldSide.type(), context.properties());
					AlertSource neu = Sources.alerts(newSide.type(), context.properties())) {
				alarms = old.list();
				rules = neu.list();
			}
			catch (SourceException ex) {
				return console.error(ExitCodes.RUNTIME, ex.getMessage());
			}
			List<AlertSuggestions.Suggestion> suggestions = AlertSuggestions.suggest(alarms, rules, file,
					Sources.one(dev.dualrun.parity.source.Catalogued.class, Side.NEW, "write its queries").writer());
			try {
				Path target = Path.of(this.out);
				if (target.toAbsolutePath().getParent() != null) {
					Files.createDirectories(target.toAbsolutePath().getParent());
				}
				Files.writeString(target,
						AlertSuggestions.yaml(suggestions, this.threshold, LocalDate.now(ZoneOffset.UTC),
								alarms.size() + " " + oldSide.displayName() + " alert(s) and " + rules.size() + " "
										+ newSide.displayName() + " alert(s)",
								oldSide.reader(), newSide.reader()),
						StandardCharsets.UTF_8);
				long active = suggestions.stream()
					.filter((s) -> s.rule() != null && s.confidence() >= this.threshold)
					.count();
				console.line("suggest-alerts: " + suggestions.size() + " alarm(s) not yet paired (of " + alarms.size()
						+ "): " + active + " paired at or above " + this.threshold + ", "
						+ (suggestions.size() - active) + " commented out; alert pairs to review: " + target);
				return ExitCodes.PASS;
			}
			catch (IOException ex) {
				return console.error(ExitCodes.RUNTIME, "cannot write " + this.out + ": " + ex.getMessage());
			}
		});
	}

}
