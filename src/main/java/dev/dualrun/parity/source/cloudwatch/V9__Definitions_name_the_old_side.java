package dev.dualrun.parity.source.cloudwatch;

import dev.dualrun.parity.source.DefinitionRewrite;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pair's stored definition names its old side by type, {@code "old": {"cloudwatch":
 * {...}}}, where runs before stored {@code "cloudwatch": {...}}; every stored definition
 * is rewritten so, nothing else changes.
 */
public class V9__Definitions_name_the_old_side extends DefinitionRewrite {

	@Override
	protected String marker() {
		return "\"cloudwatch\"";
	}

	/**
	 * @param definition a stored definition
	 * @return it with its old side under {@code old}, or null if it has one already
	 */
	@Override
	protected String rewrite(String definition) {
		JsonNode node = JSON.readTree(definition);
		if (!(node instanceof ObjectNode pair) || !pair.has("cloudwatch") || pair.has("old")) {
			return null;
		}
		ObjectNode old = JSON.createObjectNode();
		old.set("cloudwatch", pair.remove("cloudwatch"));
		pair.set("old", old);
		return JSON.writeValueAsString(pair);
	}

}
