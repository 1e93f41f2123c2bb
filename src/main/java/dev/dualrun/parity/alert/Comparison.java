package dev.dualrun.parity.alert;

/** How an alert compares its value with its threshold. */
public enum Comparison {

	/** Value above the threshold. */
	GREATER(">"),
	/** Value at or above the threshold. */
	GREATER_OR_EQUAL(">="),
	/** Value below the threshold. */
	LESS("<"),
	/** Value at or below the threshold. */
	LESS_OR_EQUAL("<=");

	private final String symbol;

	Comparison(String symbol) {
		this.symbol = symbol;
	}

	/**
	 * @return the PromQL operator
	 */
	public String symbol() {
		return this.symbol;
	}

	/**
	 * @return true if a value breaches by rising (above the threshold)
	 */
	public boolean upward() {
		return this == GREATER || this == GREATER_OR_EQUAL;
	}

	/**
	 * @param value a value (NaN never breaches)
	 * @param threshold the threshold
	 * @return true if the value breaches the threshold
	 */
	public boolean breaches(double value, double threshold) {
		return switch (this) {
			case GREATER -> value > threshold;
			case GREATER_OR_EQUAL -> value >= threshold;
			case LESS -> value < threshold;
			case LESS_OR_EQUAL -> value <= threshold;
		};
	}

	/**
	 * @return the same comparison with its operands swapped ({@code 5 < x} is
	 * {@code x > 5})
	 */
	public Comparison swapped() {
		return switch (this) {
			case GREATER -> LESS;
			case GREATER_OR_EQUAL -> LESS_OR_EQUAL;
			case LESS -> GREATER;
			case LESS_OR_EQUAL -> GREATER_OR_EQUAL;
		};
	}

	/**
	 * @return "above" or "below", for messages
	 */
	public String words() {
		return switch (this) {
			case GREATER -> "above";
			case GREATER_OR_EQUAL -> "at or above";
			case LESS -> "below";
			case LESS_OR_EQUAL -> "at or below";
		};
	}

	/**
	 * @param symbol {@code >}, {@code >=}, {@code <} or {@code <=}
	 * @return the comparison, or null for any other operator
	 */
	public static Comparison ofSymbol(String symbol) {
		for (Comparison c : values()) {
			if (c.symbol.equals(symbol)) {
				return c;
			}
		}
		return null;
	}

}
