package dev.dualrun.parity.source.prometheus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.http.RetryInterceptor;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A small client for the Prometheus HTTP API: {@code query_range} (GET, or POST form for
 * long queries; windows over the point limit split on the same grid) and
 * {@code buildinfo}. Thread-safe; one instance per run.
 */
public final class PrometheusClient {

	/** Larger answers are refused instead of filling the heap. */
	static final long MAX_RESPONSE_BYTES = 256L * 1024 * 1024;

	private final OkHttpClient http;

	private final HttpUrl base;

	private final PrometheusSettings settings;

	private final PrometheusResponseParser parser = new PrometheusResponseParser();

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong splits = new AtomicLong();

	private final RetryInterceptor retry;

	/** Signs each request with SigV4, or null. */
	private final SigV4Interceptor signer;

	/** Values never shown: passwords and tokens, from the settings or the URL. */
	private final List<String> secrets;

	/**
	 * @param settings the API's settings; credentials in the URL
	 * ({@code http://user:secret@host}) become basic auth and are never shown
	 */
	public PrometheusClient(PrometheusSettings settings) {
		HttpUrl url = HttpUrl.parse(settings.url());
		if (url == null) {
			throw new ConfigurationException(
					"Prometheus URL '" + settings.url().replaceAll("//[^/@]*@", "//***@") + "' is not an http(s) URL");
		}
		String user = settings.username();
		String password = settings.password();
		if (user == null && !url.username().isEmpty()) {
			user = url.username();
			password = url.password();
		}
		this.base = url.newBuilder().username("").password("").build();
		this.settings = settings.withBasicAuth(this.base.toString(), user, password);
		if (settings.sigv4().enabled() && (user != null || settings.bearerToken() != null
				|| settings.headers().keySet().stream().anyMatch("Authorization"::equalsIgnoreCase))) {
			throw new ConfigurationException("parity.prometheus.sigv4.region is set and so is "
					+ ((settings.bearerToken() != null) ? "a bearer token"
							: (user != null) ? "basic auth" : "an Authorization header")
					+ ": a request carries one Authorization, use one of them");
		}
		List<String> hidden = new ArrayList<>();
		hidden.add(password);
		hidden.add(settings.bearerToken());
		hidden.add(url.password());
		settings.headers().forEach((k, v) -> {
			if (k.equalsIgnoreCase("Authorization") || k.toLowerCase(java.util.Locale.ROOT).contains("token")
					|| k.toLowerCase(java.util.Locale.ROOT).contains("key")) {
				hidden.add(v);
			}
		});
		if (user != null) {
			hidden.add(Credentials.basic(user, (password != null) ? password : "").substring("Basic ".length()));
		}
		this.secrets = hidden.stream().filter((v) -> v != null && !v.isBlank()).toList();
		this.retry = new RetryInterceptor("prometheus", settings.retry());
		OkHttpClient.Builder http = new OkHttpClient.Builder().connectTimeout(settings.timeout())
			.readTimeout(settings.timeout())
			.writeTimeout(settings.timeout())
			.callTimeout(settings.timeout().multipliedBy(2))
			.retryOnConnectionFailure(false)
			.addInterceptor(this.retry);
		// after the retries: every attempt is signed anew
		this.signer = settings.sigv4().enabled() ? new SigV4Interceptor(settings.sigv4().region(),
				settings.sigv4().service(), settings.sigv4().profile()) : null;
		if (this.signer != null) {
			http.addInterceptor(this.signer);
		}
		this.http = http.build();
	}

	/**
	 * @return requests sent again after a failure that may pass
	 */
	public long retries() {
		return this.retry.retries();
	}

	/**
	 * @return the base URL, for messages
	 */
	public String url() {
		return this.base.toString();
	}

	/**
	 * @return HTTP calls made so far
	 */
	public long calls() {
		return this.calls.get();
	}

	/**
	 * Evaluates a range query at {@code start + k*step} for every instant up to and
	 * including {@code end}, splitting the window into requests of at most the configured
	 * point count.
	 * @param query the PromQL
	 * @param start first evaluation instant (inclusive, whole seconds)
	 * @param end last evaluation instant (inclusive)
	 * @param stepSeconds the step
	 * @return the merged series and the warnings of all requests
	 * @throws PrometheusQueryException naming URL and query if any request fails
	 */
	public RangeResult queryRange(String query, Instant start, Instant end, long stepSeconds) {
		long maxSpan = (this.settings.maxPointsPerRequest() - 1L) * stepSeconds;
		List<RangeResponse> parts = new ArrayList<>();
		for (long s = start.getEpochSecond(); s <= end.getEpochSecond(); s += maxSpan + stepSeconds) {
			long e = Math.min(s + maxSpan, end.getEpochSecond());
			queryRangeSplitting(query, s, e, stepSeconds, parts);
		}
		return RangeResult.merge(parts);
	}

