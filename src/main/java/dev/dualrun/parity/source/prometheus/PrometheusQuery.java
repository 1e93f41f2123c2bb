package dev.dualrun.parity.source.prometheus;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.dualrun.parity.config.SideQuery;

/**
 * The Prometheus side of a pair: a PromQL query, its {@code ${period}} already replaced
 * by the pair's period, evaluated at each period's end over a range of one period.
 *
 * @param query the PromQL
 */
public record PrometheusQuery(String query) implements PromQlSide {

	@Override
	@JsonIgnore
	public String type() {
		return PrometheusReader.TYPE;
	}

	/** The query itself, exactly as sent. */
	@Override
	public String describe() {
		return this.query;
	}

	/**
	 * @param side a side's query
	 * @return its PromQL
	 * @throws IllegalArgumentException if the side is not PromQL
	 */
	static String of(SideQuery side) {
		if (side instanceof PromQlSide q) {
			return q.query();
		}
		throw new IllegalArgumentException("not a Prometheus query: " + side.type());
	}

}
