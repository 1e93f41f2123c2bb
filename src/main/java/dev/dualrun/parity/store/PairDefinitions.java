package dev.dualrun.parity.store;

import dev.dualrun.parity.config.PairMapping;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pair's resolved definition as stored with each run, so a restart or a re-rendered
 * report uses exactly what the run used, even if the mapping file changed since.
 */
public final class PairDefinitions {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private PairDefinitions() {
	}

	/**
	 * @param pair a resolved pair
	 * @return its JSON
	 */
	public static String toJson(PairMapping pair) {
		return JSON.writeValueAsString(pair);
	}

	/**
	 * @param json JSON from {@link #toJson}
	 * @return the pair
	 */
	public static PairMapping fromJson(String json) {
		return JSON.readValue(json, PairMapping.class);
	}

}
