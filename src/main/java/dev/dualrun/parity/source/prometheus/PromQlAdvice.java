package dev.dualrun.parity.source.prometheus;

import java.util.Set;
import java.util.stream.Collectors;

import dev.dualrun.parity.config.QueryChange;

/**
 * A change a diagnosis advises, worded in PromQL for the query at hand: increase() in
 * place of rate() (per period, not per second) and the reverse, and how to count the
 * series a query sums.
 */
final class PromQlAdvice {

	private PromQlAdvice() {
	}

	/**
	 * @param query the PromQL
	 * @param change the change
	 * @return the change in words, or null when the query has nothing to change
	 */
	static String of(String query, QueryChange change) {
		PromQlTree tree;
		try {
			tree = new PromQlTree(PromQl.parse(query));
		}
		catch (PromQl.SyntaxError ex) {
			return null;
		}
		return switch (change) {
			case PER_PERIOD -> swap(tree, Set.of("rate", "irate"), "increase");
			case PER_SECOND -> swap(tree, Set.of("increase"), "rate");
			case COUNT_SERIES -> tree.selectors.isEmpty() ? null : "compare count by (instance) ("
					+ text(tree.selectors.get(0)) + ") with the sources the old side counts";
			case EARLIER, LATER -> null;
		};
	}

	/**
	 * @param query the PromQL
	 * @return whether it counts by increase() or rate(), which extrapolate to the range's
	 * ends
	 */
	static boolean extrapolates(String query) {
		try {
			PromQlTree tree = new PromQlTree(PromQl.parse(query));
			return tree.calls.contains("increase") || tree.calls.contains("rate");
		}
		catch (PromQl.SyntaxError ex) {
			return false;
		}
	}

	private static String swap(PromQlTree tree, Set<String> from, String to) {
		for (PromQl.Call call : tree.callsByName) {
			if (from.contains(call.name()) && call.args().size() == 1 && call.args().get(0) instanceof PromQl.Range r
					&& !r.subquery() && r.inner() instanceof PromQl.Selector s) {
				String argument = text(s) + "[" + r.range() + "]";
				return "use " + to + "(" + argument + ") in place of " + call.name() + "(" + argument + ")";
			}
		}
		return null;
	}

	/** A selector as PromQL writes it. */
	static String text(PromQl.Selector s) {
		String matchers = s.matchers()
			.stream()
			.map((m) -> m.label() + m.op() + "\"" + m.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining(", "));
		String metric = (s.metric() != null) ? s.metric() : "";
		return matchers.isEmpty() ? metric : metric + "{" + matchers + "}";
	}

}
