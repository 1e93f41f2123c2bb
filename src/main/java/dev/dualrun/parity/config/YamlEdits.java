package dev.dualrun.parity.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML file's text edited at the places of its nodes (found by SnakeYAML Engine's
 * composer, which gives each node's position), every other character left as written:
 * comments, order, quoting and blank lines. Edits are collected, then made at once.
 */
public final class YamlEdits {

	private final String text;

	private final Node root;

	private final List<Edit> edits = new ArrayList<>();

	/** A replacement of the characters [start, end). */
	private record Edit(int start, int end, String replacement) {

	}

	/**
	 * @param text the file's text
	 * @throws IllegalArgumentException if it is not YAML
	 */
	public YamlEdits(String text) {
		this.text = text;
		try {
			this.root = new Compose(LoadSettings.builder().build()).composeString(text).orElse(null);
		}
		catch (YamlEngineException ex) {
			throw new IllegalArgumentException("not a YAML file: " + ex.getMessage().lines().findFirst().orElse(""),
					ex);
		}
	}

	/**
	 * @return the document's root node, or null for an empty file
	 */
	public Node root() {
		return this.root;
	}

	/**
	 * @param node a mapping
	 * @param key a key
	 * @return its entry, or null
	 */
	public static NodeTuple tuple(MappingNode node, String key) {
		for (NodeTuple t : node.getValue()) {
			if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
				return t;
			}
		}
		return null;
	}

	/**
	 * @param node a mapping
	 * @param key a key
	 * @return its value if it is a scalar, else null
	 */
	public static String scalar(MappingNode node, String key) {
		NodeTuple t = tuple(node, key);
		return (t != null && t.getValueNode() instanceof ScalarNode s) ? s.getValue() : null;
	}

	/**
	 * @param node a node
	 * @return its text as written
	 */
	public String text(Node node) {
		return this.text.substring(start(node), end(node));
	}

	/**
	 * Replaces a node's text; an empty value ({@code key:}) gets a space before it.
	 * @param node the node
	 * @param replacement its new text
	 */
	public void replace(Node node, String replacement) {
		boolean empty = start(node) == end(node);
		this.edits.add(new Edit(start(node), end(node), empty ? " " + replacement : replacement));
	}

	/**
	 * Adds an entry to a mapping after one of its entries: a line at the entry's column
	 * in a block mapping (with the file's line ends), {@code , key: value} in a flow one.
	 * @param mapping the mapping
	 * @param after the entry to add it after
	 * @param key the key
	 * @param value the value as YAML writes it
	 */
	public void addAfter(MappingNode mapping, NodeTuple after, String key, String value) {
		int end = end(after.getValueNode());
		if (mapping.getFlowStyle() == FlowStyle.FLOW) {
			this.edits.add(new Edit(end, end, ", " + key + ": " + value));
			return;
		}
		int column = after.getKeyNode().getStartMark().map(Mark::getColumn).orElse(0);
		int eol = this.text.indexOf('\n', end);
		boolean crlf = eol > 0 && this.text.charAt(eol - 1) == '\r';
		String line = " ".repeat(column) + key + ": " + value;
		if (after.getValueNode() instanceof ScalarNode scalar
				&& (scalar.getScalarStyle() == ScalarStyle.LITERAL || scalar.getScalarStyle() == ScalarStyle.FOLDED)) {
			// a block scalar ends at the start of the line after its last, or at the
			// end of a file without a last line break
			String lineEnd = crlf ? "\r\n" : "\n";
			boolean atLineStart = end == 0 || this.text.charAt(end - 1) == '\n';
			this.edits.add(new Edit(end, end, atLineStart ? line + lineEnd : lineEnd + line));
			return;
		}
		int at = (eol < 0) ? this.text.length() : (crlf ? eol - 1 : eol);
		this.edits.add(new Edit(at, at, (crlf ? "\r\n" : "\n") + line));
	}

	/**
	 * @param outer a node
	 * @param inner another
	 * @return whether the other is written inside the first (not an alias of a node
	 * elsewhere)
	 */
	public boolean within(Node outer, Node inner) {
		return start(inner) >= start(outer) && end(inner) <= end(outer);
	}

	/**
	 * @return the text with every edit made
	 */
	public String edited() {
		StringBuilder out = new StringBuilder(this.text);
		this.edits.stream()
			.sorted(Comparator.comparingInt(Edit::start).reversed())
			.forEach((e) -> out.replace(e.start(), e.end(), e.replacement()));
		return out.toString();
	}

	/** SnakeYAML Engine counts code points; the text is indexed by chars. */
	private int start(Node node) {
		return this.text.offsetByCodePoints(0, node.getStartMark().orElseThrow().getIndex());
	}

	private int end(Node node) {
		return this.text.offsetByCodePoints(0, node.getEndMark().orElseThrow().getIndex());
	}

}
