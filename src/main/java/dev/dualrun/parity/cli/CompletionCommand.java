package dev.dualrun.parity.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code completion}: the shell completion script of every command and flag, written by
 * picocli's {@link AutoComplete} from the command line itself (so it lists each source's
 * flags too).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
		header = "Print the completion script of the commands and flags for bash and zsh.",
		description = { "For bash: parity-validator completion > /etc/bash_completion.d/parity-validator",
				"(or source <(parity-validator completion) in ~/.bashrc).",
				"For zsh: autoload -U +X bashcompinit && bashcompinit, then source the same script.",
				"The script completes the command name parity-validator: call the jar through a wrapper of that",
				"name (e.g. a shell script running java -jar /opt/parity/parity-validator.jar \"$@\")." })
final class CompletionCommand implements Callable<Integer> {

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		this.spec.commandLine().getOut().print(AutoComplete.bash("parity-validator", this.spec.root().commandLine()));
		this.spec.commandLine().getOut().flush();
		return ExitCodes.PASS;
	}

}
