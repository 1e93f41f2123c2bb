package dev.dualrun.parity.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;

import dev.dualrun.parity.config.MappingException;
import dev.dualrun.parity.config.LintFinding;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.MappingLoader;

/**
 * {@code lint} (alias {@code validate}): check a mapping file and lint its pairs, calling
 * no backend.
 */
@Command(name = "lint", aliases = "validate", mixinStandardHelpOptions = true,
		header = "Check a mapping file and lint each pair's query against its statistic, calling no backend.",
		description = {
				"Check a mapping file (YAML, fields, statistics, periods, units) and lint each pair's new-side query",
				"against its old side's statistic, unit and dimensions (the linter's rules: see the mapping file's chapter).",
				"ERRORs exit 2; WARNINGs are printed and exit 0." })
final class LintCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--mapping", required = true, paramLabel = "FILE", description = "The mapping file (YAML)")
	String mapping;

	@Override
	public Integer call() {
		Console console = Console.of(this.spec);
		try {
			MappingFile file = dev.dualrun.parity.source.Sources.mappingLoader().load(Path.of(this.mapping));
			List<LintFinding> findings = dev.dualrun.parity.source.MappingLint.lint(file);
			findings.forEach((f) -> console.line(f.format(this.mapping)));
			long errors = findings.stream().filter((f) -> f.severity() == LintFinding.Severity.ERROR).count();
			console.line(this.mapping + ": " + file.pairs().size() + " pair(s), " + errors + " error(s), "
					+ (findings.size() - errors) + " warning(s)");
			return (errors > 0) ? ExitCodes.CONFIGURATION : ExitCodes.PASS;
		}
		catch (MappingException ex) {
			return console.error(ExitCodes.CONFIGURATION, ex.getMessage());
		}
	}

}
