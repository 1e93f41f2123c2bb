package dev.dualrun.parity.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;

import org.snakeyaml.engine.v2.api.LoadSettings;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a mapping file: YAML bound to {@link MappingDocument} by Jackson, then validated
 * by {@link MappingValidator} into a {@link MappingFile}, each side's block read by its
 * source's {@link SideReader}. Every error names file, line and field.
 */
public final class MappingLoader {

	/**
	 * The largest mapping file read: 50,000 pairs take about 25 MB; a larger (or endless)
	 * input fails at once with its size.
	 */
	public static final int MAX_BYTES = 64 * 1024 * 1024;

	private final YAMLMapper mapper = YAMLMapper
		.builder(YAMLFactory.builder()
			.loadSettings(LoadSettings.builder().setCodePointLimit(MAX_BYTES).setMaxAliasesForCollections(50).build())
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
			.build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		// 'pairs:' with every entry commented out is an empty list, not a string
		.withCoercionConfig(tools.jackson.databind.type.LogicalType.Collection,
				(c) -> c.setCoercion(tools.jackson.databind.cfg.CoercionInputShape.EmptyString,
						tools.jackson.databind.cfg.CoercionAction.AsEmpty))
		.build();

	private final Map<String, SideReader> readers = new java.util.TreeMap<>();

	/**
	 * @param readers how each source's block is read, by its key
	 */
	public MappingLoader(java.util.Collection<? extends SideReader> readers) {
		readers.forEach((r) -> this.readers.put(r.key(), r));
	}

	/**
	 * @param path the mapping file
	 * @return the validated mapping
	 * @throws MappingException if the file cannot be read, is not valid YAML, or fails
	 * validation
	 */
	public MappingFile load(Path path) {
		byte[] bytes;
		if (Files.isDirectory(path)) {
			throw new MappingException(path + ": is a directory, not a mapping file");
		}
		try (java.io.InputStream in = Files.newInputStream(path)) {
			bytes = in.readNBytes(MAX_BYTES + 1);
		}
		catch (NoSuchFileException ex) {
			throw new MappingException(path + ": mapping file not found");
		}
		catch (IOException ex) {
			throw new MappingException(path + ": cannot read mapping file (" + ex.getMessage() + ")", ex);
		}
		if (bytes.length > MAX_BYTES) {
			throw new MappingException(path + ": mapping file larger than " + (MAX_BYTES >> 20)
					+ " MiB (about 130,000 pairs): split it into several files");
		}
		return parse(path.toString(), bytes);
	}

	/**
	 * @param source the name used in messages
	 * @param bytes the file's content
	 * @return the validated mapping
	 */
	public MappingFile parse(String source, byte[] bytes) {
		YamlText.check(source, bytes);
		Map<String, Integer> lines;
		try {
			lines = LineIndex.of(this.mapper, bytes).asMap();
		}
		catch (JacksonException ex) {
			throw bindingError(source, ex, Map.of(), "");
		}
		if (lines.isEmpty()) {
			throw MappingException.at(source, 1, "", "the mapping file is empty (it must list pairs under 'pairs:')");
		}
		MappingDocument doc;
		try {
			doc = this.mapper.readValue(bytes, MappingDocument.class);
		}
		catch (JacksonException ex) {
			throw bindingError(source, ex, lines, "");
		}
		if (doc == null) {
			throw MappingException.at(source, 1, "", "the mapping file is empty");
		}
		return new MappingValidator(source, lines, this.readers, this.mapper).validate(doc, sha256(bytes));
	}

	/**
	 * @param at the pointer of the node that was bound (empty for the document)
	 */
	static MappingException bindingError(String source, JacksonException ex, Map<String, Integer> lines, String at) {
		StringBuilder pointer = new StringBuilder(at);
		for (JacksonException.Reference ref : ex.getPath()) {
			pointer.append('/').append((ref.getPropertyName() != null) ? ref.getPropertyName() : ref.getIndex());
		}
		Integer indexed = lines.get(pointer.toString());
		TokenStreamLocation location = ex.getLocation();
		int line = (indexed != null) ? indexed : (location != null) ? location.getLineNr() : 0;
		String field = MappingValidator.fieldName(pointer.toString());
		String problem;
		if (ex instanceof PropertyBindingException unknown) {
			problem = (unknown.getKnownPropertyIds() != null)
					? Suggestions.unknownField(unknown.getPropertyName(),
							unknown.getKnownPropertyIds().stream().map(String::valueOf).toList())
					: "unknown field '" + unknown.getPropertyName() + "'";
		}
		else if (ex instanceof tools.jackson.databind.exc.MismatchedInputException mismatch
				&& mismatch.getTargetType() != null
				&& (String.valueOf(ex.getOriginalMessage()).startsWith("Cannot deserialize")
						|| String.valueOf(ex.getOriginalMessage()).startsWith("Cannot coerce"))) {
			problem = "expected " + kind(mismatch.getTargetType()) + ", got " + found(ex.getOriginalMessage());
		}
		else if (YamlText.syntaxError(ex) != null) {
			problem = YamlText.syntaxError(ex);
		}
		else {
			problem = String.valueOf(ex.getOriginalMessage())
				.replaceAll("dev\\.dualrun\\.parity\\.(?:\\w+\\.)*(?:\\w+\\$)*(\\w+)", "$1")
				.replaceAll("\\s+", " ");
			int cut = problem.indexOf(" at [Source");
			problem = (cut > 0) ? problem.substring(0, cut) : problem;
			java.util.regex.Matcher duplicate = java.util.regex.Pattern.compile("Duplicate Object property \"(.*)\"")
				.matcher(problem);
			if (duplicate.find()) {
				problem = "duplicate key '" + duplicate.group(1) + "': each key may appear once in a block "
						+ "(YAML would silently keep the last)";
			}
		}
		return new MappingException(
				source + ((line > 0) ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + problem, ex);
	}

	private static String kind(Class<?> type) {
		if (Number.class.isAssignableFrom(type) || type == double.class || type == int.class || type == long.class) {
			return "a number";
		}
		if (type == String.class) {
			return "a single value";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (java.util.Collection.class.isAssignableFrom(type)) {
			return "a list (- item)";
		}
		return "a block of fields (key: value)";
	}

	private static String found(String message) {
		java.util.regex.Matcher text = java.util.regex.Pattern.compile("from String \"(.*?)\"").matcher(message);
		if (text.find()) {
			return "'" + Text.oneLine(text.group(1), 60) + "'";
		}
		if (message.contains("empty String")) {
			return "an empty value";
		}
		if (message.contains("Array value")) {
			return "a list";
		}
		if (message.contains("Object value")) {
			return "a block of fields";
		}
		return "another kind of value";
	}

	/**
	 * @param bytes a mapping file's bytes
	 * @return their SHA-256 in hex, as a run keeps it
	 */
	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
