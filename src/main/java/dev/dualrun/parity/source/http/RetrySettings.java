package dev.dualrun.parity.source.http;

import java.time.Duration;

/**
 * Retries of an HTTP source with bounded exponential backoff and jitter.
 *
 * @param maxAttempts attempts in all, the first included (default 4; 1 turns retries off)
 * @param initialBackoff the pause before the first retry, doubled each time with +-50 %
 * jitter (default 500ms)
 * @param maxBackoff the longest pause, also the cap of a {@code Retry-After} (default
 * 20s)
 */
public record RetrySettings(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff) {

	public RetrySettings {
		maxAttempts = (maxAttempts != null && maxAttempts > 0) ? maxAttempts : 4;
		initialBackoff = (initialBackoff != null && !initialBackoff.isZero()) ? initialBackoff : Duration.ofMillis(500);
		maxBackoff = (maxBackoff != null && !maxBackoff.isZero()) ? maxBackoff : Duration.ofSeconds(20);
	}

	/**
	 * @return the defaults
	 */
	public static RetrySettings defaults() {
		return new RetrySettings(null, null, null);
	}

}
