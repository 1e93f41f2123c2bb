package dev.dualrun.parity.source.prometheus;

import java.time.Duration;
import java.util.regex.Pattern;

import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.config.QueryChange;

/**
 * A PromQL query as the mapping file writes it, changed for a written fix: increase() in
 * place of rate() or irate() (a count per period, not per second) and the reverse, an
 * offset of one period removed (the query reads each period one period late) or added. It
 * works on the text as written, {@code ${period}}, quotes and line breaks included, and
 * changes only the tokens it names.
 */
final class PromQlRewrite {

	private static final Pattern RATE = Pattern.compile("(?<![\\w:])i?rate(\\s*\\()");

	private static final Pattern INCREASE = Pattern.compile("(?<![\\w:])increase(\\s*\\()");

	private PromQlRewrite() {
	}

	/**
	 * @param text the query's text in the mapping file
	 * @param change the change
	 * @param period the pair's period
	 * @return the text changed, or null when the change does not apply to it
	 */
	static String of(String text, QueryChange change, Duration period) {
		String onePeriod = "(\\$\\{period\\}|" + Pattern.quote(Durations.compact(period)) + ")";
		String changed = switch (change) {
			case PER_PERIOD -> RATE.matcher(text).replaceAll("increase$1");
			case PER_SECOND -> INCREASE.matcher(text).replaceAll("rate$1");
			case EARLIER -> text.replaceAll("\\s+offset\\s+" + onePeriod + "(?!\\w)", "");
			case LATER -> text.contains("offset") ? text
					: text.replaceAll("\\[\\s*" + onePeriod + "\\s*\\]", "$0 offset \\${period}");
			default -> text;
		};
		return changed.equals(text) ? null : changed;
	}

}
