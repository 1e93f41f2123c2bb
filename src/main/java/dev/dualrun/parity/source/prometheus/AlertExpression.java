package dev.dualrun.parity.source.prometheus;

import dev.dualrun.parity.alert.Comparison;

/**
 * An alerting rule's expression split into what it watches and how it compares:
 * {@code <series> <op> <number>} (or {@code <number> <op> <series>}) at the top level,
 * optionally followed by {@code or absent(...)}, which fires on no data. Anything else,
 * or what the tool's PromQL parser ({@link PromQl}) does not read, is watched whole: the
 * rule is active where the expression has a sample.
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
		PromQl.Node root;
		try {
			root = PromQl.parse(e);
		}
		catch (PromQl.SyntaxError ex) {
			return new AlertExpression(e, null, Double.NaN, false);
		}
		boolean absence = false;
		if (root instanceof PromQl.Binary or && or.op().equals("or") && or.right() instanceof PromQl.Call call
				&& (call.name().equals("absent") || call.name().equals("absent_over_time"))) {
			absence = true;
			root = or.left();
			e = strip(e.substring(0, or.opStart()));
		}
		if (root instanceof PromQl.Binary cmp && !cmp.bool() && cmp.opStart() >= 0) {
			Comparison c = Comparison.ofSymbol(cmp.op());
			Double right = number(cmp.right());
			Double left = number(cmp.left());
			if (c != null && right != null) {
				return new AlertExpression(strip(e.substring(0, cmp.opStart())), c, right, absence);
			}
			if (c != null && left != null) {
				return new AlertExpression(strip(e.substring(cmp.opEnd())), c.swapped(), left, absence);
			}
		}
		return new AlertExpression(e, null, Double.NaN, absence);
	}

	/** A number literal, or a negative one (the parser reads {@code -5} as -1 * 5). */
	private static Double number(PromQl.Node node) {
		try {
			if (node instanceof PromQl.Literal l) {
				return Double.parseDouble(l.text());
			}
			if (node instanceof PromQl.Binary b && b.opStart() < 0 && b.left() instanceof PromQl.Literal sign
					&& b.right() instanceof PromQl.Literal l) {
				return Double.parseDouble(sign.text()) * Double.parseDouble(l.text());
			}
		}
		catch (NumberFormatException ex) {
			// a string literal
		}
		return null;
	}

	/** The text without its outer whitespace and enclosing parentheses. */
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

}
