package dev.dualrun.parity.store;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.source.Sources;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;

/**
 * A pair's resolved definition as stored with each run, so a restart or a re-rendered
 * report uses exactly what the run used, even if the mapping file changed since. Each
 * side is stored under its source's type ({@code "old": {"<type>": {...}}}), as each
 * source registers its query's record.
 */
public final class PairDefinitions {

	private static final ObjectMapper JSON = mapper();

	private PairDefinitions() {
	}

	private static ObjectMapper mapper() {
		JsonMapper.Builder builder = JsonMapper.builder();
		for (SideReader reader : Sources.readers()) {
			builder.registerSubtypes(new NamedType(reader.queryType(), reader.key()));
		}
		return builder.build();
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
	 * @return the pair, its systems named as its sources name them when the definition
	 * does not say
	 */
	public static PairMapping fromJson(String json) {
		PairMapping pair = JSON.readValue(json, PairMapping.class);
		return (pair.sides() != null) ? pair : pair.withSides(Sources.sides(pair.oldType(), pair.newType()));
	}

}
