package dev.dualrun.parity.source.cloudwatch;

import java.util.ArrayList;
import java.util.List;

import dev.dualrun.parity.config.PairMapping;

/**
 * Packs pairs of one (window, period) into the fewest GetMetricData calls without
 * splitting one metric's points across calls (semantics rule 7).
 */
public final class CallPlanner {

	/** At most 500 MetricDataQueries per call (GetMetricData API reference). */
	public static final int MAX_QUERIES_PER_CALL = 500;

	/** At most 100,800 datapoints returned per call (GetMetricData API reference). */
	public static final int MAX_DATAPOINTS_PER_CALL = 100_800;

	private CallPlanner() {
	}

	/**
	 * @param pairs pairs sharing one window and period
	 * @param pointsPerMetric the number of periods in the window
	 * @return batches in pair order; each fits one call (a metric longer than 100,800
	 * points gets a batch of its own, and CloudWatch pages it with NextToken)
	 */
	public static List<List<PairMapping>> plan(List<PairMapping> pairs, int pointsPerMetric) {
		int byPoints = Math.max(1, MAX_DATAPOINTS_PER_CALL / Math.max(1, pointsPerMetric));
		List<List<PairMapping>> batches = new ArrayList<>();
		List<PairMapping> current = new ArrayList<>();
		int queries = 0;
		for (PairMapping pair : pairs) {
			int q = queriesOf(pair);
			if (!current.isEmpty() && (queries + q > MAX_QUERIES_PER_CALL || current.size() + 1 > byPoints)) {
				batches.add(current);
				current = new ArrayList<>();
				queries = 0;
			}
			current.add(pair);
			queries += q;
		}
		if (!current.isEmpty()) {
			batches.add(current);
		}
		return batches;
	}

	/**
	 * The theoretical minimum of rule 7 for N metrics: max(ceil(N/500),
	 * ceil(N*points/100,800)).
	 * @param metrics metrics that return data
	 * @param pointsPerMetric periods in the window
	 * @return the minimum number of calls
	 */
	public static long minimumCalls(long metrics, int pointsPerMetric) {
		return Math.max(ceilDiv(metrics, MAX_QUERIES_PER_CALL),
				ceilDiv(metrics * pointsPerMetric, MAX_DATAPOINTS_PER_CALL));
	}

	/**
	 * @return the MetricDataQueries one pair needs: 1, or an expression plus its metrics
	 */
	static int queriesOf(PairMapping pair) {
		return CloudWatchSource.query(pair).hasExpression() ? 1 + CloudWatchSource.query(pair).metrics().size() : 1;
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

}
