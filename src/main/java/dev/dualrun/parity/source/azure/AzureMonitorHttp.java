package dev.dualrun.parity.source.azure;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.source.http.RetryInterceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the metrics API's requests with a bearer token, retrying throttling and
 * unavailability, and reads each answer as JSON; a refusal becomes a
 * {@link SourceException} naming Azure's error code and message, with the secrets hidden.
 */
final class AzureMonitorHttp implements AutoCloseable {

	static final ObjectMapper JSON = JsonMapper.builder().build();

	/** Answers larger than this are refused, not read into memory. */
	static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

	private final OkHttpClient http;

	private final RetryInterceptor retry;

	private final AzureTokenInterceptor tokens;

	private final AtomicLong calls = new AtomicLong();

	/**
	 * @param settings the API's settings
	 * @param tokens the bearer tokens of the requests
	 */
	AzureMonitorHttp(AzureSettings settings, AzureTokenInterceptor tokens) {
		this.tokens = tokens;
		this.retry = new RetryInterceptor("azure-monitor", settings.retry());
		// the token is taken once per call, outside the retries: a refused credential is
		// not retried, a throttled answer is sent again with the same token
		this.http = new OkHttpClient.Builder().connectTimeout(settings.timeout())
			.readTimeout(settings.timeout())
			.writeTimeout(settings.timeout())
			.callTimeout(settings.timeout().multipliedBy(4))
			.retryOnConnectionFailure(false)
			.addInterceptor(tokens)
			.addInterceptor(this.retry)
			.build();
	}

	/**
	 * @return calls made so far
	 */
	long calls() {
		return this.calls.get();
	}

	/**
	 * @return requests sent again after a failure that may pass
	 */
	long retries() {
		return this.retry.retries();
	}

	@Override
	public void close() {
		this.http.dispatcher().executorService().shutdown();
		this.http.connectionPool().evictAll();
	}

	/** A call refused with an HTTP status. */
	static final class Refused extends SourceException {

		private final int status;

		Refused(String message, boolean retryable, int status) {
			super(message, retryable);
			this.status = status;
		}

		int status() {
			return this.status;
		}

	}

	/**
	 * @param request the request
	 * @param scope what is asked and where, for messages
	 * @return the answer
	 * @throws SourceException naming the scope; a {@link Refused} for an HTTP error
	 */
	JsonNode call(Request request, String scope) {
		this.calls.incrementAndGet();
		try (Response response = this.http.newCall(request).execute()) {
			ResponseBody body = response.body();
			long length = (body != null) ? body.contentLength() : 0;
			if (length > MAX_BODY_BYTES) {
				throw new SourceException("Azure Monitor answered " + length + " bytes, more than the "
						+ (MAX_BODY_BYTES >> 20) + " MiB read at most, in " + scope, false);
			}
			String text = (body != null) ? body.string() : "";
			if (!response.isSuccessful()) {
				throw refused(response.code(), text, scope);
			}
			try {
				return JSON.readTree(text);
			}
			catch (RuntimeException ex) {
				throw new SourceException("Azure Monitor's answer is not JSON (" + Text.oneLine(text, 120)
						+ "): is the endpoint the Azure Monitor metrics API? in " + scope, false, ex);
			}
		}
		catch (AzureTokenInterceptor.TokenException ex) {
			throw new SourceException(ex.getMessage(), false, ex);
		}
		catch (IOException ex) {
			throw new SourceException(
					"Azure Monitor not reachable (" + Text.oneLine(ex.getMessage(), 160) + ") in " + scope, true, ex);
		}
	}

	/**
	 * Azure's error bodies: {@code {"error":{"code","message"}}} or
	 * {@code {"code","message"}}.
	 */
	private Refused refused(int status, String text, String scope) {
		String code = "";
		String message = "";
		try {
			JsonNode root = JSON.readTree(text);
			JsonNode error = root.has("error") ? root.path("error") : root;
			code = error.path("code").asString("");
			message = error.path("message").asString("");
		}
		catch (RuntimeException ex) {
			// not JSON: shown as it came
		}
		String detail = code.isEmpty() && message.isEmpty()
				? "a body that is not an Azure error: " + Text.oneLine(text, 120)
				: code + ": " + Text.oneLine(message, 240);
		String cause = (status == 401 || status == 403) ? "Azure Monitor refused the token"
				: (status == 429) ? "Azure Monitor throttled"
						: (status == 404) ? "Azure Monitor found no such resource or metric" : "Azure Monitor error";
		return new Refused(hide(cause + " (HTTP " + status + ", " + detail + ") in " + scope),
				status >= 500 || status == 429, status);
	}

	private String hide(String text) {
		String out = text;
		for (String s : this.tokens.secrets()) {
			if (s.length() >= 4) {
				out = out.replace(s, "***");
			}
		}
		return out;
	}

}
