package dev.dualrun.parity.store;

import dev.dualrun.parity.compare.Aggregates;

/**
 * One side's figures of a judged pair, as {@code pair_result} keeps them in columns of
 * the side's prefix ({@code old_count}, {@code new_p99}); null where undefined.
 *
 * @param coverage the share of the periods with data on either side that this side has
 * @param count periods with data
 * @param mean the mean
 * @param sum the sum
 * @param min the smallest value
 * @param max the largest value
 * @param p50 the median
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 */
public record SideFigures(Double coverage, Long count, Double mean, Double sum, Double min, Double max, Double p50,
		Double p95, Double p99) {

	/**
	 * @param coverage the side's coverage (NaN for none)
	 * @param a its aggregates
	 * @return them as stored
	 */
	static SideFigures of(double coverage, Aggregates a) {
		return new SideFigures(StoreJson.num(coverage), a.count(), StoreJson.num(a.mean()), StoreJson.num(a.sum()),
				StoreJson.num(a.min()), StoreJson.num(a.max()), StoreJson.num(a.p50()), StoreJson.num(a.p95()),
				StoreJson.num(a.p99()));
	}

}
