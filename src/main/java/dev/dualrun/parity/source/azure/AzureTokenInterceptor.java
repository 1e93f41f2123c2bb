package dev.dualrun.parity.source.azure;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.http.RetryInterceptor;
import okhttp3.FormBody;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a Microsoft Entra ID bearer token on every Azure Monitor request: a token given as
 * is ({@code AZURE_ACCESS_TOKEN}), or one obtained with the OAuth 2.0 client credentials
 * grant ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET})
 * for the request's audience (Resource Manager, or the regional metrics endpoint of the
 * batch API) and kept until five minutes before it expires. The token endpoint's own
 * throttling and unavailability are retried; a refused credential is not. Neither the
 * secret nor a token is ever written to a message.
 */
final class AzureTokenInterceptor implements Interceptor {

	/** The audience of Azure Resource Manager. */
	static final String ARM_SCOPE = "https://management.azure.com/.default";

	/** The audience of the regional metrics endpoints ({@code metrics:getBatch}). */
	static final String METRICS_SCOPE = "https://metrics.monitor.azure.com/.default";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final String staticToken;

	private final String tokenUrl;

	private final String clientId;

	private final String clientSecret;

	private final OkHttpClient http;

	private final Clock clock;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	private record Token(String value, Instant refreshAt) {

	}

	/**
	 * A refused or unreadable token request: not worth retrying the metrics call.
	 */
	static final class TokenException extends IOException {

		TokenException(String message) {
			super(message);
		}

	}

	private AzureTokenInterceptor(String staticToken, String tokenUrl, String clientId, String clientSecret,
			OkHttpClient http, Clock clock) {
		this.staticToken = staticToken;
		this.tokenUrl = tokenUrl;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.http = http;
		this.clock = clock;
	}

	/**
	 * @param settings the Azure settings; unset credentials are read from the environment
	 * @param env the environment (System::getenv)
	 * @param clock the clock of token expiry
	 * @return the interceptor
	 * @throws ConfigurationException if no credential is given at all
	 */
	static AzureTokenInterceptor of(AzureSettings settings, java.util.function.UnaryOperator<String> env, Clock clock) {
		String token = first(settings.accessToken(), env.apply("AZURE_ACCESS_TOKEN"));
		String tenant = first(settings.tenantId(), env.apply("AZURE_TENANT_ID"));
		String client = first(settings.clientId(), env.apply("AZURE_CLIENT_ID"));
		String secret = first(settings.clientSecret(), env.apply("AZURE_CLIENT_SECRET"));
		if (token == null && (tenant == null || client == null || secret == null)) {
			List<String> missing = new java.util.ArrayList<>();
			if (tenant == null) {
				missing.add("AZURE_TENANT_ID");
			}
			if (client == null) {
				missing.add("AZURE_CLIENT_ID");
			}
			if (secret == null) {
				missing.add("AZURE_CLIENT_SECRET");
			}
			throw new ConfigurationException(
					"no Azure credentials for the azure-monitor pairs: set " + String.join(", ", missing)
							+ " (a service principal with the Monitoring Reader role), " + "or AZURE_ACCESS_TOKEN");
		}
		if (tenant != null && !tenant.matches("[A-Za-z0-9.-]{1,100}")) {
			throw new ConfigurationException(
					"AZURE_TENANT_ID '" + Text.oneLine(tenant, 60) + "' is not a tenant ID or domain");
		}
		OkHttpClient http = new OkHttpClient.Builder().callTimeout(settings.timeout())
			.retryOnConnectionFailure(false)
			.addInterceptor(new RetryInterceptor("azure-token", settings.retry()))
			.build();
		String url = (token == null) ? settings.tokenEndpoint() + "/" + tenant + "/oauth2/v2.0/token" : null;
		return new AzureTokenInterceptor(token, url, client, secret, http, clock);
	}

	private static String first(String a, String b) {
		if (a != null && !a.isBlank()) {
			return a.strip();
		}
		return (b != null && !b.isBlank()) ? b.strip() : null;
	}

	/**
	 * @return the values never to show
	 */
	List<String> secrets() {
		List<String> out = new java.util.ArrayList<>();
		if (this.staticToken != null) {
			out.add(this.staticToken);
		}
		if (this.clientSecret != null) {
			out.add(this.clientSecret);
		}
		this.tokens.values().forEach((t) -> out.add(t.value()));
		return out;
	}

	/**
	 * @return where tokens come from, for the run's record
	 */
	String describe() {
		return (this.staticToken != null) ? "token from the environment"
				: "client credentials of " + this.clientId + " at " + this.tokenUrl;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request request = chain.request();
		String scope = request.url().encodedPath().endsWith("metrics:getBatch") ? METRICS_SCOPE : ARM_SCOPE;
		return chain.proceed(request.newBuilder().header("Authorization", "Bearer " + token(scope)).build());
	}

	private String token(String scope) throws IOException {
		if (this.staticToken != null) {
			return this.staticToken;
		}
		Token cached = this.tokens.get(scope);
		if (cached != null && this.clock.instant().isBefore(cached.refreshAt())) {
			return cached.value();
		}
		synchronized (this) {
			cached = this.tokens.get(scope);
			if (cached != null && this.clock.instant().isBefore(cached.refreshAt())) {
				return cached.value();
			}
			Token fresh = request(scope);
			this.tokens.put(scope, fresh);
			return fresh.value();
		}
	}

	private Token request(String scope) throws IOException {
		Request request = new Request.Builder().url(this.tokenUrl)
			.post(new FormBody.Builder().add("grant_type", "client_credentials")
				.add("client_id", this.clientId)
				.add("client_secret", this.clientSecret)
				.add("scope", scope)
				.build())
			.build();
		try (Response response = this.http.newCall(request).execute()) {
			String body = (response.body() != null) ? response.body().string() : "";
			JsonNode json;
			try {
				json = JSON.readTree(body);
			}
			catch (RuntimeException ex) {
				json = null;
			}
			if (!response.isSuccessful() || json == null || !json.path("access_token").isString()) {
				String error = (json != null) ? json.path("error").asString("") : "";
				String description = (json != null) ? json.path("error_description").asString("") : "";
				String why = !error.isEmpty() ? error + ": " + firstLine(description)
						: "not a token answer: " + Text.oneLine(body, 120);
				throw new TokenException("Microsoft Entra ID refused the client credentials of " + this.clientId
						+ " (HTTP " + response.code() + ", " + hide(why) + ") at " + this.tokenUrl);
			}
			long expiresIn = json.path("expires_in").asLong(3600);
			Instant refresh = this.clock.instant().plusSeconds(Math.max(60, expiresIn - 300));
			return new Token(json.path("access_token").asString(), refresh);
		}
	}

	private String hide(String text) {
		String out = text;
		if (this.clientSecret != null && !this.clientSecret.isEmpty()) {
			out = out.replace(this.clientSecret, "***");
		}
		return out;
	}

	/** Entra's descriptions carry a trace and a correlation ID after the first line. */
	private static String firstLine(String description) {
		String line = description.lines().findFirst().orElse("").strip();
		return Text.oneLine(line, 200);
	}

}
