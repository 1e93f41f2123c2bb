package dev.dualrun.parity.demo;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults the CloudWatch-compatible server injects on purpose, for tests: the next N calls
 * answer with throttling (400 {@code Throttling}) or an internal error (500
 * {@code InternalServiceFault}). The SDK retries both (four attempts in legacy mode).
 */
public final class FaultMode {

	private final AtomicInteger throttle = new AtomicInteger();

	private final AtomicInteger internal = new AtomicInteger();

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
	public void clear() {
		this.throttle.set(0);
		this.internal.set(0);
	}

	CloudWatchError next() {
		if (this.throttle.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			return CloudWatchError.throttling();
		}
		if (this.internal.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			return CloudWatchError.internal();
		}
		return null;
	}

}
