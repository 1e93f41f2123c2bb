package dev.dualrun.parity.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The tool's settings ({@code parity.*} properties, environment variables such as
 * {@code PARITY_PROMETHEUS_URL}, or CLI flags). Null fields take the documented defaults.
 *
 * @param settle how far behind now the window must end: recent data still changes (rule
 * 2)
 * @param threads how many pairs are compared at once
 * @param reportsDir where HTML reports are written
 * @param prometheus the Prometheus-compatible API
 * @param cloudwatch the CloudWatch API
 * @param azure the Azure Monitor metrics API
 * @param textfile where each run writes its verdicts as Prometheus metrics for
 * node_exporter's textfile collector (a {@code .prom} file), or null for none
 * @param cost the prices the cost of a run is stated in
 */
public record ParityProperties(Duration settle, Duration settleRecheck, Integer threads, Path reportsDir,
		Prometheus prometheus, CloudWatch cloudwatch, Azure azure, Path textfile, Cost cost) {

	public ParityProperties {
		settle = (settle != null) ? settle : Duration.ofMinutes(10);
		settleRecheck = (settleRecheck != null) ? settleRecheck : Duration.ofSeconds(60);
		threads = (threads != null && threads > 0) ? threads : 4;
		reportsDir = (reportsDir != null) ? reportsDir : Path.of("reports");
		prometheus = (prometheus != null) ? prometheus
				: new Prometheus(null, null, null, null, null, null, null, null, null, null, null);
		cloudwatch = (cloudwatch != null) ? cloudwatch : new CloudWatch(null, null, null, null, null, null, null);
		azure = (azure != null) ? azure : new Azure(null, null, null, null, null, null, null, null, null, null, null);
		cost = (cost != null) ? cost : new Cost(null, null, null);
	}

	/**
	 * @param cloudwatch other CloudWatch settings
	 * @return these settings with those
	 */
	public ParityProperties withCloudWatch(CloudWatch cloudwatch) {
		return new ParityProperties(this.settle, this.settleRecheck, this.threads, this.reportsDir, this.prometheus,
				cloudwatch, this.azure, this.textfile, this.cost);
	}

	/**
	 * @param azure other Azure Monitor settings
	 * @return these settings with those
	 */
	public ParityProperties withAzure(Azure azure) {
		return new ParityProperties(this.settle, this.settleRecheck, this.threads, this.reportsDir, this.prometheus,
				this.cloudwatch, azure, this.textfile, this.cost);
	}

	/**
	 * A Prometheus-compatible query API (Prometheus, Amazon Managed Prometheus, Mimir,
	 * Thanos).
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
	 * @param retry retries of a request that may pass (connect failures, timeouts, 429,
	 * 502, 503, 504)
	 * @param concurrency Prometheus requests in flight at once, at most
	 * @param sigv4 AWS Signature Version 4 signing of every request (Amazon Managed
	 * Service for Prometheus); off unless its region is set
	 */
	public record Prometheus(String url, Duration timeout, String username, String password, String bearerToken,
			Map<String, String> headers, Integer maxPointsPerRequest, Integer postThreshold, Retry retry,
			Integer concurrency, SigV4 sigv4) {

		public Prometheus {
			sigv4 = (sigv4 != null) ? sigv4 : new SigV4(null, null, null);
			retry = (retry != null) ? retry : new Retry(null, null, null);
			concurrency = (concurrency != null && concurrency > 0) ? concurrency : 8;
			url = (url != null && !url.isBlank()) ? url.replaceAll("/+$", "") : "http://localhost:9090";
			timeout = (timeout != null) ? timeout : Duration.ofSeconds(30);
			headers = (headers != null) ? Map.copyOf(headers) : Map.of();
			maxPointsPerRequest = (maxPointsPerRequest != null) ? maxPointsPerRequest : 11_000;
			postThreshold = (postThreshold != null) ? postThreshold : 1_500;
		}

		@Override
		public String toString() {
			return "Prometheus[url=" + this.url + ", auth="
					+ ((this.bearerToken != null) ? "bearer" : (this.username != null) ? "basic" : "none")
					+ ", headers=" + this.headers.keySet() + ", sigv4=" + this.sigv4 + "]";
		}

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

	/**
	 * The CloudWatch API. Null fields follow the SDK's standard chain (AWS_REGION,
	 * AWS_ENDPOINT_URL_CLOUDWATCH, AWS_PROFILE, ~/.aws/config).
	 *
	 * @param region the region, or null for the default region chain
	 * @param endpoint an endpoint override (e.g. a CloudWatch-compatible test server), or
	 * null
	 * @param profile a named profile of ~/.aws/credentials, or null for the default chain
	 * @param retryMode the SDK's retry strategy: {@code standard} (default) or
	 * {@code adaptive} (also slows the client down when throttled)
	 * @param maxAttempts attempts of one call in all, the first included (default 5)
	 * @param maxTps GetMetricData requests per second at most, retries included (default
	 * 10; the account's quota is shared with dashboards and alarms)
	 * @param concurrency GetMetricData calls in flight at once (default 4)
	 */
	public record CloudWatch(String region, String endpoint, String profile, String retryMode, Integer maxAttempts,
			Double maxTps, Integer concurrency) {

		public CloudWatch {
			maxTps = (maxTps != null && maxTps > 0) ? maxTps : 10.0;
			concurrency = (concurrency != null && concurrency > 0) ? concurrency : 4;
			retryMode = (retryMode != null && !retryMode.isBlank())
					? retryMode.strip().toLowerCase(java.util.Locale.ROOT) : "standard";
			maxAttempts = (maxAttempts != null && maxAttempts > 0) ? maxAttempts : 5;
		}

		/**
		 * @param region a region
		 * @return these settings for that region (its own client, its own rate)
		 */
		public CloudWatch inRegion(String region) {
			return new CloudWatch(region, this.endpoint, this.profile, this.retryMode, this.maxAttempts, this.maxTps,
					this.concurrency);
		}

		/**
		 * @param share a share of the account's quota in the region, more than 0 and at
		 * most 1
		 * @return these settings with the request rate scaled to it and the calls in
		 * flight too (at least one)
		 */
		public CloudWatch shared(double share) {
			return new CloudWatch(this.region, this.endpoint, this.profile, this.retryMode, this.maxAttempts,
					this.maxTps * share, Math.max(1, (int) Math.floor(this.concurrency * share)));
		}

	}

	/**
	 * The Azure Monitor metrics API. Credentials come from the environment as the Azure
	 * SDKs read them ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID},
	 * {@code AZURE_CLIENT_SECRET}), or a ready token from {@code AZURE_ACCESS_TOKEN}; the
	 * properties below, when set, take precedence.
	 *
	 * @param endpoint Azure Resource Manager, for the metrics of one resource (default
	 * {@code https://management.azure.com})
	 * @param batchEndpoint the regional metrics endpoint of {@code metrics:getBatch},
	 * with {@code {region}} replaced by the resources' region (default
	 * {@code https://{region}.metrics.monitor.azure.com})
	 * @param tokenEndpoint the Microsoft Entra ID authority (default
	 * {@code https://login.microsoftonline.com})
	 * @param tenantId the tenant, or null for {@code AZURE_TENANT_ID}
	 * @param clientId the application (client) ID, or null for {@code AZURE_CLIENT_ID}
	 * @param clientSecret the client secret, or null for {@code AZURE_CLIENT_SECRET}
	 * @param accessToken a bearer token to use as is, or null for
	 * {@code AZURE_ACCESS_TOKEN}
	 * @param timeout the timeout of one request (default 30 s)
	 * @param retry retries of throttled (429, honouring Retry-After) and unavailable
	 * answers
	 * @param apiVersion the metrics API version (default {@code 2023-10-01})
	 * @param concurrency metrics calls in flight at once (default 4; Resource Manager
	 * allows a subscription 12,000 reads an hour)
	 */
	public record Azure(String endpoint, String batchEndpoint, String tokenEndpoint, String tenantId, String clientId,
			String clientSecret, String accessToken, Duration timeout, Retry retry, String apiVersion,
			Integer concurrency) {

		public Azure {
			endpoint = trimmed(endpoint, "https://management.azure.com");
			batchEndpoint = trimmed(batchEndpoint, "https://{region}.metrics.monitor.azure.com");
			tokenEndpoint = trimmed(tokenEndpoint, "https://login.microsoftonline.com");
			timeout = (timeout != null && !timeout.isZero()) ? timeout : Duration.ofSeconds(30);
			retry = (retry != null) ? retry : new Retry(null, null, null);
			apiVersion = (apiVersion != null && !apiVersion.isBlank()) ? apiVersion.strip() : "2023-10-01";
			concurrency = (concurrency != null && concurrency > 0) ? concurrency : 4;
		}

		/**
		 * @param share a share of the subscription's quota, more than 0 and at most 1
		 * @return these settings with the calls in flight scaled to it (at least one)
		 */
		public Azure shared(double share) {
			return new Azure(this.endpoint, this.batchEndpoint, this.tokenEndpoint, this.tenantId, this.clientId,
					this.clientSecret, this.accessToken, this.timeout, this.retry, this.apiVersion,
					Math.max(1, (int) Math.floor(this.concurrency * share)));
		}

		private static String trimmed(String url, String fallback) {
			return (url != null && !url.isBlank()) ? url.strip().replaceAll("/+$", "") : fallback;
		}

		@Override
		public String toString() {
			return "Azure[endpoint=" + this.endpoint + ", batch=" + this.batchEndpoint + ", token=" + this.tokenEndpoint
					+ ", auth="
					+ ((this.accessToken != null) ? "token" : (this.clientSecret != null) ? "secret" : "env") + "]";
		}

	}

	/**
	 * Prices, each with the day it was read from its price list, so that a stated cost
	 * says what it assumed; override them for another region, currency or contract.
	 *
	 * @param cloudwatchPer1000Metrics the price of 1,000 metrics requested by
	 * GetMetricData (default 0.01 USD, us-east-1)
	 * @param azurePer1000Calls the price of 1,000 Azure Monitor metrics API calls beyond
	 * the monthly free ones (default 0.01 USD)
	 * @param checked the day the defaults were read, or the day of an override
	 */
	public record Cost(Double cloudwatchPer1000Metrics, Double azurePer1000Calls, String checked) {

		/**
		 * Where the default prices come from: the public list prices as this project knew
		 * them on that day, not re-read from the vendors' price lists by this build
		 * (which cannot reach them).
		 */
		public static final String DEFAULTS_CHECKED = "list prices as known on 2026-12-01, not re-checked";

		public Cost {
			boolean defaults = cloudwatchPer1000Metrics == null && azurePer1000Calls == null;
			cloudwatchPer1000Metrics = (cloudwatchPer1000Metrics != null && cloudwatchPer1000Metrics >= 0)
					? cloudwatchPer1000Metrics : 0.01;
			azurePer1000Calls = (azurePer1000Calls != null && azurePer1000Calls >= 0) ? azurePer1000Calls : 0.01;
			checked = (checked != null && !checked.isBlank()) ? checked.strip()
					: defaults ? DEFAULTS_CHECKED : "an override (parity.cost.checked not given)";
		}

	}

	/**
	 * Retries with bounded exponential backoff and jitter.
	 *
	 * @param maxAttempts attempts in all, the first included (default 4; 1 turns retries
	 * off)
	 * @param initialBackoff the pause before the first retry, doubled each time with +-50
	 * % jitter (default 500ms)
	 * @param maxBackoff the longest pause, also the cap of a {@code Retry-After} (default
	 * 20s)
	 */
	public record Retry(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff) {

		public Retry {
			maxAttempts = (maxAttempts != null && maxAttempts > 0) ? maxAttempts : 4;
			initialBackoff = (initialBackoff != null && !initialBackoff.isZero()) ? initialBackoff
					: Duration.ofMillis(500);
			maxBackoff = (maxBackoff != null && !maxBackoff.isZero()) ? maxBackoff : Duration.ofSeconds(20);
		}

	}

}
