package dev.dualrun.parity.source;

import java.util.List;
import java.util.Map;

/**
 * A query returned several series where one was meant (semantics rule 4): not a failure
 * of the source but a mapping that does not aggregate to the CloudWatch dimensions.
 * Judged as FAIL.
 */
public class CardinalityException extends SourceException {

	private final List<Map<String, String>> labelSets;

	public CardinalityException(String message, List<Map<String, String>> labelSets) {
		super(message, false);
		this.labelSets = List.copyOf(labelSets);
	}

	/**
	 * @return the label sets returned
	 */
	public List<Map<String, String>> labelSets() {
		return this.labelSets;
	}

}
