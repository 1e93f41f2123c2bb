package dev.dualrun.parity.source.prometheus;

import java.util.ArrayList;
import java.util.List;

import dev.dualrun.parity.alert.Comparison;

/**
 * An alerting rule's expression split into what it watches and how it compares:
 * {@code <series> <op> <number>} (or {@code <number> <op> <series>}) at the top level,
 * optionally followed by {@code or absent(...)}, which fires on no data. Anything else is
 * watched whole: the rule is active where the expression has a sample.
 *
 * @param watched the series' expression (the whole expression if it is not a comparison
 * with a number)
 * @param comparison the comparison, or null
 * @param threshold the number, NaN if none
 * @param firesOnAbsence true if the expression ends in {@code or absent(...)} or
 * {@code or absent_over_time(...)}
 */
record AlertExpression(String watched, Comparison comparison, double threshold, boolean firesOnAbsence) {

	/**
	 * @param expr a rule's expression
	 * @return it split
	 */
	static AlertExpression parse(String expr) {
		String e = expr.strip();
		boolean absence = false;
		List<int[]> ors = topLevel(e, "or");
		if (ors.size() == 1) {
			String right = e.substring(ors.get(0)[1]).strip();
			if (right.matches("(?s)absent(_over_time)?\\s*\\(.*\\)")) {
				absence = true;
				e = e.substring(0, ors.get(0)[0]).strip();
			}
		}
		if (!topLevel(e, "or").isEmpty() || !topLevel(e, "and").isEmpty() || !topLevel(e, "unless").isEmpty()) {
			return new AlertExpression(e, null, Double.NaN, absence);
		}
		List<int[]> ops = comparisons(e);
		if (ops.size() != 1) {
			return new AlertExpression(e, null, Double.NaN, absence);
		}
		int[] op = ops.get(0);
		String symbol = e.substring(op[0], op[1]);
		String left = strip(e.substring(0, op[0]));
		String right = strip(e.substring(op[1]));
		if (right.startsWith("bool")) {
			return new AlertExpression(e, null, Double.NaN, absence);
		}
		Comparison c = Comparison.ofSymbol(symbol);
		if (c == null) {
			return new AlertExpression(e, null, Double.NaN, absence);
		}
		Double number = number(right);
		if (number != null) {
			return new AlertExpression(left, c, number, absence);
		}
		number = number(left);
		if (number != null) {
			return new AlertExpression(right, c.swapped(), number, absence);
		}
		return new AlertExpression(e, null, Double.NaN, absence);
	}

	private static String strip(String s) {
		String t = s.strip();
		while (t.startsWith("(") && t.endsWith(")") && closes(t)) {
			t = t.substring(1, t.length() - 1).strip();
		}
		return t;
	}

	/** True if the parenthesis that opens t closes at its last character. */
	private static boolean closes(String t) {
		int depth = 0;
		for (int i = 0; i < t.length(); i++) {
			char ch = t.charAt(i);
			if (ch == '(') {
				depth++;
			}
			else if (ch == ')') {
				depth--;
				if (depth == 0 && i < t.length() - 1) {
					return false;
				}
			}
		}
		return true;
	}

	private static Double number(String s) {
		String t = strip(s);
		try {
			if (t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
				return Double.parseDouble(t);
			}
		}
		catch (NumberFormatException ex) {
			// not a number
		}
		return null;
	}

	/** Top-level comparison operators (outside brackets and strings): start, end. */
	private static List<int[]> comparisons(String e) {
		List<int[]> out = new ArrayList<>();
		scan(e, (i, depth) -> {
			if (depth != 0) {
				return 1;
			}
			char ch = e.charAt(i);
			char next = (i + 1 < e.length()) ? e.charAt(i + 1) : 0;
			if ((ch == '>' || ch == '<') && next == '=') {
				out.add(new int[] { i, i + 2 });
				return 2;
			}
			if (ch == '>' || ch == '<') {
				out.add(new int[] { i, i + 1 });
				return 1;
			}
			if ((ch == '=' || ch == '!') && next == '=') {
				out.add(new int[] { i, i + 2 });
				return 2;
			}
			return 1;
		});
		return out;
	}

	/** Top-level keyword operators ({@code or}, {@code and}, {@code unless}). */
	private static List<int[]> topLevel(String e, String word) {
		List<int[]> out = new ArrayList<>();
		scan(e, (i, depth) -> {
			if (depth == 0 && e.startsWith(word, i) && (i == 0 || !ident(e.charAt(i - 1)))
					&& (i + word.length() >= e.length() || !ident(e.charAt(i + word.length())))) {
				out.add(new int[] { i, i + word.length() });
				return word.length();
			}
			return 1;
		});
		return out;
	}

	private static boolean ident(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == ':';
	}

	private interface Visitor {

		/**
		 * @return characters to advance
		 */
		int at(int index, int depth);

	}

	/** Walks the expression outside strings, with the bracket depth. */
	private static void scan(String e, Visitor visitor) {
		int depth = 0;
		int i = 0;
		while (i < e.length()) {
			char ch = e.charAt(i);
			if (ch == '"' || ch == '\'' || ch == '`') {
				int j = i + 1;
				while (j < e.length() && e.charAt(j) != ch) {
					j += (e.charAt(j) == '\\' && ch != '`') ? 2 : 1;
				}
				i = j + 1;
				continue;
			}
			if (ch == '(' || ch == '[' || ch == '{') {
				depth++;
				i++;
				continue;
			}
			if (ch == ')' || ch == ']' || ch == '}') {
				depth--;
				i++;
				continue;
			}
			i += visitor.at(i, depth);
		}
	}

}
