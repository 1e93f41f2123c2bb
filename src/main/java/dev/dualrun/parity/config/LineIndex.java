package dev.dualrun.parity.config;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.ObjectMapper;

/**
 * The line of each node of a YAML file, by JSON pointer (e.g. {@code /pairs/2/cloudwatch}
 * or {@code /waivers/0}), as the parser saw it: so that a message names the line of the
 * entry it is about, never a comment that happens to mention it.
 */
final class LineIndex {

	private final Map<String, Integer> lines;

	private LineIndex(Map<String, Integer> lines) {
		this.lines = lines;
	}

	/**
	 * @param mapper the mapper that reads the file
	 * @param bytes the file's bytes
	 * @return the line of each node
	 * @throws tools.jackson.core.JacksonException if the text does not parse
	 */
	static LineIndex of(ObjectMapper mapper, byte[] bytes) {
		Map<String, Integer> lines = new HashMap<>();
		try (JsonParser parser = mapper.createParser(bytes)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				TokenStreamLocation location = parser.currentTokenLocation();
				if (token == JsonToken.PROPERTY_NAME || token.isScalarValue() || token == JsonToken.START_OBJECT
						|| token == JsonToken.START_ARRAY) {
					String pointer = parser.streamReadContext().pathAsPointer().toString();
					lines.putIfAbsent(pointer, location.getLineNr());
				}
			}
		}
		return new LineIndex(lines);
	}

	/**
	 * @param pointer a node's JSON pointer
	 * @return its line, or 0 when the file has no such node
	 */
	int line(String pointer) {
		return this.lines.getOrDefault(pointer, 0);
	}

	/**
	 * @return the line of each node by pointer
	 */
	Map<String, Integer> asMap() {
		return this.lines;
	}

}
