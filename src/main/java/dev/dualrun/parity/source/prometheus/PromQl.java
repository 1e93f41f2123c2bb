package dev.dualrun.parity.source.prometheus;

import java.util.ArrayList;
import java.util.List;

/**
 * A parser for the PromQL grammar the mapping linter needs: vector and range selectors
 * with matchers, {@code offset} and {@code @}, subqueries, aggregations with {@code by}
 * or {@code without} before or after their arguments, function calls, unary and binary
 * operators with {@code bool}, {@code on}/{@code ignoring} and
 * {@code group_left}/{@code group_right}, numbers, strings and durations. It checks
 * syntax and builds a tree; it does not know which functions exist or what they return
 * (Prometheus does that at query time).
 */
public final class PromQl {

	/** A node of the tree. */
	public sealed interface Node permits Selector, Range, Call, Aggregation, Binary, Literal {

	}

	/**
	 * An instant vector selector.
	 *
	 * @param metric the metric name, or null when only matchers are given
	 * @param matchers the label matchers, e.g. {@code path="/"}, {@code status=~"5.."}
	 */
	public record Selector(String metric, List<Matcher> matchers) implements Node {

	}

	/**
	 * A label matcher.
	 *
	 * @param label the label
	 * @param op one of {@code = != =~ !~}
	 * @param value the value
	 */
	public record Matcher(String label, String op, String value) {

	}

	/**
	 * A range selector or subquery with its modifiers.
	 *
	 * @param inner the selector (or any expression for a subquery)
	 * @param range the range as written, e.g. {@code 5m}
	 * @param subquery whether it is {@code expr[range:step]}
	 * @param offset the offset as written, or null
	 * @param at the {@code @} modifier as written, or null
	 */
	public record Range(Node inner, String range, boolean subquery, String offset, String at) implements Node {

	}

	/**
	 * A function call.
	 *
	 * @param name the function
	 * @param args its arguments
	 * @param offset an offset applied to an instant selector argument, or null
	 */
	public record Call(String name, List<Node> args, String offset) implements Node {

	}

	/**
	 * An aggregation.
	 *
	 * @param op e.g. {@code sum}
	 * @param labels the grouping labels
	 * @param without true for {@code without}, false for {@code by} (or no grouping)
	 * @param grouped whether a grouping clause was written
	 * @param args the arguments (a parameter first for {@code topk}, {@code quantile},
	 * ...)
	 */
	public record Aggregation(String op, List<String> labels, boolean without, boolean grouped,
			List<Node> args) implements Node {

	}

	/**
	 * A binary operation.
	 *
	 * @param op the operator
	 * @param left the left side
	 * @param right the right side
	 * @param bool true for a comparison with {@code bool} (it returns 0 or 1 instead of
	 * filtering)
	 * @param opStart where the operator starts in the query, -1 for a unary sign
	 * @param opEnd where it ends (its modifiers follow)
	 */
	public record Binary(String op, Node left, Node right, boolean bool, int opStart, int opEnd) implements Node {

		Binary(String op, Node left, Node right) {
			this(op, left, right, false, -1, -1);
		}

	}

	/**
	 * A number or string literal.
	 *
	 * @param text the literal as written
	 */
	public record Literal(String text) implements Node {

	}

	/** A syntax error with its 1-based column. */
	public static final class SyntaxError extends RuntimeException {

		private final int column;

		SyntaxError(String message, int column) {
			super(message + " at column " + column);
			this.column = column;
		}

		/**
		 * @return the 1-based column
		 */
		public int column() {
			return this.column;
		}

	}

	private static final java.util.Set<String> AGGREGATIONS = java.util.Set.of("sum", "min", "max", "avg", "group",
			"stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");

	private static final java.util.Set<String> BINARY = java.util.Set.of("+", "-", "*", "/", "%", "^", "==", "!=", ">",
			"<", ">=", "<=", "and", "or", "unless", "atan2");

	private final String text;

	private int pos;

	private PromQl(String text) {
		this.text = text;
	}

	/**
	 * @param query PromQL
	 * @return its tree
	 * @throws SyntaxError naming the column of the first problem
	 */
	public static Node parse(String query) {
		PromQl p = new PromQl(query);
		Node node = p.expression(0);
		p.space();
		if (p.pos < p.text.length()) {
			throw p.error("unexpected '" + p.text.charAt(p.pos) + "'");
		}
		return node;
	}

	private Node expression(int minPrecedence) {
		Node left = unary();
		while (true) {
			space();
			int save = this.pos;
			String op = binaryOperator();
			if (op == null || precedence(op) < minPrecedence) {
				this.pos = save;
				return left;
			}
			int opEnd = this.pos;
			boolean bool = modifiers();
			Node right = expression(op.equals("^") ? precedence(op) : precedence(op) + 1);
			left = new Binary(op, left, right, bool, save, opEnd);
		}
	}

