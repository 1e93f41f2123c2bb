package dev.dualrun.parity.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import tools.jackson.databind.JsonNode;

/**
 * The mapping file exactly as written (kebab-case keys), bound by Jackson before
 * validation. Every field may be missing here; {@link MappingValidator} checks them and
 * applies defaults. A pair's (and an alert pair's) other keys are its sides' blocks, kept
 * raw for their sources to read.
 */
record MappingDocument(Integer version, Defaults defaults, List<Pair> pairs, List<Alert> alerts) {

	record Defaults(String period, Double unitFactor, Tolerance.Override tolerance, Boolean publishedWhenNonZero,
			String scrapeInterval) {

	}

	record Pair(String id, String description, String period, Double unitFactor, Boolean publishedWhenNonZero,
			Tolerance.Override tolerance, String scrapeInterval, @JsonAnySetter Map<String, JsonNode> blocks) {

		Pair {
			blocks = (blocks != null) ? blocks : new LinkedHashMap<>();
		}

	}

	/** An alert pair: an alert of each side, in its block. */
	record Alert(String id, String description, @JsonAnySetter Map<String, JsonNode> blocks) {

		Alert {
			blocks = (blocks != null) ? blocks : new LinkedHashMap<>();
		}

	}

}
