package dev.dualrun.parity.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Episodes from states, and the words alert messages use. */
public final class Alerts {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private Alerts() {
	}

	/**
	 * Episodes from a state at each evaluation.
	 * @param times evaluation times, epoch milliseconds, ascending
	 * @param inAlarm whether it was in alarm after each evaluation
	 * @param windowEnd the window's end: an episode still open there ends there
	 * @return the episodes, in order
	 */
	public static List<Episode> fromStates(long[] times, boolean[] inAlarm, Instant windowEnd) {
		List<Episode> out = new ArrayList<>();
		Instant start = null;
		for (int i = 0; i < times.length; i++) {
			if (inAlarm[i] && start == null) {
				start = Instant.ofEpochMilli(times[i]);
			}
			else if (!inAlarm[i] && start != null) {
				out.add(new Episode(start, Instant.ofEpochMilli(times[i]), false));
				start = null;
			}
		}
		if (start != null) {
			out.add(new Episode(start, windowEnd.isBefore(start) ? start : windowEnd, true));
		}
		return out;
	}

	/**
	 * @param d a duration
	 * @return it in the mapping's words: 90s, 5m, 2h
	 */
	public static String words(Duration d) {
		long s = d.toSeconds();
		if (s == 0) {
			return "0s";
		}
		if (s % 3600 == 0) {
			return (s / 3600) + "h";
		}
		if (s % 60 == 0) {
			return (s / 60) + "m";
		}
		return s + "s";
	}

	/**
	 * @param d a duration, possibly negative
	 * @return it rounded to seconds in words, signed: +2m30s, -45s
	 */
	public static String signed(Duration d) {
		long s = d.toSeconds();
		String sign = (s < 0) ? "-" : "+";
		s = Math.abs(s);
		String text = ((s >= 60) ? (s / 60) + "m" : "") + ((s % 60 != 0 || s < 60) ? (s % 60) + "s" : "");
		return sign + text;
	}

	/**
	 * @param t an instant
	 * @return it to the minute, UTC
	 */
	public static String time(Instant t) {
		return TIME.format(t);
	}

	/**
	 * @param v a number
	 * @return it in at most 4 significant digits, without a trailing .0
	 */
	public static String number(double v) {
		if (!Double.isFinite(v)) {
			return String.valueOf(v);
		}
		if (v == Math.rint(v) && Math.abs(v) < 1e15) {
			return String.valueOf((long) v);
		}
		return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
	}

	/**
	 * @param share a share, possibly negative
	 * @return its size in percent: 12.5 %
	 */
	static String percent(double share) {
		return number(Math.abs(share) * 100) + " %";
	}

}
