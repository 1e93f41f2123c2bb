package dev.dualrun.parity.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an exclusions file ({@code exclusions.yml} next to the mapping): old-side metrics
 * left out on purpose, each with a namespace, a reason, an owner and an expiry date.
 * Errors name the file, the line and the field.
 *
 * <pre>
 * exclusions:
 *   - namespace: FlaskApp
 *     metric: Errors
 *     dimensions: { Method: GET }
 *     reason: GET errors are alerted on from the load balancer's logs
 *     owner: sre-team
 *     expires: 2027-03-31
 * </pre>
 */
public final class ExclusionLoader {

	record Document(List<Entry> exclusions) {

	}

	record Entry(String namespace, String metric, Map<String, String> dimensions, String reason, String owner,
			String expires) {

	}

	/**
	 * @param path the exclusions file; a missing file means no exclusions
	 * @return the exclusions
	 * @throws MappingException naming file, line and field
	 */
	public List<Exclusion> load(Path path) {
		if (!Files.exists(path)) {
			return List.of();
		}
		String source = path.toString();
		YamlFile<Document> file = YamlFile.read(path, Document.class, "the exclusions file");
		Document doc = file.document();
		List<Exclusion> out = new ArrayList<>();
		if (doc == null || doc.exclusions() == null) {
			return out;
		}
		for (int i = 0; i < doc.exclusions().size(); i++) {
			Entry e = doc.exclusions().get(i);
			String at = "exclusions[" + i + "]";
			String entry = "/exclusions/" + i;
			int line = file.line(entry);
			if (e == null) {
				throw MappingException.at(source, line, at, "empty exclusion");
			}
			for (String[] f : new String[][] { { "namespace", e.namespace() }, { "reason", e.reason() },
					{ "owner", e.owner() }, { "expires", e.expires() } }) {
				if (f[1] == null || f[1].isBlank()) {
					throw MappingException.at(source, line, at + "." + f[0], "missing (required)");
				}
			}
			LocalDate expires;
			try {
				expires = LocalDate.parse(e.expires().strip());
			}
			catch (DateTimeParseException ex) {
				throw MappingException.at(source, line, at + ".expires",
						"'" + Text.oneLine(e.expires(), 40) + "' is not a date such as 2026-12-31");
			}
			TreeMap<String, String> dims = new TreeMap<>();
			if (e.dimensions() != null) {
				e.dimensions().forEach((k, v) -> {
					if (v == null || v.isBlank()) {
						throw MappingException.at(source, file.line(entry + "/dimensions/" + k),
								at + ".dimensions." + k, "give a value, or '*' for any value");
					}
					dims.put(k, v);
				});
			}
			out.add(new Exclusion(e.namespace().strip(), (e.metric() != null) ? e.metric().strip() : null, dims,
					e.reason().strip(), e.owner().strip(), expires, line));
		}
		return out;
	}

}