	/**
	 * One request, or, when the server refuses the window as too large (413: an answer
	 * over Amazon Managed Prometheus' 50 MiB; 422 "too many samples": the query's sample
	 * limit), two requests of half the window each on the same grid, and so on down to
	 * one step.
	 */
	private void queryRangeSplitting(String query, long start, long end, long step, List<RangeResponse> parts) {
		try {
			parts.add(queryRangeOnce(query, start, end, step));
		}
		catch (WindowTooLargeException ex) {
			long steps = (end - start) / step;
			if (steps < 1) {
				throw ex.failure();
			}
			this.splits.incrementAndGet();
			long mid = start + (steps / 2) * step;
			queryRangeSplitting(query, start, mid, step, parts);
			queryRangeSplitting(query, mid + step, end, step, parts);
		}
	}

	/**
	 * @return windows split in two because the server found them too large
	 */
	public long splits() {
		return this.splits.get();
	}

	/**
	 * A range query on a grid of milliseconds (a rule group's evaluations are not on
	 * whole seconds).
	 * @param query the PromQL
	 * @param startMillis first evaluation instant, epoch milliseconds
	 * @param endMillis last evaluation instant (inclusive)
	 * @param stepMillis the step in milliseconds
	 * @return the merged series and the warnings of all requests
	 * @throws PrometheusQueryException naming URL and query if any request fails
	 */
	public RangeResult queryRangeMillis(String query, long startMillis, long endMillis, long stepMillis) {
		long maxSpan = (this.settings.maxPointsPerRequest() - 1L) * stepMillis;
		List<RangeResponse> parts = new ArrayList<>();
		for (long s = startMillis; s <= endMillis; s += maxSpan + stepMillis) {
			long e = Math.min(s + maxSpan, endMillis);
			parts.add(queryRangeOnce(query, seconds(s), seconds(e), seconds(stepMillis)));
		}
		return RangeResult.merge(parts);
	}

	private static String seconds(long millis) {
		return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
	}

	private RangeResponse queryRangeOnce(String query, long start, long end, long step) {
		return queryRangeOnce(query, Long.toString(start), Long.toString(end), Long.toString(step));
	}

	private RangeResponse queryRangeOnce(String query, String start, String end, String step) {
		HttpUrl endpoint = this.base.newBuilder().addPathSegments("api/v1/query_range").build();
		Request.Builder request = authorized(new Request.Builder());
		if (query.length() > this.settings.postThreshold()) {
			request.url(endpoint)
				.post(new FormBody.Builder().add("query", query)
					.add("start", start)
					.add("end", end)
					.add("step", step)
					.build());
		}
		else {
			request.url(endpoint.newBuilder()
				.addQueryParameter("query", query)
				.addQueryParameter("start", start)
				.addQueryParameter("end", end)
				.addQueryParameter("step", step)
				.build());
		}
		return execute(request.build(), query, (body) -> this.parser.parseRange(body));
	}

