package dev.dualrun.parity.source;

import java.util.List;
import java.util.function.Consumer;

import dev.dualrun.parity.config.PairMapping;

/**
 * One side of a dual run (CloudWatch, Prometheus, later Azure Monitor). A source answers
 * the queries of many pairs for one aligned window, batching them as its API allows, and
 * hands each result to the consumer as soon as it is complete, so that no more than one
 * batch is held in memory.
 */
public interface MetricSource {

	/**
	 * @return the side's name for messages and reports, e.g. {@code CloudWatch}
	 */
	String side();

	/**
	 * Fetches the series of each pair over the window. Every pair gets exactly one
	 * result, a series or a failure; the method itself throws only for programming
	 * errors.
	 * @param pairs the pairs, all with the window's period
	 * @param window the aligned window
	 * @param results receives one result per pair
	 */
	void fetch(List<PairMapping> pairs, QueryWindow window, Consumer<SeriesResult> results);

	/**
	 * @return the backend's version, or a description if the API does not tell it
	 */
	String version();

	/**
	 * @return the API calls and metrics requested so far by this source
	 */
	CallCount calls();

	/**
	 * Counts of the API use of one source, shown in the report as the run's cost.
	 *
	 * @param calls HTTP calls made (pages included)
	 * @param metricsRequested metric queries requested (CloudWatch bills per metric)
	 * @param retries requests sent again after a failure that may pass
	 */
	record CallCount(long calls, long metricsRequested, long retries) {

	}

}
