package dev.dualrun.parity.source;

import java.nio.charset.StandardCharsets;

import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.SideQuery;

/**
 * Pairs for tests, written as a mapping file says them and read by the tool's own loader.
 */
public final class TestPairs {

	private TestPairs() {
	}

	/**
	 * @param query a PromQL query
	 * @return it as a pair's new side
	 */
	public static SideQuery newSide(String query) {
		return new dev.dualrun.parity.source.prometheus.PrometheusQuery(query);
	}

	/**
	 * @param yaml a mapping file
	 * @return it, loaded with every registered source
	 */
	public static MappingFile mapping(String yaml) {
		return Sources.mappingLoader().parse("test.yml", yaml.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param id the pair's id
	 * @param period its period, e.g. {@code 5m}
	 * @param oldBlock its old side's block, e.g. {@code cloudwatch: {namespace: N,
	 * metric: M, statistic: Sum}}
	 * @param query its new side's PromQL
	 * @return the pair, its systems named
	 */
	public static PairMapping pair(String id, String period, String oldBlock, String query) {
		PairMapping pair = mapping("pairs:\n  - id: " + id + "\n    period: " + period + "\n    " + oldBlock
				+ "\n    prometheus: { query: '" + query.replace("'", "''") + "' }\n")
			.pairs()
			.get(0);
		return pair.withSides(Sources.sides(pair.oldType(), pair.newType()));
	}

}
