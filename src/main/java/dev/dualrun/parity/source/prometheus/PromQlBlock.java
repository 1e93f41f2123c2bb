package dev.dualrun.parity.source.prometheus;

import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.config.MappingBlock;

/**
 * The rules of a PromQL query written in a mapping block, for every source that reads a
 * Prometheus-compatible API: the period holds at least four scrapes (the period rule),
 * and {@code ${period}} is the only placeholder, replaced by the pair's period.
 */
public final class PromQlBlock {

	/**
	 * Placeholder in PromQL replaced by the pair's period, e.g.
	 * {@code rate(x[${period}])}.
	 */
	public static final String PERIOD_PLACEHOLDER = "${period}";

	private PromQlBlock() {
	}

	/**
	 * @param block the block, with the pair's period and scrape interval
	 * @param written the query as written, or null
	 * @return the PromQL, the period written in
	 * @throws dev.dualrun.parity.config.MappingException naming the field and the rule
	 */
	public static String promql(MappingBlock block, String written) {
		if (block.period().compareTo(block.scrapeInterval().multipliedBy(4)) < 0) {
			throw block.pairError("period " + Durations.compact(block.period())
					+ " is shorter than 4x the scrape interval " + Durations.compact(block.scrapeInterval())
					+ ": a window would hold too few samples and increase() would extrapolate most of it (the period rule)");
		}
		String query = block.required(written, "query").strip();
		String promql = query.replace(PERIOD_PLACEHOLDER, Durations.compact(block.period()));
		if (promql.contains("${")) {
			throw block.error("query",
					"unknown placeholder in '" + query + "' (only " + PERIOD_PLACEHOLDER + " is replaced)");
		}
		return promql;
	}

}
