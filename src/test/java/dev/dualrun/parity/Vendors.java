package dev.dualrun.parity;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The vendors of the systems a source reads (and their usual abbreviations), as the
 * architecture rule looks for them in names and string constants.
 */
final class Vendors {

	/** Found anywhere in a name or a constant. */
	private static final Pattern ANYWHERE = Pattern
		.compile("cloud_?watch|prometheus|promql|azure|amazon|yace|mimir|thanos", Pattern.CASE_INSENSITIVE);

	/**
	 * Found as a word of a name ({@code cwLink}, {@code AWS_REGION}) or of a constant.
	 */
	private static final Set<String> WORDS = Set.of("aws", "cw", "entra");

	/**
	 * Found as a word of a name ({@code promSeries}); in a constant it is node_exporter's
	 * file extension ({@code .prom}).
	 */
	private static final Set<String> NAME_WORDS = Set.of("prom");

	private Vendors() {
	}

	static boolean named(JavaTokens.Token token) {
		if (ANYWHERE.matcher(token.text()).find()) {
			return true;
		}
		String spaced = token.string() ? token.text()
				: token.text().replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
		for (String word : spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
			if (WORDS.contains(word) || (!token.string() && NAME_WORDS.contains(word))) {
				return true;
			}
		}
		return false;
	}

}
