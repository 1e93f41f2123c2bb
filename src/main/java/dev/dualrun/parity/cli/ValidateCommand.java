package dev.dualrun.parity.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.dualrun.parity.config.MappingException;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.MappingLoader;

/** {@code validate}: check a mapping file without calling any backend. */
@Command(name = "validate", mixinStandardHelpOptions = true,
		header = "Check a mapping file without calling any backend.",
		description = "Check a mapping file (syntax, fields, statistics, periods, units) without calling any backend.")
final class ValidateCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Option(names = "--mapping", required = true, paramLabel = "FILE", description = "The mapping file (YAML)")
	String mapping;

	@Override
	public Integer call() {
		Console console = new Console(this.spec.commandLine().getOut(), this.spec.commandLine().getErr());
		try {
			MappingFile file = new MappingLoader().load(Path.of(this.mapping));
			console.line(this.mapping + ": " + file.pairs().size() + " pair(s) valid");
			return ExitCodes.PASS;
		}
		catch (MappingException ex) {
			return console.error(ExitCodes.CONFIGURATION, ex.getMessage());
		}
	}

}
