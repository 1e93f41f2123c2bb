package dev.dualrun.parity.source.prometheus;

import java.util.List;

/**
 * The PromQL syntax tree, and {@link #parse} to build it from the grammar the mapping
 * linter needs: vector and range selectors with matchers, {@code offset} and {@code @},
 * subqueries, aggregations with {@code by} or {@code without} before or after their
 * arguments, function calls, unary and binary operators with {@code bool},
 * {@code on}/{@code ignoring} and {@code group_left}/{@code group_right}, numbers,
 * strings and durations. It checks syntax and builds a tree; it does not know which
 * functions exist or what they return (Prometheus does that at query time).
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

	private PromQl() {
	}

	/**
	 * @param query PromQL
	 * @return its tree
	 * @throws SyntaxError naming the column of the first problem
	 */
	public static Node parse(String query) {
		return PromQlParser.parse(query);
	}

}
