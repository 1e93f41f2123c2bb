package dev.dualrun.parity.source.prometheus;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.source.QueryWindow;

/**
 * What reading one side of some pairs from a Prometheus-compatible API takes, stated
 * before any data call: the {@code query_range} requests (a window longer than the points
 * a request may return is split), the {@code series} requests of series parity, and the
 * samples loaded: each range selector reads its period's worth of scrapes at every step.
 */
public final class QueryRangeCost {

	/** The scrape interval a dry run assumes when it estimates the samples loaded. */
	static final long ASSUMED_SCRAPE_SECONDS = 15;

	/**
	 * A range selector of a pair's PromQL, its period already written in ({@code [5m]}).
	 */
	private static final Pattern RANGE = Pattern.compile("\\[\\d+[smhdwy]\\]");

	private QueryRangeCost() {
	}

	/**
	 * @param pairs the pairs, by window
	 * @param side the side read
	 * @param perRequest points per series a request may return
	 * @return the estimate in words
	 */
	public static String estimate(Map<QueryWindow, List<PairMapping>> pairs, Side side, int perRequest) {
		long requests = 0;
		long series = 0;
		long samples = 0;
		for (var e : pairs.entrySet()) {
			int points = e.getKey().count();
			for (PairMapping p : e.getValue()) {
				requests += (points + perRequest - 1) / perRequest;
				series += p.comparesSeries() ? 1 : 0;
				Matcher m = RANGE.matcher(PrometheusQuery.of(p.query(side)));
				long perStep = 0;
				while (m.find()) {
					perStep += Math.max(1, p.period().toSeconds() / ASSUMED_SCRAPE_SECONDS);
				}
				samples += points * Math.max(1, perStep);
			}
		}
		return requests + " query_range request(s)" + ((series > 0) ? ", " + series + " series request(s)" : "")
				+ ", about " + String.format(Locale.ROOT, "%,d", samples) + " sample(s) loaded";
	}

}
