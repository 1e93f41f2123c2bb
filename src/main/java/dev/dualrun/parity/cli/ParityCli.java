package dev.dualrun.parity.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.source.Configurable;
import dev.dualrun.parity.source.SourceProvider;
import dev.dualrun.parity.source.Sources;
import picocli.CommandLine.Command;

/** The {@code parity-validator} command and its subcommands. */
@Command(name = "parity-validator", mixinStandardHelpOptions = true, versionProvider = ParityCli.Version.class,
		description = { "Proves that metrics migrated from ${parity.old-systems} to ${parity.new-systems}",
				"say the same thing in both, that each alarm's rule fires when the alarm did,",
				"and that every active metric of the old system is paired or excluded.", "" },
		footerHeading = "%nExit codes:%n",
		footer = { "  0  every pair and alert pair passed (PASS)",
				"  1  the run completed and a pair or alert pair did not pass",
				"  2  bad usage or configuration (flags, mapping, unknown pair, region, URL)",
				"  3  a backend or runtime failure (every pair errored, database, an output)", "",
				"Logs with stack traces: <data-dir>/logs/parity.log", "(--debug shows them on the console too)." })
public final class ParityCli implements Runnable {

	/** The subcommands, in the order the help lists them. */
	private static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, RunCommand.class, RestartCommand.class,
			ReportCommand.class, RunsCommand.class, RejudgeCommand.class, FixCommand.class, SignOffCommand.class,
			LintCommand.class, PruneCommand.class, InventoryCommand.class, CoverageCommand.class, CensusCommand.class,
			DiscoverCommand.class, SuggestAlertsCommand.class, DashboardCommand.class, WorkerCommand.class,
			CompletionCommand.class, CommandLine.HelpCommand.class);

	/**
	 * Commands that read the whole tree: the help of every command, the completion
	 * script.
	 */
	private static final Set<String> WHOLE_TREE = Set.of("help", "completion");

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/** The version the jar was built as (its manifest's Implementation-Version). */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String built = ParityCli.class.getPackage().getImplementationVersion();
			return new String[] { "parity-validator " + ((built != null) ? built : "(not built as a jar)") };
		}

	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "missing command (try --help)");
	}

	/**
	 * @return the command line: each command that reaches the backends takes every
	 * source's own flags, and the help speaks of the sources there are
	 */
	public static CommandLine commandLine() {
		return commandLine(COMMANDS);
	}

	/**
	 * @param args the arguments
	 * @return the command line with only the command the arguments name, when they name
	 * one that needs no other (picocli reads every command's annotations as it builds it:
	 * about a second of CPU for the whole tree); else the whole tree
	 */
	static CommandLine commandLine(String[] args) {
		if (args.length > 0 && !WHOLE_TREE.contains(args[0])) {
			for (Class<?> command : COMMANDS) {
				Command annotation = command.getAnnotation(Command.class);
				if (annotation.name().equals(args[0]) || List.of(annotation.aliases()).contains(args[0])) {
					return commandLine(List.of(command));
				}
			}
		}
		return commandLine(COMMANDS);
	}

	private static CommandLine commandLine(List<Class<?>> commands) {
		CommandLine cli = new CommandLine(new ParityCli());
		for (Class<?> command : commands) {
			cli.addSubcommand(command);
		}
		for (CommandLine command : cli.getSubcommands().values()) {
			boolean backends = command.getCommandSpec()
				.mixins()
				.values()
				.stream()
				.anyMatch((m) -> m.userObject() instanceof BackendOptions);
			if (backends) {
				for (Configurable source : Sources.withCapability(Configurable.class)) {
					command.addMixin(((SourceProvider) source).type(), source.options());
				}
			}
		}
		cli.setResourceBundle(HelpWords.bundle());
		cli.setCaseInsensitiveEnumValuesAllowed(true);
		// a flag given twice takes its last value, so one of a saved set of flags can be
		// overridden on the command line
		cli.setOverwrittenOptionsAllowed(true);
		// runs lists the store and fix writes a mapping: neither writes a report
		for (String name : List.of("runs", "fix")) {
			CommandLine command = cli.getSubcommands().get(name);
			if (command != null) {
				command.getCommandSpec().remove(command.getCommandSpec().findOption("--reports-dir"));
			}
		}
		for (CommandLine command : cli.getSubcommands().values()) {
			// the version is the tool's, asked of the tool: parity-validator --version
			CommandLine.Model.OptionSpec version = command.getCommandSpec().findOption("--version");
			if (version != null) {
				command.getCommandSpec().remove(version);
			}
		}
		paragraphs(cli);
		// as wide as the terminal (80 when it cannot be told), so that long flags and
		// URLs
		// wrap less
		cli.setUsageHelpAutoWidth(true);
		cli.setHelpFactory(SpaceWrappedHelp.factory());
		return cli;
	}

	/**
	 * The descriptions are written as lines in the source; picocli wraps each line to the
	 * terminal on its own, which leaves ragged text. Consecutive lines become one
	 * paragraph for picocli to wrap; an empty line stays a paragraph break.
	 */
	private static void paragraphs(CommandLine cli) {
		java.util.List<CommandLine> all = new java.util.ArrayList<>(java.util.List.of(cli));
		all.addAll(cli.getSubcommands().values());
		for (CommandLine command : all) {
			String[] lines = command.getCommandSpec().usageMessage().description();
			java.util.List<String> joined = new java.util.ArrayList<>();
			StringBuilder paragraph = new StringBuilder();
			for (String line : lines) {
				if (line.isBlank()) {
					if (paragraph.length() > 0) {
						joined.add(paragraph.toString());
						paragraph.setLength(0);
					}
					joined.add("");
				}
				else {
					paragraph.append((paragraph.length() > 0) ? " " : "").append(line.strip());
				}
			}
			if (paragraph.length() > 0) {
				joined.add(paragraph.toString());
			}
			command.getCommandSpec().usageMessage().description(joined.toArray(String[]::new));
		}
	}

	/**
	 * Runs the CLI on standard output and standard error.
	 * @param args the arguments
	 * @return the exit code
	 */
	public static int execute(String[] args) {
		return execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
	}

	/**
	 * Runs the CLI.
	 * @param args the arguments
	 * @param out standard output
	 * @param err standard error
	 * @return the exit code
	 */
	public static int execute(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine cli = commandLine(args);
		cli.setOut(out);
		cli.setErr(err);
		cli.setParameterExceptionHandler((ex, a) -> {
			CommandLine command = ex.getCommandLine();
			String help = (command.getParent() != null) ? command.getCommandName() + " --help" : "--help";
			err.println("parity-validator: " + UsageError.message(ex, a) + " (see " + help + ")");
			err.flush();
			return ExitCodes.CONFIGURATION;
		});
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> new Console(out, err).error(
				(ex instanceof ConfigurationException) ? ExitCodes.CONFIGURATION : ExitCodes.RUNTIME,
				(ex instanceof ConfigurationException) ? ex.getMessage() : JobRun.rootCause(ex), ex));
		return cli.execute(args);
	}

}
