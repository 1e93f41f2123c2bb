package dev.dualrun.parity.source.cloudwatch;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.source.aws.AwsCredentials;

/**
 * Builds the SDK client the standard AWS ways: region from the setting or the default
 * chain ({@code AWS_REGION}, profile), credentials from a named profile or the default
 * chain, and the endpoint from the setting or the SDK's own
 * {@code AWS_ENDPOINT_URL_CLOUDWATCH}.
 */
public final class CloudWatchClientFactory {

	private CloudWatchClientFactory() {
	}

	/**
	 * @param settings the CloudWatch settings
	 * @return a client; close it when the run ends
	 * @throws ConfigurationException if no region can be found or the endpoint is not a
	 * URI
	 */
	public static CloudWatchClient create(CloudWatchSettings settings) {
		return create(settings, new AttemptCounter());
	}

	/**
	 * @param settings the CloudWatch settings, including the SDK's retry mode and
	 * attempts
	 * @param attempts counts the client's attempts, for the retries it made
	 * @return a client; close it when the run ends
	 * @throws ConfigurationException if no region can be found, the endpoint is not a URI
	 * or the retry mode is unknown
	 */
	public static CloudWatchClient create(CloudWatchSettings settings, AttemptCounter attempts) {
		CloudWatchClientBuilder builder = CloudWatchClient.builder()
			.region(region(settings))
			.credentialsProvider(credentials(settings))
			.overrideConfiguration((o) -> o.retryStrategy(retryStrategy(settings))
				.apiCallAttemptTimeout(settings.attemptTimeout())
				.addExecutionInterceptor(attempts)
				.addExecutionInterceptor(new RateLimit(settings.maxTps())));
		if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
			try {
				builder.endpointOverride(URI.create(settings.endpoint()));
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigurationException(
						"CloudWatch endpoint '" + settings.endpoint() + "' is not a URI: " + ex.getMessage());
			}
		}
		return builder.build();
	}

	/**
	 * The retries of a half of a call that failed after its own retries (its splitting
	 * isolates a refused query, or makes a call small enough to be answered in time): the
	 * client's attempts for throttling alone, so that the halves still holding a bad
	 * query cost one request each.
	 * @param client the client whose attempts to take
	 * @return a plugin to add to a request's override configuration
	 */
	static SdkPlugin throttlingRetriesOnly(CloudWatchClient client) {
		int attempts = client.serviceClientConfiguration()
			.overrideConfiguration()
			.retryStrategy()
			.map(RetryStrategy::maxAttempts)
			.orElse(3);
		Predicate<Throwable> throttled = (ex) -> ex instanceof SdkException sdk
				&& RetryUtils.isThrottlingException(sdk);
		RetryStrategy strategy = StandardRetryStrategy.builder()
			.maxAttempts(attempts)
			.retryOnException(throttled)
			.treatAsThrottling(throttled)
			.backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(20)))
			.throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofSeconds(1), Duration.ofSeconds(20)))
			.circuitBreakerEnabled(false)
			.useClientDefaults(false)
			.build();
		return (config) -> config.overrideConfiguration((o) -> o.retryStrategy(strategy));
	}

	/**
	 * The SDK's own retry strategy: {@code standard} (exponential backoff with jitter, a
	 * retry quota) or {@code adaptive} (also a client-side rate limit that slows down
	 * when throttled), with the configured attempts.
	 */
	private static RetryStrategy retryStrategy(CloudWatchSettings settings) {
		return switch (settings.retryMode()) {
			case "standard" ->
				AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(settings.maxAttempts()).build();
			case "adaptive" ->
				AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(settings.maxAttempts()).build();
			default -> throw new ConfigurationException("parity.cloudwatch.retry-mode '" + settings.retryMode()
					+ "' is not a retry mode of the AWS SDK: standard or adaptive");
		};
	}

	/**
	 * Holds every attempt (retries included) to the configured requests per second with a
	 * resilience4j rate limiter, waiting for a permit rather than failing.
	 */
	static final class RateLimit implements ExecutionInterceptor {

		private final RateLimiter limiter;

		RateLimit(double maxTps) {
			// permits refreshed 10 times a second keep bursts small
			int perTenth = (int) Math.max(1, Math.round(maxTps / 10));
			long refreshMillis = Math.max(1, Math.round(1000.0 * perTenth / maxTps));
			this.limiter = RateLimiter.of("cloudwatch",
					RateLimiterConfig.custom()
						.limitForPeriod(perTenth)
						.limitRefreshPeriod(java.time.Duration.ofMillis(refreshMillis))
						.timeoutDuration(java.time.Duration.ofMinutes(10))
						.build());
		}

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
			if (!this.limiter.acquirePermission()) {
				throw new IllegalStateException("no CloudWatch request permit within 10 minutes");
			}
		}

	}

	/**
	 * Counts the SDK's executions and its attempts (the transmissions of each); their
	 * difference is the retries it made.
	 */
	public static final class AttemptCounter implements ExecutionInterceptor {

		private final AtomicLong executions = new AtomicLong();

		private final AtomicLong transmissions = new AtomicLong();

		@Override
		public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
			this.executions.incrementAndGet();
		}

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
			this.transmissions.incrementAndGet();
		}

		/**
		 * @return requests sent again after a failure that may pass
		 */
		public long retries() {
			return Math.max(0, this.transmissions.get() - this.executions.get());
		}

	}

	private static Region region(CloudWatchSettings settings) {
		if (settings.region() != null && !settings.region().isBlank()) {
			return Region.of(settings.region());
		}
		try {
			return new DefaultAwsRegionProviderChain().getRegion();
		}
		catch (SdkClientException ex) {
			throw new ConfigurationException(
					"no AWS region for CloudWatch: set AWS_REGION, a profile region, or --cloudwatch-region");
		}
	}

	private static AwsCredentialsProvider credentials(CloudWatchSettings settings) {
		return AwsCredentials.of(settings.profile(), "--aws-profile (parity.cloudwatch.profile)");
	}

}
