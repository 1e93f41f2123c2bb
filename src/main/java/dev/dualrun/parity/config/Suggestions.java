package dev.dualrun.parity.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * What a mistyped name most likely meant: the known names within a few edits of it
 * (Levenshtein distance, commons-text), nearest first. One rule for commands, flags,
 * fields and pair ids alike.
 */
public final class Suggestions {

	private static final int MOST = 3;

	private Suggestions() {
	}

	/**
	 * @param typed what was typed
	 * @param known the names it could have meant
	 * @return up to three known names near it, nearest first; empty if none is near
	 */
	public static List<String> near(String typed, Collection<String> known) {
		String t = typed.toLowerCase(Locale.ROOT);
		// one edit in a name of two letters, two in a short name (a swap is two), then a
		// third of the name, at most four
		int limit = (t.length() <= 2) ? 1 : Math.min(4, Math.max(2, t.length() / 3));
		LevenshteinDistance distance = new LevenshteinDistance(limit);
		return known.stream()
			.filter((k) -> distance.apply(t, k.toLowerCase(Locale.ROOT)) >= 0)
			.sorted(Comparator.comparingInt((String k) -> distance.apply(t, k.toLowerCase(Locale.ROOT)))
				.thenComparing(Comparator.naturalOrder()))
			.distinct()
			.limit(MOST)
			.toList();
	}

	/**
	 * @param typed what was typed
	 * @param known the names it could have meant
	 * @return {@code did you mean 'x'? } (with its trailing space) or an empty string
	 */
	public static String didYouMean(String typed, Collection<String> known) {
		List<String> near = near(typed, known);
		return near.isEmpty() ? ""
				: "did you mean " + String.join(" or ", near.stream().map((n) -> "'" + n + "'").toList()) + "? ";
	}

	/**
	 * @param typed the unknown field
	 * @param known the fields there are
	 * @return {@code unknown field 'x' (did you mean 'y'? known: a, b, c)}
	 */
	public static String unknownField(String typed, Collection<String> known) {
		List<String> sorted = known.stream().sorted().toList();
		return "unknown field '" + Text.oneLine(typed, 60) + "' (" + didYouMean(typed, sorted) + "known: "
				+ String.join(", ", sorted) + ")";
	}

}
