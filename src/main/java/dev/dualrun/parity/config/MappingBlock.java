package dev.dualrun.parity.config;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * One side's block of a pair or an alert pair, as its source's {@link SideReader} reads
 * it: the raw block, the pair's period, and the means to bind it and to name an error
 * with the file, the line and the field ({@code pairs[2].cloudwatch.statistic}).
 */
public final class MappingBlock {

	private final MappingValidator validator;

	private final JsonNode node;

	private final String at;

	private final PairContext pair;

	/**
	 * What a pair's block may need of the pair.
	 *
	 * @param at the pair's pointer, e.g. {@code /pairs/2}
	 * @param period the pair's period
	 * @param periodText the period as written (or as the default gives it)
	 * @param periodAt the pointer of the period given (the pair's or the defaults')
	 * @param periodGiven whether the pair gives its own period
	 * @param scrapeInterval how often the new side samples
	 */
	record PairContext(String at, Duration period, String periodText, String periodAt, boolean periodGiven,
			Duration scrapeInterval) {

	}

	MappingBlock(MappingValidator validator, JsonNode node, String at, PairContext pair) {
		this.validator = validator;
		this.node = node;
		this.at = at;
		this.pair = pair;
	}

	/**
	 * @return the block as parsed
	 */
	public JsonNode node() {
		return this.node;
	}

	/**
	 * Binds the block to a record with the loader's rules (kebab-case keys, unknown
	 * fields and duplicates refused), naming the file, the line and the field of any
	 * mismatch.
	 * @param <T> the record
	 * @param type its class
	 * @return the block bound
	 */
	public <T> T bind(Class<T> type) {
		return this.validator.bind(this.node, this.at, type);
	}

	/**
	 * @param field a field of the block (e.g. {@code metrics/0/id}), or empty for the
	 * block itself
	 * @param problem what is wrong
	 * @return the error naming file, line and field
	 */
	public MappingException error(String field, String problem) {
		return this.validator.error(field.isEmpty() ? this.at : this.at + "/" + field, problem);
	}

	/**
	 * @param problem what is wrong with the pair's period for this side
	 * @return the error, at the period given (the pair's, or the defaults')
	 */
	public MappingException periodError(String problem) {
		return this.validator.error(this.pair.periodAt(), problem);
	}

	/**
	 * @param problem what is wrong with the pair as a whole for this side
	 * @return the error, at the pair's own period if it gives one, else at the pair
	 */
	public MappingException pairError(String problem) {
		return this.validator.error(this.pair.periodGiven() ? this.pair.at() + "/period" : this.pair.at(), problem);
	}

	/**
	 * @param value a field's value
	 * @param field the field
	 * @return the value
	 * @throws MappingException if it is missing or blank
	 */
	public String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw error(field, "missing (required)");
		}
		return value;
	}

	/**
	 * @param raw dimension names and values as written, or null
	 * @param field the field
	 * @return them sorted by name
	 * @throws MappingException if there are more than 30 or one is empty
	 */
	public TreeMap<String, String> dimensions(Map<String, String> raw, String field) {
		TreeMap<String, String> dims = new TreeMap<>();
		if (raw == null) {
			return dims;
		}
		if (raw.size() > 30) {
			throw error(field, "at most 30 dimensions, got " + raw.size());
		}
		raw.forEach((name, value) -> {
			if (name.isBlank() || value == null || value.isBlank()) {
				throw error(field + "/" + name, "dimension names and values must not be empty");
			}
			dims.put(name, value);
		});
		return dims;
	}

	/**
	 * @return the pair's period
	 */
	public Duration period() {
		return this.pair.period();
	}

	/**
	 * @return the pair's period as written
	 */
	public String periodText() {
		return this.pair.periodText();
	}

	/**
	 * @return how often the new side samples ({@code scrape-interval})
	 */
	public Duration scrapeInterval() {
		return this.pair.scrapeInterval();
	}

}
