package dev.dualrun.parity.source;

/**
 * A source could not answer. The message names the side, the pair and the place (URL,
 * query, API call). {@code retryable} tells whether trying again may help (timeouts,
 * throttling, 5xx) or not (bad query, wrong credentials).
 */
public class SourceException extends RuntimeException {

	private final boolean retryable;

	public SourceException(String message, boolean retryable, Throwable cause) {
		super(message, cause);
		this.retryable = retryable;
	}

	public SourceException(String message, boolean retryable) {
		this(message, retryable, null);
	}

	/**
	 * @return true if a retry may succeed
	 */
	public boolean isRetryable() {
		return this.retryable;
	}

}
