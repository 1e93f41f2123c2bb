package dev.dualrun.parity.source.prometheus;

import java.time.Duration;
import java.util.Map;

import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.SettingsBinder;
import dev.dualrun.parity.source.http.RetrySettings;

/**
 * A Prometheus-compatible query API ({@code parity.prometheus.*}): Prometheus, Amazon
 * Managed Prometheus, Mimir, Thanos.
 *
 * @param url base URL, e.g. {@code http://localhost:9090} or a Mimir
 * {@code .../prometheus}
 * @param timeout connect, read and call timeout for one request
 * @param username basic-auth user, or null
 * @param password basic-auth password, or null
 * @param bearerToken bearer token, or null
 * @param headers extra headers sent with every request (e.g. {@code X-Scope-OrgID})
 * @param maxPointsPerRequest points per series per request before the window is split
 * (Prometheus refuses more than 11,000)
 * @param postThreshold query length above which the form is POSTed instead of a GET
 * @param retry retries of a request that may pass (connect failures, timeouts, 429, 502,
 * 503, 504)
 * @param concurrency Prometheus requests in flight at once, at most
 * @param sigv4 AWS Signature Version 4 signing of every request (Amazon Managed Service
 * for Prometheus); off unless its region is set
 */
public record PrometheusSettings(String url, Duration timeout, String username, String password, String bearerToken,
		Map<String, String> headers, Integer maxPointsPerRequest, Integer postThreshold, RetrySettings retry,
		Integer concurrency, SigV4 sigv4) {

	/** The prefix of these settings. */
	static final String PREFIX = "parity.prometheus";

	public PrometheusSettings {
		sigv4 = (sigv4 != null) ? sigv4 : new SigV4(null, null, null);
		retry = (retry != null) ? retry : RetrySettings.defaults();
		concurrency = (concurrency != null && concurrency > 0) ? concurrency : 8;
		url = (url != null && !url.isBlank()) ? url.replaceAll("/+$", "") : "http://localhost:9090";
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(30);
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
		maxPointsPerRequest = (maxPointsPerRequest != null) ? maxPointsPerRequest : 11_000;
		postThreshold = (postThreshold != null) ? postThreshold : 1_500;
	}

	/**
	 * @param url the base URL, or null for the default
	 * @return settings of that API with the defaults for the rest
	 */
	public static PrometheusSettings at(String url) {
		return new PrometheusSettings(url, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * @param binder the settings
	 * @return Prometheus', bound
	 */
	static PrometheusSettings bind(SettingsBinder binder) {
		PrometheusSettings bound = binder.bind(PREFIX, PrometheusSettings.class).orElseGet(() -> at(null));
		if (bound.sigv4().enabled() && bound.sigv4().profile() == null) {
			// the run's AWS profile (--aws-profile) signs too, unless the API names its
			// own
			String profile = binder.bind(AWS_PROFILE, String.class).orElse(null);
			return bound.withSigV4(new SigV4(bound.sigv4().region(), bound.sigv4().service(), profile));
		}
		return bound;
	}

	/** The run's AWS profile, which SigV4 signing uses unless its own is named. */
	static final String AWS_PROFILE = "parity.aws.profile";

	PrometheusSettings withSigV4(SigV4 signing) {
		return new PrometheusSettings(this.url, this.timeout, this.username, this.password, this.bearerToken,
				this.headers, this.maxPointsPerRequest, this.postThreshold, this.retry, this.concurrency, signing);
	}

	/**
	 * @param properties the tool's settings
	 * @return Prometheus' among them
	 */
	static PrometheusSettings of(ParityProperties properties) {
		return properties.source(PrometheusSettings.class, () -> at(null));
	}

	/**
	 * @param base the URL without credentials
	 * @param user the basic-auth user, or null
	 * @param secret the basic-auth password, or null
	 * @return these settings with that URL and basic auth
	 */
	PrometheusSettings withBasicAuth(String base, String user, String secret) {
		return new PrometheusSettings(base, this.timeout, user, secret, this.bearerToken, this.headers,
				this.maxPointsPerRequest, this.postThreshold, this.retry, this.concurrency, this.sigv4);
	}

	@Override
	public String toString() {
		return "Prometheus[url=" + this.url + ", auth="
				+ ((this.bearerToken != null) ? "bearer" : (this.username != null) ? "basic" : "none") + ", headers="
				+ this.headers.keySet() + ", sigv4=" + this.sigv4 + "]";
	}

	/**
	 * SigV4 signing of the Prometheus requests with the AWS SDK's signer and credential
	 * chain.
	 *
	 * @param region the signing region; setting it turns signing on
	 * @param service the signing name (default {@code aps}, Amazon Managed Service for
	 * Prometheus)
	 * @param profile a named profile of ~/.aws, or null for the default credential chain
	 */
	public record SigV4(String region, String service, String profile) {

		public SigV4 {
			region = (region != null && !region.isBlank()) ? region.strip() : null;
			service = (service != null && !service.isBlank()) ? service.strip() : "aps";
			profile = (profile != null && !profile.isBlank()) ? profile.strip() : null;
		}

		/**
		 * @return true if requests are signed
		 */
		public boolean enabled() {
			return this.region != null;
		}

		@Override
		public String toString() {
			return enabled() ? this.service + "@" + this.region
					+ ((this.profile != null) ? " profile " + this.profile : " default credentials") : "off";
		}

	}

}
