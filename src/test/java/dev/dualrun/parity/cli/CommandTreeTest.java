package dev.dualrun.parity.cli;

import java.util.Set;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command line that names one command builds only that command, and the command reads
 * and explains itself exactly as in the whole tree; help, completion and a mistyped name
 * get the whole tree.
 */
class CommandTreeTest {

	@Test
	void aNamedCommandIsBuiltAlone() {
		assertThat(ParityCli.commandLine(new String[] { "runs", "--data-dir", "x" }).getSubcommands())
			.containsOnlyKeys("runs");
		assertThat(ParityCli.commandLine(new String[] { "validate" }).getSubcommands()).containsKeys("lint",
				"validate");
	}

	@Test
	void helpCompletionAndAMistypedNameGetTheWholeTree() {
		Set<String> all = ParityCli.commandLine().getSubcommands().keySet();
		for (String first : new String[] { "help", "completion", "runn", "--help", "--version" }) {
			assertThat(ParityCli.commandLine(new String[] { first }).getSubcommands().keySet()).as(first)
				.isEqualTo(all);
		}
		assertThat(ParityCli.commandLine(new String[0]).getSubcommands().keySet()).isEqualTo(all);
	}

	@Test
	void eachCommandBuiltAloneHasTheHelpAndFlagsOfTheWholeTree() {
		CommandLine whole = ParityCli.commandLine();
		for (String name : whole.getSubcommands().keySet()) {
			CommandLine alone = ParityCli.commandLine(new String[] { name }).getSubcommands().get(name);
			CommandLine inTree = whole.getSubcommands().get(name);
			assertThat(alone.getUsageMessage(CommandLine.Help.Ansi.OFF)).as(name)
				.isEqualTo(inTree.getUsageMessage(CommandLine.Help.Ansi.OFF));
		}
	}

}
