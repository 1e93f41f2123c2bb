package dev.dualrun.parity.source.prometheus;

import java.util.ArrayList;
import java.util.List;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import dev.dualrun.parity.alert.Comparison;
import dev.dualrun.parity.config.AlertChange;
import dev.dualrun.parity.config.AlertMapping;
import dev.dualrun.parity.config.YamlEdits;

/**
 * A Prometheus rule file ({@code groups[].rules[]}) with one alerting rule changed as an
 * alert finding implies: its {@code for}, or the threshold or operator of an expression
 * {@code <series> <op> <number>}. Every other character stays as written.
 */
final class RuleFileText {

	private RuleFileText() {
	}

	/**
	 * @param text the rule file's text
	 * @param ref the rule, by name and, if given, group
	 * @param change the change
	 * @return the file's new text, or null when the file does not hold that rule (one
	 * only), or the change is made already or cannot be written in its expression
	 * @throws IllegalArgumentException if the text is not YAML
	 */
	static String rewrite(String text, AlertMapping.Ref ref, AlertChange change) {
		YamlEdits yaml = new YamlEdits(text);
		List<MappingNode> rules = rules(yaml.root(), ref);
		if (rules.size() != 1) {
			return null;
		}
		MappingNode rule = rules.get(0);
		boolean changed = (change.kind() == AlertChange.Kind.HOLD_FOR) ? holdFor(yaml, rule, change.value())
				: expression(yaml, rule, change);
		return changed ? yaml.edited() : null;
	}

	private static boolean holdFor(YamlEdits yaml, MappingNode rule, String value) {
		NodeTuple existing = YamlEdits.tuple(rule, "for");
		if (existing == null) {
			// after the name: a one-line scalar, where a block expression may not end a
			// line
			yaml.addAfter(rule, YamlEdits.tuple(rule, "alert"), "for", value);
			return true;
		}
		if (!(existing.getValueNode() instanceof ScalarNode v) || v.getValue().equals(value) || !yaml.within(rule, v)) {
			// an alias: its anchor's other users would change too
			return false;
		}
		yaml.replace(v, value);
		return true;
	}

	private static boolean expression(YamlEdits yaml, MappingNode rule, AlertChange change) {
		NodeTuple expr = YamlEdits.tuple(rule, "expr");
		if (expr == null || !(expr.getValueNode() instanceof ScalarNode v) || !yaml.within(rule, v)) {
			return false;
		}
		String[] span = comparisonSpan(v.getValue(), change);
		if (span == null || span[0].equals(span[1])) {
			return false;
		}
		String raw = yaml.text(v);
		int at = raw.indexOf(span[0]);
		if (at < 0 || raw.indexOf(span[0], at + 1) >= 0) {
			// written apart from the value (escaped, folded) or more than once
			return false;
		}
		yaml.replace(v, raw.substring(0, at) + span[1] + raw.substring(at + span[0].length()));
		return true;
	}

	/**
	 * @param expr a rule's expression
	 * @param change a change of its threshold or operator
	 * @return the text from the operator to the number (or the reverse) as written and as
	 * changed, or null when the expression is not a comparison with a number
	 */
	static String[] comparisonSpan(String expr, AlertChange change) {
		PromQl.Node root;
		try {
			root = PromQl.parse(expr);
		}
		catch (PromQl.SyntaxError ex) {
			return null;
		}
		if (root instanceof PromQl.Binary or && or.op().equals("or")) {
			root = or.left();
		}
		if (!(root instanceof PromQl.Binary cmp) || cmp.bool() || cmp.opStart() < 0
				|| Comparison.ofSymbol(cmp.op()) == null) {
			return null;
		}
		boolean numberRight = cmp.right() instanceof PromQl.Literal;
		if (!numberRight && !(cmp.left() instanceof PromQl.Literal)) {
			return null;
		}
		String number = ((PromQl.Literal) (numberRight ? cmp.right() : cmp.left())).text();
		int from = numberRight ? cmp.opStart() : expr.indexOf(number);
		int to = numberRight ? expr.indexOf(number, cmp.opEnd()) + number.length() : cmp.opEnd();
		if (from < 0 || to < from) {
			return null;
		}
		String written = expr.substring(from, to);
		String op = expr.substring(cmp.opStart(), cmp.opEnd());
		String changed = switch (change.kind()) {
			case OPERATOR -> written.replace(op,
					numberRight ? change.value() : Comparison.ofSymbol(change.value()).swapped().symbol());
			case THRESHOLD -> written.replace(number, change.value());
			case HOLD_FOR -> written;
		};
		return new String[] { written, changed };
	}

	/** The alerting rules of that name (in that group, if named). */
	private static List<MappingNode> rules(Node root, AlertMapping.Ref ref) {
		List<MappingNode> out = new ArrayList<>();
		if (!(root instanceof MappingNode doc) || YamlEdits.tuple(doc, "groups") == null
				|| !(YamlEdits.tuple(doc, "groups").getValueNode() instanceof SequenceNode groups)) {
			return out;
		}
		for (Node g : groups.getValue()) {
			if (!(g instanceof MappingNode group)
					|| (ref.group() != null && !ref.group().equals(YamlEdits.scalar(group, "name")))) {
				continue;
			}
			NodeTuple rules = YamlEdits.tuple(group, "rules");
			if (rules != null && rules.getValueNode() instanceof SequenceNode list) {
				list.getValue()
					.stream()
					.filter((r) -> r instanceof MappingNode m && ref.name().equals(YamlEdits.scalar(m, "alert")))
					.forEach((r) -> out.add((MappingNode) r));
			}
		}
		return out;
	}

}
