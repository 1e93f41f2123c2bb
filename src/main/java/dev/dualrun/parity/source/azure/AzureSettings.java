package dev.dualrun.parity.source.azure;

import java.time.Duration;

import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.SettingsBinder;
import dev.dualrun.parity.source.ListPrice;
import dev.dualrun.parity.source.http.RetrySettings;

/**
 * The Azure Monitor metrics API ({@code parity.azure.*}). Credentials come from the
 * environment as the Azure SDKs read them ({@code AZURE_TENANT_ID},
 * {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET}), or a ready token from
 * {@code AZURE_ACCESS_TOKEN}; the properties below, when set, take precedence.
 *
 * @param endpoint Azure Resource Manager, for the metrics of one resource (default
 * {@code https://management.azure.com})
 * @param batchEndpoint the regional metrics endpoint of {@code metrics:getBatch}, with
 * {@code {region}} replaced by the resources' region (default
 * {@code https://{region}.metrics.monitor.azure.com})
 * @param tokenEndpoint the Microsoft Entra ID authority (default
 * {@code https://login.microsoftonline.com})
 * @param tenantId the tenant, or null for {@code AZURE_TENANT_ID}
 * @param clientId the application (client) ID, or null for {@code AZURE_CLIENT_ID}
 * @param clientSecret the client secret, or null for {@code AZURE_CLIENT_SECRET}
 * @param accessToken a bearer token to use as is, or null for {@code AZURE_ACCESS_TOKEN}
 * @param timeout the timeout of one request (default 30 s)
 * @param retry retries of throttled (429, honouring Retry-After) and unavailable answers
 * @param apiVersion the metrics API version (default {@code 2023-10-01})
 * @param concurrency metrics calls in flight at once (default 4; Resource Manager allows
 * a subscription 12,000 reads an hour)
 * @param price the price of 1,000 calls beyond the month's free ones
 * ({@code parity.cost.azure-per-1000-calls}, default 0.01 USD)
 */
public record AzureSettings(String endpoint, String batchEndpoint, String tokenEndpoint, String tenantId,
		String clientId, String clientSecret, String accessToken, Duration timeout, RetrySettings retry,
		String apiVersion, Integer concurrency, ListPrice price) {

	/** The prefix of these settings. */
	static final String PREFIX = "parity.azure";

	/** The setting of the price per 1,000 calls. */
	static final String PRICE = "parity.cost.azure-per-1000-calls";

	public AzureSettings {
		endpoint = trimmed(endpoint, "https://management.azure.com");
		batchEndpoint = trimmed(batchEndpoint, "https://{region}.metrics.monitor.azure.com");
		tokenEndpoint = trimmed(tokenEndpoint, "https://login.microsoftonline.com");
		timeout = (timeout != null && !timeout.isZero()) ? timeout : Duration.ofSeconds(30);
		retry = (retry != null) ? retry : RetrySettings.defaults();
		apiVersion = (apiVersion != null && !apiVersion.isBlank()) ? apiVersion.strip() : "2023-10-01";
		concurrency = (concurrency != null && concurrency > 0) ? concurrency : 4;
		price = (price != null) ? price : ListPrice.bind(SettingsBinder.NONE, PRICE, 0.01);
	}

	/**
	 * @param endpoint Resource Manager, or null
	 * @param batchEndpoint the batch endpoint, or null
	 * @param tokenEndpoint the token authority, or null
	 * @param tenantId the tenant, or null
	 * @param clientId the client, or null
	 * @param clientSecret the secret, or null
	 * @param accessToken a token, or null
	 * @return these endpoints and credentials with the defaults for the rest
	 */
	static AzureSettings of(String endpoint, String batchEndpoint, String tokenEndpoint, String tenantId,
			String clientId, String clientSecret, String accessToken) {
		return new AzureSettings(endpoint, batchEndpoint, tokenEndpoint, tenantId, clientId, clientSecret, accessToken,
				null, null, null, null, null);
	}

	static AzureSettings defaults() {
		return of(null, null, null, null, null, null, null);
	}

	/**
	 * @param binder the settings
	 * @return Azure Monitor's, bound
	 */
	static AzureSettings bind(SettingsBinder binder) {
		AzureSettings bound = binder.bind(PREFIX, AzureSettings.class).orElseGet(AzureSettings::defaults);
		return bound.with(bound.concurrency, ListPrice.bind(binder, PRICE, 0.01));
	}

	/**
	 * @param properties the tool's settings
	 * @return Azure Monitor's among them
	 */
	static AzureSettings of(ParityProperties properties) {
		return properties.source(AzureSettings.class, AzureSettings::defaults);
	}

	/**
	 * @param share a share of the subscription's quota, more than 0 and at most 1
	 * @return these settings with the calls in flight scaled to it (at least one)
	 */
	public AzureSettings shared(double share) {
		return with(Math.max(1, (int) Math.floor(this.concurrency * share)), this.price);
	}

	private AzureSettings with(Integer calls, ListPrice listPrice) {
		return new AzureSettings(this.endpoint, this.batchEndpoint, this.tokenEndpoint, this.tenantId, this.clientId,
				this.clientSecret, this.accessToken, this.timeout, this.retry, this.apiVersion, calls, listPrice);
	}

	private static String trimmed(String url, String fallback) {
		return (url != null && !url.isBlank()) ? url.strip().replaceAll("/+$", "") : fallback;
	}

	@Override
	public String toString() {
		return "Azure[endpoint=" + this.endpoint + ", batch=" + this.batchEndpoint + ", token=" + this.tokenEndpoint
				+ ", auth=" + ((this.accessToken != null) ? "token" : (this.clientSecret != null) ? "secret" : "env")
				+ "]";
	}

}
