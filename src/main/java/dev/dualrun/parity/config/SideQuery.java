package dev.dualrun.parity.config;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One side of a pair as its typed block of the mapping file gives it, opaque to
 * everything but its source: the block's key is the source's type. The pipeline asks it
 * only what a judgement needs. Stored with each run as {@code {"<type>": {...}}}; each
 * source registers its own type ({@link SideReader#queryType()}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
public interface SideQuery {

	/**
	 * @return the source type, as the mapping file names the block
	 */
	String type();

	/**
	 * @return what is asked, in short, for reports and messages
	 */
	String describe();

	/**
	 * @return the dimensions (name to value) that identify the series: the identity the
	 * new side's series must carry; empty for none
	 */
	default SortedMap<String, String> dimensions() {
		return Collections.emptySortedMap();
	}

	/**
	 * @return true if the dimensions are the series' whole identity (the system never
	 * aggregates across dimensions), so the new side must keep exactly their labels
	 */
	default boolean exactDimensions() {
		return false;
	}

	/**
	 * @return the old side's metrics this query reads, as its estate lists them (the
	 * coverage of the inventory); empty for a new side
	 */
	default List<MetricIdentity> identities() {
		return List.of();
	}

	/**
	 * @return the unit the side reports in, or null if none is declared
	 */
	default String unit() {
		return null;
	}

	/**
	 * @return what the old side's statistic measures, which decides how the pair is
	 * judged; null for a new side
	 */
	default StatisticKind kind() {
		return null;
	}

	/**
	 * @return the statistic as the old side names it (e.g. {@code p99}), for the new
	 * side's lint; null when the side has no single statistic (an expression)
	 */
	default String statisticName() {
		return null;
	}

	/**
	 * @return for a percentile, the percentile in (0, 100]; otherwise NaN
	 */
	default double percentile() {
		return Double.NaN;
	}

	/**
	 * @return true if the side's source reads the labels of every stored series its query
	 * selects, so that the judge compares the series sets of both sides (series parity)
	 * and the other side reads them too
	 */
	default boolean comparesSeries() {
		return false;
	}

	/**
	 * @param change a change a diagnosis advises
	 * @return the change of this query, in its own language and in words (e.g. "use
	 * increase(x[5m]) in place of rate(x[5m])"), or null when the source cannot word it
	 * for this query
	 */
	default String advice(QueryChange change) {
		return null;
	}

	/**
	 * The share of a period that a count of this query is extrapolated over, on average:
	 * a counter sampled every {@code s} and read over a range of one period {@code P}
	 * holds samples over {@code P - s} of it, and the rest, {@code s / (P - s)} of what
	 * it saw, is scaled from them. Its per-period error is then about
	 * {@code sqrt(count x share)} (a Poisson count over the part not seen), which the
	 * judge allows a count beside its tolerance.
	 * @param period the pair's period
	 * @return the share, 0 when the query counts exactly (or is no count)
	 */
	default double extrapolatedShare(java.time.Duration period) {
		return 0;
	}

}
