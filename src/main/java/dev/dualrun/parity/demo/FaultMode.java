package dev.dualrun.parity.demo;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the CloudWatch-compatible server injects on purpose, for tests and benchmarks:
 * the next N calls, or a seeded share of all calls, answer with throttling (400
 * {@code Throttling}) or an internal error (500 {@code InternalServiceFault}), which the
 * SDK retries; calls asking for a given metric are refused whole (400
 * {@code InvalidParameterValue}) or fail (500), which no retry helps; and answers that
 * take longer the more a call asks.
 */
public final class FaultMode {

	private final AtomicInteger throttle = new AtomicInteger();

	private final AtomicInteger internal = new AtomicInteger();

	private final java.util.Set<String> refusedMetrics = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private final java.util.Set<String> failedMetrics = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private volatile long delayPerQueryMillis;

	private volatile long delayMillis;

	private volatile double randomShare;

	private volatile boolean randomThrottle;

	private java.util.Random random = new java.util.Random(1);

	/**
	 * Every GetMetricData call with a query of this metric name is refused whole, as
	 * CloudWatch refuses a call for one bad query: HTTP 400
	 * {@code InvalidParameterValue}.
	 * @param metricName the metric name
	 */
	public void refuseMetric(String metricName) {
		this.refusedMetrics.add(metricName);
	}

	/**
	 * Every GetMetricData call with a query of this metric name fails with HTTP 500
	 * {@code InternalServiceFault}, each attempt: a query that breaks the service, which
	 * the SDK retries and no retry helps.
	 * @param metricName the metric name
	 */
	public void failMetric(String metricName) {
		this.failedMetrics.add(metricName);
	}

	/**
	 * Every GetMetricData call is answered this much later for each query it asks (a
	 * server whose time grows with what a call asks): a call too large for the client's
	 * attempt timeout is answered when split.
	 * @param delay the added latency per query, zero for none
	 */
	public void delayPerQuery(java.time.Duration delay) {
		this.delayPerQueryMillis = delay.toMillis();
	}

	void pausePerQuery(int queries) {
		long d = this.delayPerQueryMillis * queries;
		if (d > 0) {
			try {
				Thread.sleep(d);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Every call is answered this much later (latency of a far region, or a slow
	 * backend).
	 * @param delay the added latency, zero for none
	 */
	public void delay(java.time.Duration delay) {
		this.delayMillis = delay.toMillis();
	}

	void pause() {
		long d = this.delayMillis;
		if (d > 0) {
			try {
				Thread.sleep(d);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * A share of all calls fail at random (seeded): with throttling, or with HTTP 500.
	 * @param share 0 to 1
	 * @param throttling true for 400 {@code Throttling}, false for 500
	 * @param seed the seed of the draws
	 */
	public synchronized void failRandomly(double share, boolean throttling, long seed) {
		this.randomShare = share;
		this.randomThrottle = throttling;
		this.random = new java.util.Random(seed);
	}

	/**
	 * @param metricNames the metric names a GetMetricData call asks for
	 * @return the refusal if one of them is refused, else null
	 */
	CloudWatchError refusal(java.util.Collection<String> metricNames) {
		for (String name : metricNames) {
			if (this.failedMetrics.contains(name)) {
				return CloudWatchError.internal();
			}
			if (this.refusedMetrics.contains(name)) {
				return CloudWatchError.invalidParameter("The metric " + name
						+ " cannot be queried (refused on purpose by the fault mode of this server)");
			}
		}
		return null;
	}

	/**
	 * @param calls how many of the next calls to throttle
	 */
	public void throttleNext(int calls) {
		this.throttle.set(calls);
	}

	/**
	 * @param calls how many of the next calls fail with HTTP 500
	 */
	public void failNext(int calls) {
		this.internal.set(calls);
	}

	/** Stops injecting faults. */
	public synchronized void clear() {
		this.throttle.set(0);
		this.internal.set(0);
		this.refusedMetrics.clear();
		this.failedMetrics.clear();
		this.randomShare = 0;
		this.delayMillis = 0;
		this.delayPerQueryMillis = 0;
	}

	CloudWatchError next() {
		if (this.randomShare > 0) {
			boolean fail;
			synchronized (this) {
				fail = this.random.nextDouble() < this.randomShare;
			}
			if (fail) {
				return this.randomThrottle ? CloudWatchError.throttling() : CloudWatchError.internal();
			}
		}
		if (this.throttle.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			return CloudWatchError.throttling();
		}
		if (this.internal.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			return CloudWatchError.internal();
		}
		return null;
	}

}
