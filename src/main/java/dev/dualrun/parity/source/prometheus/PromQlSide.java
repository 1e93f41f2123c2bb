package dev.dualrun.parity.source.prometheus;

import dev.dualrun.parity.config.QueryChange;
import dev.dualrun.parity.config.SideQuery;

/**
 * A side whose query is PromQL against a Prometheus-compatible API: the
 * {@code prometheus:} block, and any source that reads such an API on its own terms.
 */
public interface PromQlSide extends SideQuery {

	/**
	 * @return the PromQL, the pair's period written in
	 */
	String query();

	/** The change worded for this PromQL (increase() in place of rate(), ...). */
	@Override
	default String advice(QueryChange change) {
		return PromQlAdvice.of(query(), change);
	}

}
