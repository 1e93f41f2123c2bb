package dev.dualrun.parity.fix;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.function.UnaryOperator;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.config.YamlEdits;

/**
 * A mapping file's text, edited at the places of its pairs' keys, every other character
 * left as written ({@link YamlEdits}).
 */
final class MappingText {

	private final YamlEdits yaml;

	/**
	 * @param text the mapping file's text
	 * @throws IllegalArgumentException if it is not YAML
	 */
	MappingText(String text) {
		this.yaml = new YamlEdits(text);
	}

	/**
	 * Sets a pair's key: its value replaced where the pair has the key, otherwise a line
	 * added after the pair's id.
	 * @param pairId the pair
	 * @param key the key
	 * @param value the value as YAML writes it
	 * @return false if the pair is not in the file, or the value is already so
	 */
	boolean setPairKey(String pairId, String key, String value) {
		Optional<MappingNode> pair = pair(pairId);
		if (pair.isEmpty()) {
			return false;
		}
		NodeTuple existing = YamlEdits.tuple(pair.get(), key);
		if (existing != null) {
			if (!(existing.getValueNode() instanceof ScalarNode v) || !this.yaml.within(pair.get(), v)) {
				// an alias: its anchor's other users would change too
				return false;
			}
			if (v.getValue().equals(value)) {
				return false;
			}
			this.yaml.replace(v, value);
			return true;
		}
		this.yaml.addAfter(pair.get(), YamlEdits.tuple(pair.get(), "id"), key, value);
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
		NodeTuple b = (pair != null) ? YamlEdits.tuple(pair, block) : null;
		if (b == null || !(b.getValueNode() instanceof MappingNode blockNode)) {
			return false;
		}
		NodeTuple f = YamlEdits.tuple(blockNode, field);
		if (f == null || !(f.getValueNode() instanceof ScalarNode v) || !this.yaml.within(pair, v)) {
			return false;
		}
		String changed = rewrite.apply(this.yaml.text(v));
		if (changed == null) {
			return false;
		}
		this.yaml.replace(v, changed);
		return true;
	}

	/**
	 * Declares labels in a map field of a pair's block, beside those it declares (each a
	 * line after its last, or {@code , name: "value"} in a flow mapping), or as the field
	 * added after the block's last field, one flow mapping ({@code {region: "eu"}}).
	 * @param pairId the pair
	 * @param block the block's key (the source's type)
	 * @param field the map field
	 * @param labels the labels to declare
	 * @return whether the field was written
	 */
	boolean declareLabels(String pairId, String block, String field, Map<String, String> labels) {
		MappingNode pair = pair(pairId).orElse(null);
		NodeTuple b = (pair != null) ? YamlEdits.tuple(pair, block) : null;
		if (b == null || !(b.getValueNode() instanceof MappingNode blockNode) || blockNode.getValue().isEmpty()
				|| !this.yaml.within(pair, blockNode)) {
			return false;
		}
		NodeTuple f = YamlEdits.tuple(blockNode, field);
		if (f == null) {
			this.yaml.addAfter(blockNode, blockNode.getValue().get(blockNode.getValue().size() - 1), field,
					flow(labels));
			return true;
		}
		if (!(f.getValueNode() instanceof MappingNode declared) || !this.yaml.within(pair, declared)) {
			return false;
		}
		if (declared.getValue().isEmpty()) {
			this.yaml.replace(declared, flow(labels));
			return true;
		}
		NodeTuple last = declared.getValue().get(declared.getValue().size() - 1);
		// added in reverse: entries added after the same one end up in the order given
		for (Map.Entry<String, String> label : new TreeMap<>(labels).descendingMap().entrySet()) {
			NodeTuple t = YamlEdits.tuple(declared, label.getKey());
			if (t == null) {
				this.yaml.addAfter(declared, last, label.getKey(), SideReader.quoted(label.getValue()));
			}
			else if (t.getValueNode() instanceof ScalarNode v) {
				this.yaml.replace(v, SideReader.quoted(label.getValue()));
			}
			else {
				return false;
			}
		}
		return true;
	}

	/**
	 * @param labels labels
	 * @return them as one YAML flow mapping, each value double-quoted
	 */
	static String flow(Map<String, String> labels) {
		return new TreeMap<>(labels).entrySet()
			.stream()
			.map((e) -> e.getKey() + ": " + SideReader.quoted(e.getValue()))
			.collect(Collectors.joining(", ", "{", "}"));
	}

	/**
	 * @return the text with every edit made
	 */
	String edited() {
		return this.yaml.edited();
	}

	private Optional<MappingNode> pair(String pairId) {
		if (!(this.yaml.root() instanceof MappingNode document)) {
			return Optional.empty();
		}
		NodeTuple pairs = YamlEdits.tuple(document, "pairs");
		if (pairs == null || !(pairs.getValueNode() instanceof SequenceNode list)) {
			return Optional.empty();
		}
		for (Node item : list.getValue()) {
			if (item instanceof MappingNode pair && pairId.equals(YamlEdits.scalar(pair, "id"))) {
				return Optional.of(pair);
			}
		}
		return Optional.empty();
	}

}
