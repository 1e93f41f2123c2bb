package dev.dualrun.parity.source;

import java.util.List;
import java.util.function.Consumer;

import dev.dualrun.parity.config.PairMapping;

/**
 * One side of a dual run, opened for a run by its {@link SourceProvider} (CloudWatch,
 * Prometheus, later Azure Monitor). A source answers the queries of many pairs for one
 * aligned window, batching them as its API allows ({@link #plan}), and hands each result
 * to the consumer as soon as it is complete, so that no more than one batch is held in
 * memory. Closing it releases its client.
 */
public interface MetricSource extends AutoCloseable {

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
	 * The fewest calls for these pairs: each inner list is fetched by one
	 * {@link #fetch(List, QueryWindow, Consumer)} of one call (one request a pair unless
	 * the API batches).
	 * @param pairs pairs of one window
	 * @param window the window
	 * @return the batches, in order
	 */
	default List<List<PairMapping>> plan(List<PairMapping> pairs, QueryWindow window) {
		return pairs.stream().map(List::of).toList();
	}

	/**
	 * One pair's series.
	 * @param pair the pair
	 * @param window the aligned window
	 * @return its series, stamped at bucket starts
	 * @throws SourceException if the source could not answer
	 */
	default TimeSeries fetch(PairMapping pair, QueryWindow window) {
		SeriesResult[] result = new SeriesResult[1];
		fetch(List.of(pair), window, (r) -> result[0] = r);
		if (!result[0].isOk()) {
			throw result[0].failure();
		}
		return result[0].series();
	}

	/**
	 * @param pair a pair
	 * @param window its window
	 * @return what is asked of the backend for the pair, exactly, as stored with the
	 * evidence
	 */
	String describe(PairMapping pair, QueryWindow window);

	/**
	 * @return the backend's version, or a description if the API does not tell it
	 */
	String version();

	/**
	 * @return where the source reads from, for the run's record
	 */
	Backend backend();

	/**
	 * @return calls split in halves to isolate a refused query
	 */
	default long splits() {
		return 0;
	}

	/** Releases the source's client. */
	@Override
	default void close() {
	}

	/**
	 * Where a source reads from.
	 *
	 * @param location the endpoint or URL
	 * @param region the region, or null
	 * @param version the backend's version, as {@link #version()}
	 * @param semantics what that version means for the comparison (e.g. a range-selector
	 * rule), or null
	 */
	record Backend(String location, String region, String version, String semantics) {

	}

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
