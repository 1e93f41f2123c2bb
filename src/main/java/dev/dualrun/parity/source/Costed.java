package dev.dualrun.parity.source;

import java.util.List;
import java.util.Map;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;

/**
 * A capability of a source: what reading its side costs, stated before any data call (a
 * dry run) and from what a run did.
 */
public interface Costed {

	/**
	 * @param pairs the pairs whose side this source reads, by window
	 * @param properties the settings (limits, prices)
	 * @return what reading them takes, in words, e.g. {@code at least 3 call(s), 40
	 * metric(s) requested; 0.0004 USD at ...}
	 */
	String estimate(Map<QueryWindow, List<PairMapping>> pairs, ParityProperties properties);

	/**
	 * @param properties the settings (prices)
	 * @param calls API calls
	 * @param metricsRequested metrics requested
	 * @return what they cost, in words with the price and its date, or null when the
	 * system does not charge for queries
	 */
	default String price(ParityProperties properties, long calls, long metricsRequested) {
		return null;
	}

	/**
	 * The estimate of an old side billed by calls or metrics: the fewest calls of each
	 * window, the metrics the pairs name, and their price.
	 * @param provider the source
	 * @param pairs its pairs by window
	 * @param properties the settings
	 * @return the estimate in words
	 */
	static String calls(SourceProvider provider, Map<QueryWindow, List<PairMapping>> pairs,
			ParityProperties properties) {
		long calls = 0;
		long metrics = 0;
		for (var e : pairs.entrySet()) {
			calls += provider.minimumCalls(e.getValue(), e.getKey());
			metrics += e.getValue().stream().mapToLong((p) -> p.old().identities().size()).sum();
		}
		String price = (provider instanceof Costed c) ? c.price(properties, calls, metrics) : null;
		return "at least " + calls + " call(s), " + metrics + " metric(s) requested"
				+ ((price != null) ? "; " + price : "");
	}

}
