package dev.dualrun.parity.store;

import java.util.List;
import java.util.Map;

import dev.dualrun.parity.compare.Diagnosis;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store's JSON columns: values written as JSON text and read back (diagnoses, notes,
 * labels), and NaN written as SQL's null.
 */
public final class StoreJson {

	static final ObjectMapper JSON = JsonMapper.builder().build();

	private StoreJson() {
	}

	/**
	 * @param text JSON of a list of diagnoses
	 * @return the diagnoses
	 */
	public static List<Diagnosis> diagnoses(String text) {
		return JSON.readValue(text, new TypeReference<List<Diagnosis>>() {
		});
	}

	/**
	 * @param text JSON of a list of strings
	 * @return the strings
	 */
	public static List<String> strings(String text) {
		return JSON.readValue(text, new TypeReference<List<String>>() {
		});
	}

	/**
	 * @param text JSON of a string map
	 * @return the map
	 */
	public static Map<String, String> labels(String text) {
		return JSON.readValue(text, new TypeReference<Map<String, String>>() {
		});
	}

	/**
	 * @param value any value Jackson can write
	 * @return its JSON
	 */
	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/**
	 * @param value a double
	 * @return the value, or null if NaN (SQL has no portable NaN for aggregates)
	 */
	static Double num(double value) {
		return Double.isNaN(value) ? null : value;
	}

}
