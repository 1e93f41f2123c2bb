package dev.dualrun.parity.source.prometheus;

import dev.dualrun.parity.source.DefinitionRewrite;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pair's stored definition names its new side by type, {@code "new": {"prometheus":
 * {"query": ...}}}, as it names its old side, where runs before stored
 * {@code "promql": ...}; every stored definition is rewritten so, nothing else changes.
 */
public class V13__Definitions_name_the_new_side extends DefinitionRewrite {

	@Override
	protected String marker() {
		return "\"promql\"";
	}

	/**
	 * @param definition a stored definition
	 * @return it with its new side under {@code new}, or null if it has one already
	 */
	@Override
	protected String rewrite(String definition) {
		JsonNode node = JSON.readTree(definition);
		if (!(node instanceof ObjectNode pair) || !pair.has("promql") || pair.has("new")) {
			return null;
		}
		ObjectNode query = JSON.createObjectNode();
		query.set("query", pair.remove("promql"));
		ObjectNode side = JSON.createObjectNode();
		side.set(PrometheusReader.TYPE, query);
		pair.set("new", side);
		return JSON.writeValueAsString(pair);
	}

}
