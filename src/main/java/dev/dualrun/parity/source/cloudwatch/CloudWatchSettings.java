package dev.dualrun.parity.source.cloudwatch;

import java.time.Duration;
import java.util.Locale;

import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.SettingsBinder;
import dev.dualrun.parity.source.ListPrice;

/**
 * The CloudWatch API ({@code parity.cloudwatch.*}). Null fields follow the SDK's standard
 * chain (AWS_REGION, AWS_ENDPOINT_URL_CLOUDWATCH, AWS_PROFILE, ~/.aws/config).
 *
 * @param region the region, or null for the default region chain
 * @param endpoint an endpoint override (e.g. a CloudWatch-compatible test server), or
 * null
 * @param profile a named profile of ~/.aws/credentials, or null for the default chain
 * @param retryMode the SDK's retry strategy: {@code standard} (default) or
 * {@code adaptive} (also slows the client down when throttled)
 * @param maxAttempts attempts of one call in all, the first included (default 5)
 * @param maxTps GetMetricData requests per second at most, retries included (default 10;
 * the account's quota is shared with dashboards and alarms)
 * @param concurrency GetMetricData calls in flight at once (default 4)
 * @param price the price of 1,000 metrics requested
 * ({@code parity.cost.cloudwatch-per-1000-metrics}, default 0.01 USD, us-east-1)
 * @param attemptTimeout the time one attempt of a call may take (default 30 s): a call
 * that takes longer in every attempt is split, as its halves ask for less
 */
public record CloudWatchSettings(String region, String endpoint, String profile, String retryMode, Integer maxAttempts,
		Double maxTps, Integer concurrency, ListPrice price, Duration attemptTimeout) {

	/** The prefix of these settings. */
	static final String PREFIX = "parity.cloudwatch";

	/** The run's AWS credentials profile, for every AWS service it calls. */
	static final String AWS_PROFILE = "parity.aws.profile";

	/** The setting of the price per 1,000 metrics requested. */
	static final String PRICE = "parity.cost.cloudwatch-per-1000-metrics";

	public CloudWatchSettings {
		maxTps = (maxTps != null && maxTps > 0) ? maxTps : 10.0;
		concurrency = (concurrency != null && concurrency > 0) ? concurrency : 4;
		retryMode = (retryMode != null && !retryMode.isBlank()) ? retryMode.strip().toLowerCase(Locale.ROOT)
				: "standard";
		maxAttempts = (maxAttempts != null && maxAttempts > 0) ? maxAttempts : 5;
		price = (price != null) ? price : ListPrice.bind(SettingsBinder.NONE, PRICE, 0.01);
		attemptTimeout = (attemptTimeout != null && !attemptTimeout.isNegative() && !attemptTimeout.isZero())
				? attemptTimeout : Duration.ofSeconds(30);
	}

	/**
	 * A region's settings with the defaults for the rest (a record of one constructor, as
	 * Spring Boot binds it).
	 * @param region the region, or null
	 * @param endpoint the endpoint, or null
	 * @param profile the profile, or null
	 * @return the settings
	 */
	public static CloudWatchSettings of(String region, String endpoint, String profile) {
		return new CloudWatchSettings(region, endpoint, profile, null, null, null, null, null, null);
	}

	/**
	 * @return the defaults
	 */
	static CloudWatchSettings defaults() {
		return of(null, null, null);
	}

	/**
	 * @param binder the settings
	 * @return CloudWatch's, bound
	 */
	static CloudWatchSettings bind(SettingsBinder binder) {
		CloudWatchSettings bound = binder.bind(PREFIX, CloudWatchSettings.class)
			.orElseGet(CloudWatchSettings::defaults);
		String profile = (bound.profile() != null) ? bound.profile()
				: binder.bind(AWS_PROFILE, String.class).orElse(null);
		return new CloudWatchSettings(bound.region(), bound.endpoint(), profile, bound.retryMode(), bound.maxAttempts(),
				bound.maxTps(), bound.concurrency(), ListPrice.bind(binder, PRICE, 0.01), bound.attemptTimeout());
	}

	/**
	 * @param properties the tool's settings
	 * @return CloudWatch's among them
	 */
	static CloudWatchSettings of(ParityProperties properties) {
		return properties.source(CloudWatchSettings.class, CloudWatchSettings::defaults);
	}

	/**
	 * @param region a region
	 * @return these settings for that region (its own client, its own rate)
	 */
	public CloudWatchSettings inRegion(String region) {
		return new CloudWatchSettings(region, this.endpoint, this.profile, this.retryMode, this.maxAttempts,
				this.maxTps, this.concurrency, this.price, this.attemptTimeout);
	}

	/**
	 * @param share a share of the account's quota in the region, more than 0 and at most
	 * 1
	 * @return these settings with the request rate scaled to it and the calls in flight
	 * too (at least one)
	 */
	public CloudWatchSettings shared(double share) {
		return new CloudWatchSettings(this.region, this.endpoint, this.profile, this.retryMode, this.maxAttempts,
				this.maxTps * share, Math.max(1, (int) Math.floor(this.concurrency * share)), this.price,
				this.attemptTimeout);
	}

}
