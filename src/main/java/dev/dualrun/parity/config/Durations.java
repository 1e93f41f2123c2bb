package dev.dualrun.parity.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the short durations used in mapping files and flags: 60, 60s, 5m, 1h,
 * 1d.
 */
public final class Durations {

	private static final Pattern SHORT = Pattern.compile("(\\d+)(s|m|h|d)?");

	private Durations() {
	}

	/**
	 * @param text a whole number of seconds, or a number with unit s, m, h or d, or
	 * ISO-8601
	 * @return the duration
	 * @throws IllegalArgumentException if the text is none of those
	 */
	public static Duration parse(String text) {
		String t = text.trim();
		Matcher m = SHORT.matcher(t);
		if (m.matches()) {
			long n = Long.parseLong(m.group(1));
			String unit = (m.group(2) != null) ? m.group(2) : "s";
			return switch (unit) {
				case "m" -> Duration.ofMinutes(n);
				case "h" -> Duration.ofHours(n);
				case "d" -> Duration.ofDays(n);
				default -> Duration.ofSeconds(n);
			};
		}
		try {
			return Duration.parse(t);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a duration (write e.g. 60s, 5m, 1h)");
		}
	}

	/**
	 * @param d a duration of whole seconds
	 * @return the PromQL form: {@code 1h}, {@code 5m} or {@code 90s}
	 */
	public static String promql(Duration d) {
		long s = d.toSeconds();
		if (s % 3600 == 0) {
			return (s / 3600) + "h";
		}
		if (s % 60 == 0) {
			return (s / 60) + "m";
		}
		return s + "s";
	}

	/**
	 * @param v a number
	 * @return it without a trailing {@code .0} when whole
	 */
	static String trim(double v) {
		return (v == Math.rint(v) && Math.abs(v) < 1e15) ? Long.toString((long) v) : Double.toString(v);
	}

}
