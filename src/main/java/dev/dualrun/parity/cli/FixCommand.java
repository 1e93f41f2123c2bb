package dev.dualrun.parity.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.config.MappingLoader;
import dev.dualrun.parity.fix.AlertFix;
import dev.dualrun.parity.fix.FixPlanner;
import dev.dualrun.parity.fix.WrittenFix;
import dev.dualrun.parity.fix.WrittenRules;
import dev.dualrun.parity.report.AtomicFile;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunRow;

/**
 * {@code fix}: write the fixes a run's diagnoses imply into a copy of its mapping file.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
		header = "Write the mapping and rule fixes a run's findings imply, beside the files.",
		description = { "For each failing pair whose first diagnosis implies a change of the mapping (a unit factor,",
				"increase() for rate() where a count per period is meant, an offset of one period), writes the",
				"change at the pair in a copy of the run's mapping file, every other line as written. For each",
				"failing alert pair whose first finding implies a change of its rule (a 'for' too long or too",
				"short, a threshold off by a unit factor, an inverted operator), writes it in a copy of the rule",
				"file given with --rules. Prints the diffs and how to prove the fixes. Calls no backend." })
final class FixCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--run", required = true, paramLabel = "ID", description = "The run whose failing pairs to fix")
	long runId;

	@Option(names = "--mapping", paramLabel = "FILE",
			description = "The mapping file to fix. Default: the file the run read")
	Path mapping;

	@Option(names = "--out", paramLabel = "FILE",
			description = "Where the fixed mapping goes. Default: beside it, <name>.fixed.yml")
	Path out;

	@Option(names = "--rules", paramLabel = "FILE",
			description = "A rule file of the new side to fix the alert pairs' rules in (repeat for more); "
					+ "each fixed copy goes beside it, <name>.fixed")
	List<Path> rules = new ArrayList<>();

	@Mixin
	StoreOptions store;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		return StoreOnlySession.withStore(console, this.store, (context) -> {
			RunRow run = context.store().run(this.runId).orElse(null);
			if (run == null) {
				return console.error(ExitCodes.CONFIGURATION, "no run " + this.runId + " in the database");
			}
			Path source = (this.mapping != null) ? this.mapping : Path.of(run.mappingSource());
			Map<Path, String> ruleTexts = new LinkedHashMap<>();
			String text;
			try {
				text = mappingText(run, source);
				for (Path r : this.rules) {
					ruleTexts.put(r, readRules(r));
				}
			}
			catch (Refused ex) {
				return console.error(ExitCodes.CONFIGURATION, ex.getMessage());
			}
			return write(console, context.store(), text, source, ruleTexts);
		});
	}

	/** Both fixes planned first, so that a file refused leaves nothing written. */
	private int write(Console console, ParityStore store, String text, Path source, Map<Path, String> ruleTexts) {
		Path target = target(source, this.out);
		WrittenFix pairs;
		WrittenRules alerts;
		try {
			pairs = WrittenFix.of(FixPlanner.plan(store, this.runId), text, source.toString(), target.toString());
		}
		catch (IllegalArgumentException ex) {
			return console.error(ExitCodes.CONFIGURATION, source + ": " + ex.getMessage());
		}
		try {
			alerts = WrittenRules.of(AlertFix.plan(store, this.runId), ruleTexts, FixCommand::ruleTarget);
		}
		catch (IllegalArgumentException ex) {
			return console.error(ExitCodes.CONFIGURATION, ex.getMessage());
		}
		try {
			save(pairs, target);
			save(alerts);
		}
		catch (Unwritable ex) {
			return console.error(ExitCodes.RUNTIME, ex.getMessage());
		}
		return report(console, pairs, alerts, source, target);
	}

	/** The mapping file's text, if it is the one the run read. */
	private String mappingText(RunRow run, Path source) throws Refused {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(source);
		}
		catch (IOException ex) {
			throw new Refused("cannot read the mapping file " + source + " of run " + this.runId + " ("
					+ ex.getClass().getSimpleName() + ")" + ((this.mapping == null) ? "; give --mapping" : ""));
		}
		if (run.mappingSha256() != null && !run.mappingSha256().equals(MappingLoader.sha256(bytes))) {
			throw new Refused("the mapping file " + source + " is not the one run " + this.runId
					+ " read (its SHA-256 differs): fix changes the file a run judged; run the pairs "
					+ "again and fix that run");
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static String readRules(Path file) throws Refused {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new Refused("cannot read the rule file " + file + " (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/** A file the command cannot use, in one line. */
	private static final class Refused extends Exception {

		Refused(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * Plans a run's fixes and writes them, when there are any, into the target file.
	 * @param store the store
	 * @param runId the run
	 * @param text the mapping file's text
	 * @param source the mapping file
	 * @param target where the fixed mapping goes
	 * @return the fixes written
	 * @throws IOException if the target cannot be written
	 */
	static WrittenFix written(ParityStore store, long runId, String text, Path source, Path target) throws IOException {
		WrittenFix fix = WrittenFix.of(FixPlanner.plan(store, runId), text, source.toString(), target.toString());
		save(fix, target);
		return fix;
	}

	/**
	 * Plans a run's alert fixes and writes each rule file they change beside it.
	 * @param store the store
	 * @param runId the run
	 * @param ruleTexts the rule files given, with their texts
	 * @return the fixes written
	 * @throws IOException if a fixed rule file cannot be written
	 */
	static WrittenRules writtenRules(ParityStore store, long runId, Map<Path, String> ruleTexts) throws IOException {
		WrittenRules fix = WrittenRules.of(AlertFix.plan(store, runId), ruleTexts, FixCommand::ruleTarget);
		save(fix);
		return fix;
	}

	/** The fixed mapping, when a pair was fixed. */
	private static void save(WrittenFix fix, Path target) throws Unwritable {
		if (!fix.written().isEmpty()) {
			save(target, fix.text());
		}
	}

	/** Each rule file changed, beside it. */
	private static void save(WrittenRules fix) throws Unwritable {
		for (Map.Entry<Path, String> changed : fix.texts().entrySet()) {
			save(ruleTarget(changed.getKey()), changed.getValue());
		}
	}

	private static void save(Path target, String text) throws Unwritable {
		try {
			AtomicFile.write(target, text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new Unwritable(target, ex);
		}
	}

	/** A fixed file that cannot be written, named. */
	private static final class Unwritable extends IOException {

		Unwritable(Path target, IOException cause) {
			super("cannot write " + target + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")",
					cause);
		}

	}

	/**
	 * @param rules a rule file
	 * @return where its fixed copy goes: beside it, {@code <name>.fixed}, a name
	 * Prometheus' usual {@code rule_files} globs ({@code *.yml}, {@code *.rules}) do not
	 * load twice
	 */
	static Path ruleTarget(Path rules) {
		return rules.resolveSibling(rules.getFileName() + ".fixed");
	}

	private int report(Console console, WrittenFix fix, WrittenRules alerts, Path source, Path target) {
		List<String> unfixed = new ArrayList<>(fix.unfixed());
		unfixed.addAll(alerts.unfixed());
		if (fix.written().isEmpty() && alerts.written().isEmpty()) {
			console.line("fix: run " + this.runId + ": no failing pair with a fix the mapping or a rule file can hold"
					+ (unfixed.isEmpty() ? "" : "; not fixed: " + String.join(", ", unfixed)));
			return ExitCodes.PASS;
		}
		if (!fix.written().isEmpty()) {
			console.line(fix.diff());
			console.line("fix: run " + this.runId + ": " + fix.written().size() + " pair(s) fixed in " + target + ":");
			fix.written().forEach((w) -> console.line("  " + w));
		}
		if (!alerts.written().isEmpty()) {
			console.line(alerts.diff());
			console.line("fix: run " + this.runId + ": " + alerts.written().size() + " alert rule(s) fixed:");
			alerts.written().forEach((w) -> console.line("  " + w));
		}
		if (!unfixed.isEmpty()) {
			console.line("not fixed: " + String.join(", ", unfixed));
		}
		if (!fix.written().isEmpty()) {
			console.line("prove it: java -jar target/parity-validator.jar run --mapping " + target + " --pair "
					+ String.join(",", fix.pairIds()));
		}
		if (!alerts.written().isEmpty()) {
			console.line("prove the rules: check them (promtool check rules "
					+ String.join(" ", alerts.texts().keySet().stream().map((p) -> ruleTarget(p).toString()).toList())
					+ "), load them in place of the originals, then: java -jar target/parity-validator.jar run "
					+ "--mapping " + source + " --pair " + String.join(",", alerts.alertIds())
					+ " (each rule is replayed over the window; REPLAY_DIFFERS says where it had not run yet)");
		}
		return ExitCodes.PASS;
	}

	/**
	 * @param source the mapping file
	 * @param out the file asked for, or null
	 * @return where the fixed mapping goes: beside the file, {@code <name>.fixed.yml}
	 */
	static Path target(Path source, Path out) {
		if (out != null) {
			return out;
		}
		String name = source.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return source.resolveSibling(((dot > 0) ? name.substring(0, dot) : name) + ".fixed.yml");
	}

}
