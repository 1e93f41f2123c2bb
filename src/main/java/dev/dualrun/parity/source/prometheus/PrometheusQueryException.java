package dev.dualrun.parity.source.prometheus;

import dev.dualrun.parity.source.SourceException;

/** A Prometheus request failed; the message names the URL and the query. */
public class PrometheusQueryException extends SourceException {

	public PrometheusQueryException(String message, boolean retryable) {
		super(message, retryable);
	}

	public PrometheusQueryException(String message, boolean retryable, Throwable cause) {
		super(message, retryable, cause);
	}

}
