package dev.dualrun.parity.config;

/**
 * What the old side's statistic measures over a period, which decides how a pair is
 * judged (its default tolerance, the one-sided rules of extremes, the spike rule of
 * percentiles). Each old side names its own statistics and says which kind each is.
 */
public enum StatisticKind {

	/** How many observations. */
	SAMPLE_COUNT,
	/** Their sum. */
	SUM,
	/** Their mean. */
	AVERAGE,
	/** The smallest. */
	MINIMUM,
	/** The largest. */
	MAXIMUM,
	/** A percentile. */
	PERCENTILE

}
