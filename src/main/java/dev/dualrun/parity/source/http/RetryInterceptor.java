package dev.dualrun.parity.source.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import okhttp3.Interceptor;

import okhttp3.Response;

/**
 * Retries an HTTP request with bounded exponential backoff and jitter (resilience4j
 * retry) on what may pass: connect failures, timeouts and other I/O errors, and the
 * answers 429, 502, 503 and 504. A {@code Retry-After} of whole seconds is honoured up to
 * the backoff's ceiling (an HTTP date there counts as absent). Never retries 400, 422 or
 * any other answer: a bad query stays bad. The last answer after the attempts are spent
 * is returned as it is, so the caller reports it. Retries are counted.
 */
public final class RetryInterceptor implements Interceptor {

	/** Answers worth another attempt. */
	static final Set<Integer> RETRYABLE = Set.of(429, 502, 503, 504);

	private final Retry retry;

	private final AtomicLong retries = new AtomicLong();

	private final Duration maxBackoff;

	/**
	 * @param name the backend, for resilience4j's registry and events
	 * @param settings attempts and backoff
	 */
	public RetryInterceptor(String name, RetrySettings settings) {
		this.maxBackoff = settings.maxBackoff();
		IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff().toMillis(),
				2.0, 0.5, settings.maxBackoff().toMillis());
		RetryConfig config = RetryConfig.<Response>custom()
			.maxAttempts(settings.maxAttempts())
			.retryOnResult((response) -> RETRYABLE.contains(response.code()))
			.retryOnException((ex) -> ex instanceof UncheckedIOException && !isCanceled(ex))
			.consumeResultBeforeRetryAttempt((attempt, response) -> response.close())
			.intervalBiFunction((Integer attempt, Either<Throwable, Response> outcome) -> {
				long planned = backoff.apply(attempt);
				if (outcome != null && outcome.isRight()) {
					Long after = retryAfterMillis(outcome.get());
					if (after != null) {
						return Math.min(Math.max(after, planned), this.maxBackoff.toMillis());
					}
				}
				return planned;
			})
			.failAfterMaxAttempts(false)
			.build();
		this.retry = Retry.of(name, config);
		this.retry.getEventPublisher().onRetry((event) -> this.retries.incrementAndGet());
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		try {
			return this.retry.executeCallable(() -> {
				try {
					return chain.proceed(chain.request());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		catch (IOException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IOException(ex);
		}
	}

	/**
	 * @return requests sent again so far
	 */
	public long retries() {
		return this.retries.get();
	}

	private static boolean isCanceled(Throwable ex) {
		Throwable cause = ex.getCause();
		return cause instanceof InterruptedIOException && "Canceled".equals(cause.getMessage());
	}

	private static Long retryAfterMillis(Response response) {
		String header = response.header("Retry-After");
		if (header == null) {
			return null;
		}
		try {
			long seconds = Long.parseLong(header.strip());
			return (seconds >= 0) ? seconds * 1000 : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
