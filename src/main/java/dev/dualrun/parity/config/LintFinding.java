package dev.dualrun.parity.config;

/**
 * One finding of the linter about a pair.
 *
 * @param pairId the pair
 * @param line the pair's line in the mapping file
 * @param severity ERROR or WARNING
 * @param rule a stable rule name
 * @param message what is wrong and what to write instead
 */
public record LintFinding(String pairId, int line, Severity severity, String rule, String message) {

	/** How serious a finding is. */
	public enum Severity {

		/** The pair cannot be compared as written: the run stops. */
		ERROR,
		/** The pair can be compared, but likely not as meant. */
		WARNING

	}

	/**
	 * @param pair the pair
	 * @param rule the rule
	 * @param message what is wrong
	 * @return an ERROR about the pair
	 */
	public static LintFinding error(PairMapping pair, String rule, String message) {
		return new LintFinding(pair.id(), pair.line(), Severity.ERROR, rule, message);
	}

	/**
	 * @param pair the pair
	 * @param rule the rule
	 * @param message what is wrong
	 * @return a WARNING about the pair
	 */
	public static LintFinding warning(PairMapping pair, String rule, String message) {
		return new LintFinding(pair.id(), pair.line(), Severity.WARNING, rule, message);
	}

	/**
	 * @param source the mapping file's name
	 * @return {@code file:line: pair: SEVERITY rule: message}
	 */
	public String format(String source) {
		return source + ":" + this.line + ": " + this.pairId + ": " + this.severity + " " + this.rule + ": "
				+ this.message;
	}

}