	/**
	 * @return the server's version from {@code /api/v1/status/buildinfo}, or a short
	 * reason why it is unknown (Mimir and AMP may not serve it)
	 */
	public String version() {
		HttpUrl endpoint = this.base.newBuilder().addPathSegments("api/v1/status/buildinfo").build();
		try {
			return execute(authorized(new Request.Builder()).url(endpoint).build(), null, this.parser::parseVersion);
		}
		catch (PrometheusQueryException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	/**
	 * A GET of the HTTP API (label values, series, an instant query).
	 * @param path e.g. {@code api/v1/series}
	 * @param params the query parameters, a name repeated for each of its values
	 * @return the answer's {@code data}
	 * @throws PrometheusQueryException naming the cause
	 */
	tools.jackson.databind.JsonNode get(String path, List<String[]> params) {
		HttpUrl.Builder url = this.base.newBuilder().addPathSegments(path);
		params.forEach((p) -> url.addQueryParameter(p[0], p[1]));
		return execute(authorized(new Request.Builder()).url(url.build()).build(), null, this.parser::data);
	}

	private Request.Builder authorized(Request.Builder request) {
		if (this.settings.bearerToken() != null) {
			request.header("Authorization", "Bearer " + this.settings.bearerToken());
		}
		else if (this.settings.username() != null) {
			request.header("Authorization", Credentials.basic(this.settings.username(),
					(this.settings.password() != null) ? this.settings.password() : ""));
		}
		this.settings.headers().forEach(request::header);
		return request.header("Accept", "application/json");
	}

	private <T> T execute(Request request, String query, BodyReader<T> reader) {
		this.calls.incrementAndGet();
		String where = this.base + ((query != null) ? " for query " + oneLine(query) : "");
		try (Response response = this.http.newCall(request).execute()) {
			ResponseBody body = response.body();
			if (!response.isSuccessful()) {
				byte[] bytes = readLimited(body, 4096);
				String detail = this.parser.errorText(bytes);
				if (detail == null) {
					detail = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
					detail = detail.isEmpty() ? response.message() : oneLine(detail);
				}
				int code = response.code();
				String cause = (code == 401 || code == 403) ? "credentials refused" : "query failed";
				String hint = "";
				if (this.signer != null && code == 403) {
					cause = "refused the SigV4-signed request";
					hint = ": check the AWS credentials (" + this.settings.sigv4()
							+ ") and that they may call aps:QueryMetrics on this workspace";
				}
				PrometheusQueryException failure = new PrometheusQueryException(
						"Prometheus " + cause + " (HTTP " + code + ", " + redact(detail) + ") at " + where + hint,
						code == 429 || code >= 500);
				// only a range query has a window to split
				if (query != null && (code == 413 || (code == 422 && detail.contains("too many samples")))) {
					throw new WindowTooLargeException(failure);
				}
				throw failure;
			}
			if (body.contentLength() > MAX_RESPONSE_BYTES) {
				throw tooLarge(where);
			}
			try (InputStream in = new LimitedInputStream(body.byteStream(), MAX_RESPONSE_BYTES)) {
				return reader.read(in);
			}
		}
		catch (PrometheusApiException ex) {
			throw new PrometheusQueryException("Prometheus " + redact(ex.getMessage()) + " at " + where,
					ex.isRetryable());
		}
		catch (ResponseTooLargeException ex) {
			throw tooLarge(where);
		}
		catch (SigV4Interceptor.SigningException ex) {
			throw new PrometheusQueryException(
					"Prometheus request not sent: " + redact(ex.getMessage()) + " at " + where, false, ex);
		}
		catch (ConnectException | UnknownHostException ex) {
			throw new PrometheusQueryException(
					"Prometheus not reachable at " + this.base + " (" + ex.getMessage() + ")", true, ex);
		}
		catch (InterruptedIOException ex) {
			throw new PrometheusQueryException(
					"Prometheus timed out after " + this.settings.timeout().toMillis() / 1000.0 + " s at " + where,
					true, ex);
		}
		catch (IOException ex) {
			throw new PrometheusQueryException("Prometheus request failed (" + redact(ex.toString()) + ") at " + where,
					true, ex);
		}
	}

	private String redact(String text) {
		String redacted = Text.redact(text, this.secrets);
		if (this.signer != null) {
			// an error body may echo the request: no signature or session token shown
			redacted = Text.redact(redacted, this.signer.secretsInUse())
				.replaceAll("(?i)(Signature=)[0-9a-f]{16,}", "$1***");
		}
		return redacted;
	}

	private static PrometheusQueryException tooLarge(String where) {
		return new PrometheusQueryException("Prometheus response larger than " + (MAX_RESPONSE_BYTES >> 20) + " MiB at "
				+ where + ": narrow the query (sum by the dimensions) or the window", false);
	}

	private static byte[] readLimited(ResponseBody body, int max) throws IOException {
		try (InputStream in = body.byteStream()) {
			return in.readNBytes(max);
		}
	}

	static String oneLine(String query) {
		return Text.oneLine(query, 300);
	}

	@FunctionalInterface
	private interface BodyReader<T> {

		T read(InputStream body) throws IOException;

	}

	/** The server refused a window as too large: split it. */
	private static final class WindowTooLargeException extends RuntimeException {

		private final PrometheusQueryException failure;

		WindowTooLargeException(PrometheusQueryException failure) {
			super(failure.getMessage(), null, false, false);
			this.failure = failure;
		}

		PrometheusQueryException failure() {
			return this.failure;
		}

	}

	/** Thrown by {@link LimitedInputStream} past its limit. */
	private static final class ResponseTooLargeException extends IOException {

		ResponseTooLargeException() {
			super("response too large");
		}

	}

	/** Counts bytes and fails past a limit, so a huge answer cannot exhaust the heap. */
	private static final class LimitedInputStream extends FilterInputStream {

		private long remaining;

		LimitedInputStream(InputStream in, long limit) {
			super(in);
			this.remaining = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0 && --this.remaining < 0) {
				throw new ResponseTooLargeException();
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0 && (this.remaining -= n) < 0) {
				throw new ResponseTooLargeException();
			}
			return n;
		}

	}

}
