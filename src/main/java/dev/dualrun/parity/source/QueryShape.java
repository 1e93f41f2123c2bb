package dev.dualrun.parity.source;

import java.util.List;

/**
 * What a side's query reads, as far as the other side's lint rules need it: its series
 * selectors (a metric name and label matchers), and those read over a range. The new
 * side's source gives it ({@link Linted#shape}); an old side's rules check it (an
 * exporter's series of another resource, a unit in the metric's name).
 *
 * @param selectors every series selector of the query
 * @param ranged the selectors read over a range
 */
public record QueryShape(List<Selector> selectors, List<Selector> ranged) {

	public QueryShape {
		selectors = List.copyOf(selectors);
		ranged = List.copyOf(ranged);
	}

	/**
	 * A series selector.
	 *
	 * @param metric the metric name, or null for none
	 * @param matchers its label matchers
	 */
	public record Selector(String metric, List<Matcher> matchers) {

		public Selector {
			matchers = List.copyOf(matchers);
		}

		/**
		 * @param label a label
		 * @return its matcher, or null
		 */
		public Matcher matcher(String label) {
			return this.matchers.stream().filter((m) -> m.label().equals(label)).findFirst().orElse(null);
		}

	}

	/**
	 * A label matcher.
	 *
	 * @param label the label
	 * @param op {@code =}, {@code !=}, {@code =~} or {@code !~}
	 * @param value the value or pattern
	 */
	public record Matcher(String label, String op, String value) {

	}

}
