package dev.dualrun.parity.demo;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The arithmetic subset of CloudWatch metric math the server supports: numbers, query
 * ids, {@code + - * /}, unary minus and parentheses. Series are matched by timestamp; a
 * timestamp missing in any referenced series, or a division by zero, yields no datapoint.
 */
final class MetricMath {

	private final String text;

	private int pos;

	private MetricMath(String text) {
		this.text = text;
	}

	/**
	 * @param expression the expression
	 * @param series the series of each id, timestamp to value
	 * @return the result series
	 * @throws IllegalArgumentException naming the problem if the expression is not
	 * supported
	 */
	static TreeMap<Long, Double> evaluate(String expression, Map<String, TreeMap<Long, Double>> series) {
		Node node = new MetricMath(expression).parse();
		Set<String> ids = new TreeSet<>();
		node.ids(ids);
		TreeSet<Long> times = null;
		for (String id : ids) {
			TreeMap<Long, Double> s = series.get(id);
			if (s == null) {
				throw new IllegalArgumentException("Unknown metric id '" + id + "' in expression '" + expression + "'");
			}
			if (times == null) {
				times = new TreeSet<>(s.keySet());
			}
			else {
				times.retainAll(s.keySet());
			}
		}
		TreeMap<Long, Double> result = new TreeMap<>();
		if (times == null) {
			return result;
		}
		for (long t : times) {
			double v = node.eval(series, t);
			if (Double.isFinite(v)) {
				result.put(t, v);
			}
		}
		return result;
	}

	private Node parse() {
		Node n = sum();
		skipSpace();
		if (this.pos != this.text.length()) {
			throw unsupported();
		}
		return n;
	}

	private Node sum() {
		Node left = product();
		while (true) {
			skipSpace();
			if (accept('+')) {
				Node l = left;
				Node r = product();
				left = new Op(l, r, '+');
			}
			else if (accept('-')) {
				Node l = left;
				Node r = product();
				left = new Op(l, r, '-');
			}
			else {
				return left;
			}
		}
	}

	private Node product() {
		Node left = unary();
		while (true) {
			skipSpace();
			if (accept('*')) {
				left = new Op(left, unary(), '*');
			}
			else if (accept('/')) {
				left = new Op(left, unary(), '/');
			}
			else {
				return left;
			}
		}
	}

	private Node unary() {
		skipSpace();
		if (accept('-')) {
			return new Op(new Constant(0), unary(), '-');
		}
		if (accept('(')) {
			Node inner = sum();
			skipSpace();
			if (!accept(')')) {
				throw unsupported();
			}
			return inner;
		}
		int start = this.pos;
		if (this.pos < this.text.length() && Character.isLowerCase(this.text.charAt(this.pos))) {
			while (this.pos < this.text.length()
					&& (Character.isLetterOrDigit(this.text.charAt(this.pos)) || this.text.charAt(this.pos) == '_')) {
				this.pos++;
			}
			return new Id(this.text.substring(start, this.pos));
		}
		while (this.pos < this.text.length()
				&& (Character.isDigit(this.text.charAt(this.pos)) || this.text.charAt(this.pos) == '.')) {
			this.pos++;
		}
		if (start == this.pos) {
			throw unsupported();
		}
		return new Constant(Double.parseDouble(this.text.substring(start, this.pos)));
	}

	private boolean accept(char c) {
		if (this.pos < this.text.length() && this.text.charAt(this.pos) == c) {
			this.pos++;
			return true;
		}
		return false;
	}

	private void skipSpace() {
		while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
			this.pos++;
		}
	}

	private IllegalArgumentException unsupported() {
		return new IllegalArgumentException("Unsupported metric math at position " + (this.pos + 1) + " of '"
				+ this.text + "' (this server supports + - * / and parentheses over query ids)");
	}

	private interface Node {

		double eval(Map<String, TreeMap<Long, Double>> series, long t);

		void ids(Set<String> out);

	}

	private record Constant(double value) implements Node {

		public double eval(Map<String, TreeMap<Long, Double>> series, long t) {
			return this.value;
		}

		public void ids(Set<String> out) {
		}

	}

	private record Id(String id) implements Node {

		public double eval(Map<String, TreeMap<Long, Double>> series, long t) {
			return series.get(this.id).get(t);
		}

		public void ids(Set<String> out) {
			out.add(this.id);
		}

	}

	private record Op(Node left, Node right, char op) implements Node {

		public double eval(Map<String, TreeMap<Long, Double>> series, long t) {
			double a = this.left.eval(series, t);
			double b = this.right.eval(series, t);
			return switch (this.op) {
				case '+' -> a + b;
				case '-' -> a - b;
				case '*' -> a * b;
				default -> (b == 0) ? Double.NaN : a / b;
			};
		}

		public void ids(Set<String> out) {
			this.left.ids(out);
			this.right.ids(out);
		}

	}

}
