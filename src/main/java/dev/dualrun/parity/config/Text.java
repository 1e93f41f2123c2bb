package dev.dualrun.parity.config;

/**
 * Text from outside (a backend's error body, a mapping value, an exception) made fit for
 * one line of a terminal, a log or a stored message: runs of white space become one
 * space, other control characters are escaped as {@code \xNN} (or {@code \\uNNNN}), so
 * nothing a backend says can move the cursor, clear the screen or end a line.
 */
public final class Text {

	/** Stored messages are cut to this many characters. */
	public static final int MAX_LINE = 3900;

	private Text() {
	}

	/**
	 * @param text any text, or null
	 * @return it on one line with control characters escaped, at most {@link #MAX_LINE}
	 * characters
	 */
	public static String oneLine(String text) {
		return oneLine(text, MAX_LINE);
	}

	/**
	 * @param text any text, or null
	 * @param max the longest result
	 * @return it on one line with control characters escaped, cut to {@code max}
	 * characters with {@code ...}
	 */
	public static String oneLine(String text, int max) {
		if (text == null) {
			return "unknown failure";
		}
		StringBuilder out = new StringBuilder(Math.min(text.length(), max + 8));
		boolean space = false;
		for (int i = 0; i < text.length() && out.length() <= max; i++) {
			char c = text.charAt(i);
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b) {
				space = out.length() > 0;
				continue;
			}
			if (space) {
				out.append(' ');
				space = false;
			}
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\ufeff'
					|| (Character.isSurrogate(c) && !validSurrogate(text, i))) {
				out.append((c <= 0xff) ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return (out.length() > max) ? out.substring(0, max - 3) + "..." : out.toString();
	}

	private static boolean validSurrogate(String s, int i) {
		char c = s.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
		}
		return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
	}

	/**
	 * @param text a message
	 * @param secrets values that must never be shown (passwords, tokens); null and blank
	 * ones are ignored
	 * @return the message with every secret replaced by {@code ***}
	 */
	public static String redact(String text, Iterable<String> secrets) {
		if (text == null) {
			return null;
		}
		String out = text;
		for (String secret : secrets) {
			if (secret != null && secret.length() >= 3) {
				out = out.replace(secret, "***");
			}
		}
		return out;
	}

}
