package dev.dualrun.parity.fix;

import java.util.Optional;
import java.util.function.UnaryOperator;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

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
