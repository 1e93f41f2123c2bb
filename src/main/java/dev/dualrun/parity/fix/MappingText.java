package dev.dualrun.parity.fix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A mapping file's text, edited at the places of its pairs' keys (found by SnakeYAML
 * Engine's composer, which gives each node's position), every other character left as
 * written: comments, order, quoting and blank lines.
 */
final class MappingText {

	private final String text;

	private final Node root;

	private final List<Edit> edits = new ArrayList<>();

	/** A replacement of the characters [start, end). */
	private record Edit(int start, int end, String replacement) {

	}

	/**
	 * @param text the mapping file's text
	 */
	MappingText(String text) {
		this.text = text;
		try {
			this.root = new Compose(LoadSettings.builder().build()).composeString(text).orElse(null);
		}
		catch (org.snakeyaml.engine.v2.exceptions.YamlEngineException ex) {
			throw new IllegalArgumentException("not a YAML file: " + ex.getMessage().lines().findFirst().orElse(""),
					ex);
		}
	}

	/**
	 * Sets a pair's key: its value replaced where the pair has the key, otherwise a line
	 * added after the pair's id.
	 * @param pairId the pair
	 * @param key the key
	 * @param value the value as YAML writes it
	 * @return false if the pair is not in the file
	 */
	boolean setPairKey(String pairId, String key, String value) {
		Optional<MappingNode> pair = pair(pairId);
		if (pair.isEmpty()) {
			return false;
		}
		NodeTuple existing = tuple(pair.get(), key);
		if (existing != null) {
			if (!(existing.getValueNode() instanceof ScalarNode v) || !within(pair.get(), v)) {
				// an alias: its anchor's other users would change too
				return false;
			}
			if (v.getValue().equals(value)) {
				return false;
			}
			this.edits.add(new Edit(start(v), end(v), (start(v) == end(v)) ? " " + value : value));
			return true;
		}
		NodeTuple id = tuple(pair.get(), "id");
		int after = end(id.getValueNode());
		if (pair.get().getFlowStyle() == FlowStyle.FLOW) {
			this.edits.add(new Edit(after, after, ", " + key + ": " + value));
		}
		else {
			int column = id.getKeyNode().getStartMark().map(Mark::getColumn).orElse(4);
			int eol = this.text.indexOf('\n', after);
			boolean crlf = eol > 0 && this.text.charAt(eol - 1) == '\r';
			int at = (eol < 0) ? this.text.length() : (crlf ? eol - 1 : eol);
			this.edits.add(new Edit(at, at, (crlf ? "\r\n" : "\n") + " ".repeat(column) + key + ": " + value));
		}
		return true;
	}

	/**
	 * Rewrites the text of a field of a pair's block.
	 * @param pairId the pair
	 * @param block the block's key (the source's type)
	 * @param field the field
	 * @param rewrite the field's text in the file to its new text, or null for no change
	 * @return whether the field was found and changed
	 */
	boolean rewriteBlockField(String pairId, String block, String field, UnaryOperator<String> rewrite) {
		MappingNode pair = pair(pairId).orElse(null);
		NodeTuple b = (pair != null) ? tuple(pair, block) : null;
		if (b == null || !(b.getValueNode() instanceof MappingNode blockNode)) {
			return false;
		}
		NodeTuple f = tuple(blockNode, field);
		if (f == null || !(f.getValueNode() instanceof ScalarNode v) || !within(pair, v)) {
			return false;
		}
		String changed = rewrite.apply(this.text.substring(start(v), end(v)));
		if (changed == null) {
			return false;
		}
		this.edits.add(new Edit(start(v), end(v), changed));
		return true;
	}

	/**
	 * @return the text with every edit made
	 */
	String edited() {
		StringBuilder out = new StringBuilder(this.text);
		this.edits.stream()
			.sorted(Comparator.comparingInt(Edit::start).reversed())
			.forEach((e) -> out.replace(e.start(), e.end(), e.replacement()));
		return out.toString();
	}

	private Optional<MappingNode> pair(String pairId) {
		if (!(this.root instanceof MappingNode document)) {
			return Optional.empty();
		}
		NodeTuple pairs = tuple(document, "pairs");
		if (pairs == null || !(pairs.getValueNode() instanceof SequenceNode list)) {
			return Optional.empty();
		}
		for (Node item : list.getValue()) {
			if (item instanceof MappingNode pair && tuple(pair, "id") != null
					&& tuple(pair, "id").getValueNode() instanceof ScalarNode id && id.getValue().equals(pairId)) {
				return Optional.of(pair);
			}
		}
		return Optional.empty();
	}

	/** Whether a value is written inside the pair (not an alias of a node elsewhere). */
	private boolean within(Node pair, Node value) {
		return start(value) >= start(pair) && end(value) <= end(pair);
	}

	private static NodeTuple tuple(MappingNode node, String key) {
		for (NodeTuple t : node.getValue()) {
			if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
				return t;
			}
		}
		return null;
	}

	/** SnakeYAML Engine counts code points; the text is indexed by chars. */
	private int start(Node node) {
		return this.text.offsetByCodePoints(0, node.getStartMark().orElseThrow().getIndex());
	}

	private int end(Node node) {
		return this.text.offsetByCodePoints(0, node.getEndMark().orElseThrow().getIndex());
	}

}
