package dev.dualrun.parity.source.prometheus;

import java.time.Duration;
import java.util.regex.Pattern;

import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.config.QueryChange;

/**
 * A PromQL query as the mapping file writes it, changed for a written fix: increase() in
 * place of rate() or irate() (a count per period, not per second) and the reverse, an
 * offset of one period removed or added (the query reads each period one period late, or
 * early). It works on the text as written, {@code ${period}}, quotes and line breaks
 * included, and changes only the tokens it names.
 */
final class PromQlRewrite {

	/** The keyword offset, not a part of a name. */
	private static final Pattern OFFSET = Pattern.compile("(?<![\\w:])offset(?![\\w:])");

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
			case PER_PERIOD -> over(onePeriod, "i?rate").matcher(text).replaceAll("increase$1");
			case PER_SECOND -> over(onePeriod, "increase").matcher(text).replaceAll("rate$1");
			case EARLIER -> shift(text, onePeriod, "", "-");
			case LATER -> shift(text, onePeriod, "-", "");
			default -> text;
		};
		return changed.equals(text) ? null : changed;
	}

	/**
	 * A function over a range of exactly one period: {@code rate(x{...}[5m])}, not
	 * {@code rate(x[1h])}, whose count would be of another span.
	 */
	private static Pattern over(String onePeriod, String function) {
		return Pattern.compile("(?<![\\w:])" + function + "(\\s*\\((?=[^()\\[]*\\[\\s*" + onePeriod + "\\s*\\]))");
	}

	/**
	 * Moves each period's reading by one period: an offset of one period that reads the
	 * other way removed (e.g. {@code offset ${period}} for earlier), else, where the
	 * query has no offset, one added after each range of one period (a negative offset,
	 * {@code offset -${period}}, for earlier: Prometheus 2.33 and later).
	 */
	private static String shift(String text, String onePeriod, String removedSign, String addedSign) {
		String removed = text.replaceAll("\\s+offset\\s+" + Pattern.quote(removedSign) + onePeriod + "(?!\\w)", "");
		if (!removed.equals(text) || OFFSET.matcher(text).find()) {
			return removed;
		}
		return text.replaceAll("\\[\\s*" + onePeriod + "\\s*\\]", "$0 offset " + addedSign + "\\${period}");
	}

}