	private static int precedence(String op) {
		return switch (op) {
			case "or" -> 1;
			case "and", "unless" -> 2;
			case "==", "!=", ">", "<", ">=", "<=" -> 3;
			case "+", "-" -> 4;
			case "*", "/", "%", "atan2" -> 5;
			default -> 6;
		};
	}

	private String binaryOperator() {
		for (String op : new String[] { "==", "!=", ">=", "<=", "+", "-", "*", "/", "%", "^", ">", "<" }) {
			if (this.text.startsWith(op, this.pos)) {
				this.pos += op.length();
				return op;
			}
		}
		int save = this.pos;
		String word = identifier();
		if (word != null && BINARY.contains(word)) {
			return word;
		}
		this.pos = save;
		return null;
	}

	/**
	 * {@code bool}, {@code on(...)}/{@code ignoring(...)},
	 * {@code group_left(...)}/{@code group_right(...)}.
	 * @return true if {@code bool} was among them
	 */
	private boolean modifiers() {
		boolean bool = false;
		while (true) {
			space();
			int save = this.pos;
			String word = identifier();
			if ("bool".equals(word)) {
				bool = true;
				continue;
			}
			if ("on".equals(word) || "ignoring".equals(word) || "group_left".equals(word)
					|| "group_right".equals(word)) {
				space();
				if (peek('(')) {
					labelList();
				}
				continue;
			}
			this.pos = save;
			return bool;
		}
	}

	private Node unary() {
		space();
		if (accept('-') || accept('+')) {
			return new Binary("*", new Literal("-1"), unary());
		}
		return postfix(primary());
	}

	private Node postfix(Node node) {
		while (true) {
			space();
			if (accept('[')) {
				space();
				String range = duration();
				space();
				boolean subquery = accept(':');
				if (subquery) {
					space();
					if (!peek(']')) {
						duration();
					}
				}
				space();
				expect(']');
				node = new Range(node, range, subquery, null, null);
				continue;
			}
			int save = this.pos;
			String word = identifier();
			if ("offset".equals(word)) {
				space();
				boolean negative = accept('-');
				String d = (negative ? "-" : "") + duration();
				node = (node instanceof Range r) ? new Range(r.inner(), r.range(), r.subquery(), d, r.at())
						: new Range(node, null, false, d, null);
				continue;
			}
			this.pos = save;
			if (accept('@')) {
				space();
				int from = this.pos;
				if (!number()) {
					identifier();
					space();
					expect('(');
					space();
					expect(')');
				}
				String at = this.text.substring(from, this.pos).strip();
				node = (node instanceof Range r) ? new Range(r.inner(), r.range(), r.subquery(), r.offset(), at)
						: new Range(node, null, false, null, at);
				continue;
			}
			return node;
		}
	}

	private Node primary() {
		space();
		if (this.pos >= this.text.length()) {
			throw error("unexpected end of query");
		}
		char c = this.text.charAt(this.pos);
		if (c == '(') {
			this.pos++;
			Node inner = expression(0);
			space();
			expect(')');
			return inner;
		}
		if (c == '"' || c == '\'' || c == '`') {
			return new Literal(string());
		}
		if (c == '{') {
			return new Selector(null, matchers());
		}
		int start = this.pos;
		if (number()) {
			return new Literal(this.text.substring(start, this.pos));
		}
		String name = metricName();
		if (name == null) {
			throw error("unexpected '" + c + "'");
		}
		space();
		if (AGGREGATIONS.contains(name) && (peek('(') || lookingAtWord("by") || lookingAtWord("without"))) {
			return aggregation(name);
		}
		if (peek('(')) {
			this.pos++;
			List<Node> args = arguments();
			return new Call(name, args, null);
		}
		List<Matcher> matchers = peek('{') ? matchers() : List.of();
		return new Selector(name, matchers);
	}

	private Node aggregation(String op) {
		List<String> labels = List.of();
		boolean without = false;
		boolean grouped = false;
		if (lookingAtWord("by") || lookingAtWord("without")) {
			without = identifier().equals("without");
			grouped = true;
			space();
			labels = labelList();
			space();
		}
		expect('(');
		List<Node> args = arguments();
		space();
		if (!grouped && (lookingAtWord("by") || lookingAtWord("without"))) {
			without = identifier().equals("without");
			grouped = true;
			space();
			labels = labelList();
		}
		return new Aggregation(op, labels, without, grouped, args);
	}

	private List<Node> arguments() {
		List<Node> args = new ArrayList<>();
		space();
		if (accept(')')) {
			return args;
		}
		do {
			args.add(expression(0));
			space();
		}
		while (accept(','));
		expect(')');
		return args;
	}

