package dev.dualrun.parity.source.prometheus;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.dualrun.parity.config.SideQuery;

/**
 * The Prometheus side of a pair: a PromQL query, its {@code ${period}} already replaced
 * by the pair's period, evaluated at each period's end over a range of one period.
 *
 * @param query the PromQL
 * @param scrapeInterval how often its series are scraped, or null when not known
 */
public record PrometheusQuery(String query, Duration scrapeInterval) implements PromQlSide {

	/**
	 * @param query the PromQL, its scrape interval not known
	 */
	public PrometheusQuery(String query) {
		this(query, null);
	}

	/**
	 * A count by increase() or rate() over one period is extrapolated over the part of
	 * the period before its first sample and after its last: one scrape interval on
	 * average.
	 */
	@Override
	public double extrapolatedShare(Duration period) {
		long p = period.toMillis();
		long s = (this.scrapeInterval != null) ? this.scrapeInterval.toMillis() : 0;
		if (s <= 0 || p <= s || !PromQlAdvice.extrapolates(this.query)) {
			return 0;
		}
		return (double) s / (p - s);
	}

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
