package dev.dualrun.parity.source.prometheus;

import java.util.ArrayList;
import java.util.List;

import dev.dualrun.parity.source.prometheus.PromQl.Aggregation;
import dev.dualrun.parity.source.prometheus.PromQl.Binary;
import dev.dualrun.parity.source.prometheus.PromQl.Call;
import dev.dualrun.parity.source.prometheus.PromQl.Literal;
import dev.dualrun.parity.source.prometheus.PromQl.Matcher;
import dev.dualrun.parity.source.prometheus.PromQl.Node;
import dev.dualrun.parity.source.prometheus.PromQl.Range;
import dev.dualrun.parity.source.prometheus.PromQl.Selector;
import dev.dualrun.parity.source.prometheus.PromQl.SyntaxError;

/**
 * Builds the {@link PromQl} tree of a query by recursive descent, operators by their
 * precedence ({@code ^} to the right, the others to the left), from the words a
 * {@link PromQlScanner} reads.
 */
final class PromQlParser {

	private static final java.util.Set<String> AGGREGATIONS = java.util.Set.of("sum", "min", "max", "avg", "group",
			"stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");

	private static final java.util.Set<String> BINARY = java.util.Set.of("+", "-", "*", "/", "%", "^", "==", "!=", ">",
			"<", ">=", "<=", "and", "or", "unless", "atan2");

	private final PromQlScanner in;

	private PromQlParser(String query) {
		this.in = new PromQlScanner(query);
	}

	/**
	 * @param query PromQL
	 * @return its tree
	 * @throws SyntaxError naming the column of the first problem
	 */
	static Node parse(String query) {
		PromQlParser p = new PromQlParser(query);
		Node node = p.expression(0);
		p.in.space();
		if (!p.in.atEnd()) {
			throw p.in.error("unexpected '" + p.in.current() + "'");
		}
		return node;
	}

	private Node expression(int minPrecedence) {
		Node left = unary();
		while (true) {
			this.in.space();
			int save = this.in.pos();
			String op = binaryOperator();
			if (op == null || precedence(op) < minPrecedence) {
				this.in.reset(save);
				return left;
			}
			int opEnd = this.in.pos();
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
		String symbol = this.in.acceptAny("==", "!=", ">=", "<=", "+", "-", "*", "/", "%", "^", ">", "<");
		if (symbol != null) {
			return symbol;
		}
		int save = this.in.pos();
		String word = this.in.identifier();
		if (word != null && BINARY.contains(word)) {
			return word;
		}
		this.in.reset(save);
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
			this.in.space();
			int save = this.in.pos();
			String word = this.in.identifier();
			if ("bool".equals(word)) {
				bool = true;
				continue;
			}
			if ("on".equals(word) || "ignoring".equals(word) || "group_left".equals(word)
					|| "group_right".equals(word)) {
				this.in.space();
				if (this.in.peek('(')) {
					labelList();
				}
				continue;
			}
			this.in.reset(save);
			return bool;
		}
	}

	private Node unary() {
		this.in.space();
		if (this.in.accept('-')) {
			return new Binary("*", new Literal("-1"), unary());
		}
		if (this.in.accept('+')) {
			// a plus sign changes nothing
			return unary();
		}
		return postfix(primary());
	}

	private Node postfix(Node node) {
		while (true) {
			this.in.space();
			if (this.in.accept('[')) {
				this.in.space();
				String range = this.in.duration();
				this.in.space();
				boolean subquery = this.in.accept(':');
				if (subquery) {
					this.in.space();
					if (!this.in.peek(']')) {
						this.in.duration();
					}
				}
				this.in.space();
				this.in.expect(']');
				node = new Range(node, range, subquery, null, null);
				continue;
			}
			int save = this.in.pos();
			String word = this.in.identifier();
			if ("offset".equals(word)) {
				this.in.space();
				boolean negative = this.in.accept('-');
				String d = (negative ? "-" : "") + this.in.duration();
				node = (node instanceof Range r) ? new Range(r.inner(), r.range(), r.subquery(), d, r.at())
						: new Range(node, null, false, d, null);
				continue;
			}
			this.in.reset(save);
			if (this.in.accept('@')) {
				this.in.space();
				int from = this.in.pos();
				if (!this.in.number()) {
					this.in.identifier();
					this.in.space();
					this.in.expect('(');
					this.in.space();
					this.in.expect(')');
				}
				String at = this.in.since(from).strip();
				node = (node instanceof Range r) ? new Range(r.inner(), r.range(), r.subquery(), r.offset(), at)
						: new Range(node, null, false, null, at);
				continue;
			}
			return node;
		}
	}

