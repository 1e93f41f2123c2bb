package dev.dualrun.parity.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of mapping files, flags, properties and environment variables:
 * a bare number is seconds ({@code 600}), or numbers with units d, h, m, s, ms in that
 * order ({@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms}), or ISO-8601
 * ({@code PT10M}). At most 3,650 days.
 */
public final class Durations {

	private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");

	private static final Pattern COMPOUND = Pattern
		.compile("(?:(\\d{1,12})d)?(?:(\\d{1,12})h)?(?:(\\d{1,12})m(?!s))?(?:(\\d{1,12})s)?(?:(\\d{1,12})ms)?");

	/** The longest duration accepted anywhere. */
	static final Duration MAX = Duration.ofDays(3650);

	private Durations() {
	}

	/**
	 * @param text a whole number of seconds, or a number with unit s, m, h or d, or
	 * ISO-8601
	 * @return the duration
	 * @throws IllegalArgumentException if the text is none of those
	 */
	public static Duration parse(String text) {
		String t = (text == null) ? "" : text.trim();
		Duration d;
		try {
			Matcher m = COMPOUND.matcher(t);
			if (SECONDS.matcher(t).matches()) {
				d = Duration.ofSeconds(Long.parseLong(t));
			}
			else if (!t.isEmpty() && m.matches()) {
				d = Duration.ofDays(number(m.group(1)))
					.plusHours(number(m.group(2)))
					.plusMinutes(number(m.group(3)))
					.plusSeconds(number(m.group(4)))
					.plusMillis(number(m.group(5)));
			}
			else {
				d = Duration.parse(t);
			}
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException(
					"'" + Text.oneLine(text, 60) + "' is too long a duration (at most " + MAX.toDays() + "d)");
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("'" + Text.oneLine(text, 60)
					+ "' is not a duration (write e.g. 600 for seconds, 90s, 5m, 1h30m or PT10M)");
		}
		if (d.isNegative()) {
			throw new IllegalArgumentException("'" + Text.oneLine(text, 60) + "' is a negative duration");
		}
		if (d.compareTo(MAX) > 0) {
			throw new IllegalArgumentException(
					"'" + Text.oneLine(text, 60) + "' is too long a duration (at most " + MAX.toDays() + "d)");
		}
		return d;
	}

	private static long number(String digits) {
		return (digits != null) ? Long.parseLong(digits) : 0;
	}

	/**
	 * @param d a duration
	 * @return it as an ISO 8601 time grain, e.g. {@code PT5M} or {@code P1D}
	 */
	public static String iso(Duration d) {
		return (d.toDays() >= 1 && d.toHoursPart() == 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0)
				? "P" + d.toDays() + "D" : d.toString();
	}

	/**
	 * @param d a duration of whole seconds
	 * @return its shortest form in one unit, as the mapping file and PromQL write it:
	 * {@code 1h}, {@code 5m} or {@code 90s}
	 */
	public static String compact(Duration d) {
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
	public static String trim(double v) {
		return (v == Math.rint(v) && Math.abs(v) < 1e15) ? Long.toString((long) v) : Double.toString(v);
	}

}
