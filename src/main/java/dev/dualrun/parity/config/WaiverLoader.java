package dev.dualrun.parity.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a waiver file ({@code waivers.yml} next to the mapping): every waiver needs a
 * pair, a reason, an owner and an expiry date. Errors name the file, the line and the
 * field.
 */
public final class WaiverLoader {

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
		YamlFile<Document> file = YamlFile.read(path, Document.class, "the waiver file");
		Document doc = file.document();
		List<Waiver> waivers = new ArrayList<>();
		if (doc == null || doc.waivers() == null) {
			return waivers;
		}
		for (int i = 0; i < doc.waivers().size(); i++) {
			Entry e = doc.waivers().get(i);
			String at = "waivers[" + i + "]";
			int line = file.line("/waivers/" + i);
			for (String[] f : new String[][] { { "pair", e.pair() }, { "reason", e.reason() }, { "owner", e.owner() },
					{ "expires", e.expires() } }) {
				if (f[1] == null || f[1].isBlank()) {
					throw MappingException.at(source, line, at + "." + f[0], "missing (required)");
				}
			}
			boolean alert = e.pair().startsWith("alerts/")
					&& mapping.alerts().stream().anyMatch((a) -> e.pair().equals("alerts/" + a.id()));
			if (mapping.pair(e.pair()).isEmpty() && !alert) {
				throw MappingException.at(source, line, at + ".pair",
						"no pair '" + e.pair() + "' in " + mapping.source() + " (an alert pair is named alerts/<id>)");
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

}
