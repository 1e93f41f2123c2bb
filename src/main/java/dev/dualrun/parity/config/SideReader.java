package dev.dualrun.parity.config;

/**
 * How a source's block of the mapping file is read: its key (the source's type), the side
 * it plays, the record it is bound to and stored as, and its checks. Each source brings
 * its own; the loader knows none of them.
 */
public interface SideReader {

	/**
	 * @return the block's key in a pair (and in an alert pair), e.g. the source's type
	 */
	String key();

	/**
	 * @return the side the source plays
	 */
	Side side();

	/**
	 * @return the record a pair's block is read as, stored with each run under
	 * {@link #key()}
	 */
	Class<? extends SideQuery> queryType();

	/**
	 * Reads and checks a pair's block.
	 * @param block the block, with the pair's period and the means to name errors
	 * @return the side's query
	 * @throws MappingException naming file, line and field
	 */
	SideQuery readPair(MappingBlock block);

	/**
	 * @return the field of this source's block that holds its query, as the mapping file
	 * writes it, for a written fix; null when the source writes no fix
	 */
	default String queryField() {
		return null;
	}

	/**
	 * A written fix of a pair's query: the text of the query field as the mapping file
	 * holds it (placeholders, quotes and line breaks included), changed.
	 * @param text the field's text in the file
	 * @param change the change the judge's diagnosis implies
	 * @param period the pair's period
	 * @return the text changed, or null when this source cannot make the change here
	 */
	default String rewrite(String text, QueryChange change, java.time.Duration period) {
		return null;
	}

	/**
	 * @return the map field of this source's block that declares labels its series gain
	 * on the way to the other side (added before the sides' series are compared), for a
	 * written fix; null when the source has none
	 */
	default String addedLabelsField() {
		return null;
	}

	/**
	 * A written fix of an alert: the side's rule file with one alert changed as an alert
	 * finding implies.
	 * @param ruleFile the text of a rule file of this side
	 * @param alert the alert, by name (and group)
	 * @param change the change
	 * @return the file's text changed, or null when it does not hold the alert or this
	 * source cannot make the change there
	 * @throws IllegalArgumentException if the file cannot be read as this side's rule
	 * file
	 */
	default String rewriteAlert(String ruleFile, AlertMapping.Ref alert, AlertChange change) {
		return null;
	}

	/**
	 * @return how an alert pair names this side's alert, e.g. {@code key: {alarm: NAME}},
	 * or null if the source has no alerts
	 */
	default String alertExample() {
		return null;
	}

	/**
	 * @param name an alert's name
	 * @param group its group, or null
	 * @return this side's block of an alert pair naming it, on one line
	 */
	default String alertYaml(String name, String group) {
		throw new UnsupportedOperationException("'" + key() + ":' has no alerts");
	}

	/**
	 * @param text a value
	 * @return it in double quotes, escaped for YAML
	 */
	static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/**
	 * Reads and checks an alert pair's block.
	 * @param block the block
	 * @return this side's alert
	 * @throws MappingException naming file, line and field
	 */
	default AlertMapping.Ref readAlert(MappingBlock block) {
		throw block.error("", "'" + key() + ":' has no alerts the validator can read");
	}

}
