package dev.dualrun.parity.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error in one line: a mistyped command or option first (with what was likely
 * meant), since it also explains an option reported missing.
 */
final class UsageError {

	private UsageError() {
	}

	/**
	 * @param ex what picocli found
	 * @param args the arguments as given
	 * @return the line to print
	 */
	static String message(ParameterException ex, String[] args) {
		CommandLine command = ex.getCommandLine();
		UnmatchedArgumentException unmatched = (ex instanceof UnmatchedArgumentException u) ? u
				: unknownOption(command, args);
		if (unmatched == null || unmatched.getUnmatched().isEmpty()) {
			return invalidValue(Console.oneLine(ex.getMessage()));
		}
		String what = unmatched.getUnmatched().get(0);
		String kind = what.startsWith("-") ? "unknown option"
				: command.getSubcommands().isEmpty() ? "unexpected argument" : "unknown command";
		List<String> likely = likely(command, what);
		return kind + " '" + Console.oneLine(what) + "'" + (likely.isEmpty() ? ""
				: " (did you mean: " + String.join(", ", likely.subList(0, Math.min(3, likely.size()))) + "?)");
	}

	/**
	 * The commands or options near what was typed (picocli's own suggestions miss short
	 * names: {@code rn} for {@code run}).
	 */
	private static List<String> likely(CommandLine command, String typed) {
		if (typed.startsWith("-")) {
			List<String> options = command.getCommandSpec()
				.options()
				.stream()
				.filter((o) -> !o.hidden())
				.flatMap((o) -> java.util.Arrays.stream(o.names()))
				.filter((n) -> n.startsWith("--"))
				.toList();
			String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
			return dev.dualrun.parity.config.Suggestions.near(name, options);
		}
		return dev.dualrun.parity.config.Suggestions.near(typed, command.getSubcommands().keySet());
	}

	private static final java.util.regex.Pattern INVALID = java.util.regex.Pattern
		.compile("Invalid value for option '([^']+)': (?:'(.*)' is not an? (int|long|double|float)"
				+ "|expected one of \\[(.*)\\] \\(case-(?:in)?sensitive\\) but was '(.*)')");

	/**
	 * picocli's "Invalid value for option" in the tool's words: the flag, the value, what
	 * to give instead.
	 */
	static String invalidValue(String message) {
		java.util.regex.Matcher m = INVALID.matcher(message);
		if (!m.matches()) {
			return message;
		}
		if (m.group(3) != null) {
			String kind = (m.group(3).equals("int") || m.group(3).equals("long")) ? "a whole number" : "a number";
			return m.group(1) + " '" + m.group(2) + "': give " + kind;
		}
		return m.group(1) + " '" + m.group(5) + "': give one of " + m.group(4).toLowerCase(java.util.Locale.ROOT);
	}

	/** The first argument that looks like an option the command does not have. */
	private static UnmatchedArgumentException unknownOption(CommandLine command, String[] args) {
		for (String arg : args) {
			if (arg.startsWith("-") && arg.length() > 1 && !arg.equals("--")) {
				String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
				if (command.getCommandSpec().findOption(name) == null && !isNumber(name)) {
					return new UnmatchedArgumentException(command, List.of(name));
				}
			}
		}
		return null;
	}

	private static boolean isNumber(String text) {
		return text.matches("-[0-9.]+");
	}

}