	private List<String> labelList() {
		expect('(');
		List<String> labels = new ArrayList<>();
		space();
		while (!accept(')')) {
			String label = identifier();
			if (label == null) {
				throw error("expected a label name");
			}
			labels.add(label);
			space();
			if (!accept(',')) {
				space();
				expect(')');
				break;
			}
			space();
		}
		return labels;
	}

	private List<Matcher> matchers() {
		expect('{');
		List<Matcher> matchers = new ArrayList<>();
		space();
		while (!accept('}')) {
			String label = peek('"') ? string() : metricName();
			if (label == null) {
				throw error("expected a label name");
			}
			space();
			String op = null;
			for (String o : new String[] { "=~", "!~", "!=", "=" }) {
				if (this.text.startsWith(o, this.pos)) {
					op = o;
					this.pos += o.length();
					break;
				}
			}
			if (op == null) {
				throw error("expected =, !=, =~ or !~ after label '" + label + "'");
			}
			space();
			matchers.add(new Matcher(label, op, string()));
			space();
			if (!accept(',')) {
				space();
				expect('}');
				break;
			}
			space();
		}
		return matchers;
	}

	private String string() {
		if (this.pos >= this.text.length()) {
			throw error("expected a string");
		}
		char quote = this.text.charAt(this.pos);
		if (quote != '"' && quote != '\'' && quote != '`') {
			throw error("expected a quoted string");
		}
		StringBuilder sb = new StringBuilder();
		this.pos++;
		while (this.pos < this.text.length() && this.text.charAt(this.pos) != quote) {
			char c = this.text.charAt(this.pos++);
			if (c == '\\' && quote != '`' && this.pos < this.text.length()) {
				c = this.text.charAt(this.pos++);
			}
			sb.append(c);
		}
		expect(quote);
		return sb.toString();
	}

	private String duration() {
		int start = this.pos;
		while (this.pos < this.text.length() && (Character.isDigit(this.text.charAt(this.pos))
				|| "smhdwy".indexOf(this.text.charAt(this.pos)) >= 0)) {
			this.pos++;
		}
		String d = this.text.substring(start, this.pos);
		if (!d.matches("(\\d+(ms|s|m|h|d|w|y))+") && !d.matches("\\d+")) {
			throw error("expected a duration such as 5m, got '" + d + "'");
		}
		return d;
	}

	private boolean number() {
		int start = this.pos;
		if (this.text.startsWith("0x", this.pos)) {
			this.pos += 2;
		}
		while (this.pos < this.text.length()
				&& (Character.isDigit(this.text.charAt(this.pos)) || this.text.charAt(this.pos) == '.')) {
			this.pos++;
		}
		if (this.pos > start && this.pos < this.text.length()
				&& (this.text.charAt(this.pos) == 'e' || this.text.charAt(this.pos) == 'E')) {
			this.pos++;
			accept('-');
			accept('+');
			while (this.pos < this.text.length() && Character.isDigit(this.text.charAt(this.pos))) {
				this.pos++;
			}
		}
		if (this.pos > start && this.pos < this.text.length() && Character.isLetter(this.text.charAt(this.pos))) {
			this.pos = start;
			return false;
		}
		return this.pos > start;
	}

	private String metricName() {
		int start = this.pos;
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos);
			if (Character.isLetterOrDigit(c) || c == '_' || c == ':') {
				this.pos++;
			}
			else {
				break;
			}
		}
		if (this.pos == start || Character.isDigit(this.text.charAt(start))) {
			this.pos = start;
			return null;
		}
		return this.text.substring(start, this.pos);
	}

	private String identifier() {
		int start = this.pos;
		while (this.pos < this.text.length()
				&& (Character.isLetterOrDigit(this.text.charAt(this.pos)) || this.text.charAt(this.pos) == '_')) {
			this.pos++;
		}
		return (this.pos > start) ? this.text.substring(start, this.pos) : null;
	}

	private boolean lookingAtWord(String word) {
		int save = this.pos;
		String id = identifier();
		this.pos = save;
		return word.equals(id);
	}

	private void space() {
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos);
			if (Character.isWhitespace(c)) {
				this.pos++;
			}
			else if (c == '#') {
				while (this.pos < this.text.length() && this.text.charAt(this.pos) != '\n') {
					this.pos++;
				}
			}
			else {
				return;
			}
		}
	}

	private boolean peek(char c) {
		return this.pos < this.text.length() && this.text.charAt(this.pos) == c;
	}

	private boolean accept(char c) {
		if (peek(c)) {
			this.pos++;
			return true;
		}
		return false;
	}

	private void expect(char c) {
		space();
		if (!accept(c)) {
			throw error("expected '" + c + "'" + ((this.pos < this.text.length())
					? " but found '" + this.text.charAt(this.pos) + "'" : " but the query ended"));
		}
	}

	private SyntaxError error(String message) {
		return new SyntaxError(message, this.pos + 1);
	}

}
