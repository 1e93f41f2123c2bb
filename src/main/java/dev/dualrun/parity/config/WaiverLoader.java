package dev.dualrun.parity.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a waiver file ({@code waivers.yml} next to the mapping): every waiver needs a
 * pair, a reason, an owner and an expiry date. Errors name the file, the line and the
 * field.
 */
public final class WaiverLoader {

	private final YAMLMapper mapper = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	record Document(List<Entry> waivers) {

	}

	record Entry(String pair, String reason, String owner, String expires) {

	}

	/**
	 * @param path the waiver file; a missing file means no waivers
	 * @param mapping the mapping whose pairs the waivers name
	 * @return the waivers
	 * @throws MappingException naming file, line and field
	 */
	public List<Waiver> load(Path path, MappingFile mapping) {
		if (!Files.exists(path)) {
			return List.of();
		}
		String source = path.toString();
		Document doc;
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(path);
			doc = this.mapper.readValue(bytes, Document.class);
		}
		catch (IOException ex) {
			throw new MappingException(source + ": cannot read the waiver file (" + ex.getMessage() + ")", ex);
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
			throw new MappingException(source + ":" + line + ": " + ex.getOriginalMessage().replace('\n', ' '), ex);
		}
		List<Waiver> waivers = new ArrayList<>();
		if (doc == null || doc.waivers() == null) {
			return waivers;
		}
		String[] lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
		for (int i = 0; i < doc.waivers().size(); i++) {
			Entry e = doc.waivers().get(i);
			String at = "waivers[" + i + "]";
			int line = lineOf(lines, e.pair());
			for (String[] f : new String[][] { { "pair", e.pair() }, { "reason", e.reason() }, { "owner", e.owner() },
					{ "expires", e.expires() } }) {
				if (f[1] == null || f[1].isBlank()) {
					throw MappingException.at(source, line, at + "." + f[0], "missing (required)");
				}
			}
			if (mapping.pair(e.pair()).isEmpty()) {
				throw MappingException.at(source, line, at + ".pair",
						"no pair '" + e.pair() + "' in " + mapping.source());
			}
			try {
				waivers.add(new Waiver(e.pair(), e.reason(), e.owner(), LocalDate.parse(e.expires()), line));
			}
			catch (DateTimeParseException ex) {
				throw MappingException.at(source, line, at + ".expires",
						"'" + e.expires() + "' is not a date such as 2026-12-31");
			}
		}
		return waivers;
	}

	private static int lineOf(String[] lines, String pair) {
		for (int i = 0; i < lines.length; i++) {
			if (pair != null && lines[i].contains("pair:") && lines[i].contains(pair)) {
				return i + 1;
			}
		}
		return 0;
	}

}
