package dev.dualrun.parity.source.prometheus;

/** A Prometheus API answer that cannot be used; the client adds URL and query. */
class PrometheusApiException extends RuntimeException {

	private final boolean retryable;

	PrometheusApiException(String message, boolean retryable) {
		super(message);
		this.retryable = retryable;
	}

	boolean isRetryable() {
		return this.retryable;
	}

}
