package dev.dualrun.parity.source;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the new side holds, for discovering pairs: its metric names, the label sets of a
 * metric's series, and where a series' samples are stamped.
 */
public interface Catalog extends AutoCloseable {

	/**
	 * @return every metric name
	 */
	List<String> metricNames();

	/**
	 * @param selector a series selector, e.g. {@code aws_ec2_cpuutilization_average}
	 * @param from the start
	 * @param to the end
	 * @return the label sets of its series (the name included as {@code __name__})
	 */
	List<Map<String, String>> series(String selector, Instant from, Instant to);

	/**
	 * @param selector a series selector
	 * @param at the end of the range
	 * @param rangeSeconds how far back
	 * @return the epoch milliseconds of its raw samples in the range, of every series
	 */
	List<Long> sampleTimes(String selector, Instant at, long rangeSeconds);

	/**
	 * @return where it is read, for messages
	 */
	String location();

	@Override
	default void close() {
	}

}
