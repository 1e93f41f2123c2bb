package dev.dualrun.parity.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.config.MappingLoader;
import dev.dualrun.parity.fix.FixPlanner;
import dev.dualrun.parity.fix.WrittenFix;
import dev.dualrun.parity.report.AtomicFile;
import dev.dualrun.parity.store.RunRow;

/**
 * {@code fix}: write the fixes a run's diagnoses imply into a copy of its mapping file.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
		header = "Write the mapping fixes a run's diagnoses imply, beside the mapping file.",
		description = { "For each failing pair whose first diagnosis implies a change of the mapping (a unit factor,",
				"increase() for rate() where a count per period is meant, an offset of one period), writes the",
				"change at the pair in a copy of the run's mapping file, every other line as written, and prints",
				"the diff and the command that runs the fixed pairs again: their verdicts prove the fix.",
				"Calls no backend." })
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
			byte[] bytes;
			try {
				bytes = Files.readAllBytes(source);
			}
			catch (IOException ex) {
				return console.error(ExitCodes.CONFIGURATION,
						"cannot read the mapping file " + source + " of run " + this.runId + " ("
								+ ex.getClass().getSimpleName() + ")"
								+ ((this.mapping == null) ? "; give --mapping" : ""));
			}
			if (run.mappingSha256() != null && !run.mappingSha256().equals(MappingLoader.sha256(bytes))) {
				return console.error(ExitCodes.CONFIGURATION,
						"the mapping file " + source + " is not the one run " + this.runId
								+ " read (its SHA-256 differs): fix changes the file a run judged; run the pairs "
								+ "again and fix that run");
			}
			Path target = target(source, this.out);
			try {
				return report(console,
						written(context.store(), this.runId, new String(bytes, StandardCharsets.UTF_8), source, target),
						target);
			}
			catch (IllegalArgumentException ex) {
				return console.error(ExitCodes.CONFIGURATION, source + ": " + ex.getMessage());
			}
			catch (IOException ex) {
				return console.error(ExitCodes.RUNTIME,
						"cannot write " + target + " (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")");
			}
		});
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
	static WrittenFix written(dev.dualrun.parity.store.ParityStore store, long runId, String text, Path source,
			Path target) throws IOException {
		WrittenFix fix = WrittenFix.of(FixPlanner.plan(store, runId), text, source.toString(), target.toString());
		if (!fix.written().isEmpty()) {
			AtomicFile.write(target, fix.text().getBytes(StandardCharsets.UTF_8));
		}
		return fix;
	}

	private int report(Console console, WrittenFix fix, Path target) {
		if (fix.written().isEmpty()) {
			console.line("fix: run " + this.runId + ": no failing pair with a fix the mapping can hold"
					+ (fix.unfixed().isEmpty() ? "" : "; not fixed: " + String.join(", ", fix.unfixed())));
			return ExitCodes.PASS;
		}
		console.line(fix.diff());
		console.line("fix: run " + this.runId + ": " + fix.written().size() + " pair(s) fixed in " + target + ":");
		fix.written().forEach((w) -> console.line("  " + w));
		if (!fix.unfixed().isEmpty()) {
			console.line("not fixed (no change of the mapping explains them): " + String.join(", ", fix.unfixed()));
		}
		console.line("prove it: java -jar target/parity-validator.jar run --mapping " + target + " --pair "
				+ String.join(",", fix.pairIds()));
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
