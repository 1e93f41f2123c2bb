package dev.dualrun.parity.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A small YAML file next to the mapping (waivers, exclusions), bound strictly: an unknown
 * field, a syntax error or an unreadable file is one {@link MappingException} naming the
 * file and the line.
 *
 * @param <T> the document's type
 * @param document the bound document, or null for an empty file
 * @param bytes the file's bytes, for the lines of its entries
 */
record YamlFile<T>(T document, byte[] bytes) {

	private static final YAMLMapper MAPPER = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * @param path the file
	 * @param type the document's type
	 * @param what what the file is, for messages (e.g. {@code the waiver file})
	 * @param <T> the document's type
	 * @return the document and the bytes
	 * @throws MappingException naming the file and the line
	 */
	static <T> YamlFile<T> read(Path path, Class<T> type, String what) {
		String source = path.toString();
		byte[] bytes = null;
		try {
			bytes = Files.readAllBytes(path);
			YamlText.check(source, bytes);
			return new YamlFile<>(MAPPER.readValue(bytes, type), bytes);
		}
		catch (tools.jackson.databind.exc.PropertyBindingException ex) {
			StringBuilder field = new StringBuilder();
			for (JacksonException.Reference ref : ex.getPath()) {
				field.append((ref.getPropertyName() != null) ? ((field.length() > 0) ? "." : "") + ref.getPropertyName()
						: "[" + ref.getIndex() + "]");
			}
			int line = LineIndex.of(MAPPER, bytes).line(pointer(ex.getPath()));
			String problem = (ex.getKnownPropertyIds() != null)
					? Suggestions.unknownField(ex.getPropertyName(),
							ex.getKnownPropertyIds().stream().map(String::valueOf).toList())
					: "unknown field '" + Text.oneLine(ex.getPropertyName(), 60) + "'";
			throw MappingException.at(source, line, field.toString(), problem);
		}
		catch (IOException ex) {
			throw new MappingException(source + ": cannot read " + what + " (" + ex.getMessage() + ")", ex);
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
			String syntax = YamlText.syntaxError(ex);
			throw new MappingException(
					source + ":" + line + ": " + ((syntax != null) ? syntax : Text.oneLine(ex.getOriginalMessage())),
					ex);
		}
	}

	/**
	 * @param pointer a node's JSON pointer, e.g. {@code /waivers/0}
	 * @return its line in the file, or 0 when there is no such node
	 */
	int line(String pointer) {
		return LineIndex.of(MAPPER, this.bytes).line(pointer);
	}

	private static String pointer(List<JacksonException.Reference> path) {
		StringBuilder pointer = new StringBuilder();
		for (JacksonException.Reference ref : path) {
			pointer.append('/').append((ref.getPropertyName() != null) ? ref.getPropertyName() : ref.getIndex());
		}
		return pointer.toString();
	}

}
