package dev.dualrun.parity.source.prometheus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything of interest in a PromQL tree, collected once: ranges, selectors,
 * aggregations, calls.
 */
final class PromQlTree {

	final PromQl.Node root;

	final List<PromQl.Range> ranges = new ArrayList<>();

	final List<PromQl.Selector> selectors = new ArrayList<>();

	final List<PromQl.Aggregation> aggregations = new ArrayList<>();

	final List<PromQl.Call> callsByName = new ArrayList<>();

	final Set<String> calls = new HashSet<>();

	PromQlTree(PromQl.Node root) {
		this.root = root;
		walk(root);
	}

	private void walk(PromQl.Node node) {
		if (node instanceof PromQl.Range r) {
			this.ranges.add(r);
			walk(r.inner());
		}
		else if (node instanceof PromQl.Selector s) {
			this.selectors.add(s);
		}
		else if (node instanceof PromQl.Call c) {
			this.callsByName.add(c);
			this.calls.add(c.name());
			c.args().forEach(this::walk);
		}
		else if (node instanceof PromQl.Aggregation a) {
			this.aggregations.add(a);
			a.args().forEach(this::walk);
		}
		else if (node instanceof PromQl.Binary b) {
			walk(b.left());
			walk(b.right());
		}
	}

}