	private Node primary() {
		this.in.space();
		if (this.in.atEnd()) {
			throw this.in.error("unexpected end of query");
		}
		char c = this.in.current();
		if (c == '(') {
			this.in.advance();
			Node inner = expression(0);
			this.in.space();
			this.in.expect(')');
			return inner;
		}
		if (c == '"' || c == '\'' || c == '`') {
			return new Literal(this.in.string());
		}
		if (c == '{') {
			return new Selector(null, matchers());
		}
		int start = this.in.pos();
		if (this.in.number()) {
			return new Literal(this.in.since(start));
		}
		String name = this.in.metricName();
		if (name == null) {
			throw this.in.error("unexpected '" + c + "'");
		}
		this.in.space();
		if (AGGREGATIONS.contains(name)
				&& (this.in.peek('(') || this.in.lookingAtWord("by") || this.in.lookingAtWord("without"))) {
			return aggregation(name);
		}
		if (this.in.peek('(')) {
			this.in.advance();
			List<Node> args = arguments();
			return new Call(name, args, null);
		}
		List<Matcher> matchers = this.in.peek('{') ? matchers() : List.of();
		return new Selector(name, matchers);
	}

	private Node aggregation(String op) {
		List<String> labels = List.of();
		boolean without = false;
		boolean grouped = false;
		if (this.in.lookingAtWord("by") || this.in.lookingAtWord("without")) {
			without = this.in.identifier().equals("without");
			grouped = true;
			this.in.space();
			labels = labelList();
			this.in.space();
		}
		this.in.expect('(');
		List<Node> args = arguments();
		this.in.space();
		if (!grouped && (this.in.lookingAtWord("by") || this.in.lookingAtWord("without"))) {
			without = this.in.identifier().equals("without");
			grouped = true;
			this.in.space();
			labels = labelList();
		}
		return new Aggregation(op, labels, without, grouped, args);
	}

	private List<Node> arguments() {
		List<Node> args = new ArrayList<>();
		this.in.space();
		if (this.in.accept(')')) {
			return args;
		}
		do {
			args.add(expression(0));
			this.in.space();
		}
		while (this.in.accept(','));
		this.in.expect(')');
		return args;
	}

	private List<String> labelList() {
		this.in.expect('(');
		List<String> labels = new ArrayList<>();
		this.in.space();
		while (!this.in.accept(')')) {
			String label = this.in.identifier();
			if (label == null) {
				throw this.in.error("expected a label name");
			}
			labels.add(label);
			this.in.space();
			if (!this.in.accept(',')) {
				this.in.space();
				this.in.expect(')');
				break;
			}
			this.in.space();
		}
		return labels;
	}

	private List<Matcher> matchers() {
		this.in.expect('{');
		List<Matcher> matchers = new ArrayList<>();
		this.in.space();
		while (!this.in.accept('}')) {
			String label = this.in.peek('"') ? this.in.string() : this.in.metricName();
			if (label == null) {
				throw this.in.error("expected a label name");
			}
			this.in.space();
			String op = this.in.acceptAny("=~", "!~", "!=", "=");
			if (op == null) {
				throw this.in.error("expected =, !=, =~ or !~ after label '" + label + "'");
			}
			this.in.space();
			matchers.add(new Matcher(label, op, this.in.string()));
			this.in.space();
			if (!this.in.accept(',')) {
				this.in.space();
				this.in.expect('}');
				break;
			}
			this.in.space();
		}
		return matchers;
	}

}
