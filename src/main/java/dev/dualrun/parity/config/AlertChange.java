package dev.dualrun.parity.config;

/**
 * A change of a new side's alerting rule that an alert finding implies, which the side's
 * source writes into its rule file ({@link SideReader#rewriteAlert}).
 *
 * @param kind what changes
 * @param value the new value as the rule writes it: a duration ({@code 5m}), a number, or
 * a comparison operator ({@code >})
 */
public record AlertChange(Kind kind, String value) {

	/** What changes. */
	public enum Kind {

		/** How long the condition must hold before the alert fires ({@code for}). */
		HOLD_FOR,
		/** The number the value is compared with. */
		THRESHOLD,
		/** The comparison operator. */
		OPERATOR

	}

	/**
	 * @return the change in words, e.g. "for: 5m"
	 */
	public String words() {
		return switch (this.kind) {
			case HOLD_FOR -> "for: " + this.value;
			case THRESHOLD -> "threshold " + this.value;
			case OPERATOR -> "operator " + this.value;
		};
	}

}
