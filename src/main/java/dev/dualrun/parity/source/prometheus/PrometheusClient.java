package dev.dualrun.parity.source.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.http.RetryInterceptor;
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

	/** Authorizes each request and keeps the secrets out of messages. */
	private final PrometheusCredentials credentials;

	private final PrometheusResponseParser parser = new PrometheusResponseParser();

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong splits = new AtomicLong();

	private final RetryInterceptor retry;

	/**
	 * @param settings the API's settings; credentials in the URL
	 * ({@code http://user:secret@host}) become basic auth and are never shown
	 */
	public PrometheusClient(PrometheusSettings settings) {
		this.credentials = new PrometheusCredentials(settings);
		this.base = this.credentials.base();
		this.settings = this.credentials.settings();
		this.retry = new RetryInterceptor("prometheus", settings.retry());
		OkHttpClient.Builder http = new OkHttpClient.Builder().connectTimeout(settings.timeout())
			.readTimeout(settings.timeout())
			.writeTimeout(settings.timeout())
			.callTimeout(settings.timeout().multipliedBy(2))
			.retryOnConnectionFailure(false)
			.addInterceptor(this.retry);
		// after the retries: every attempt is signed anew
		if (this.credentials.signer() != null) {
			http.addInterceptor(this.credentials.signer());
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
		Request.Builder request = this.credentials.authorized(new Request.Builder());
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
			return execute(this.credentials.authorized(new Request.Builder()).url(endpoint).build(), null,
					this.parser::parseVersion);
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
	public tools.jackson.databind.JsonNode get(String path, List<String[]> params) {
		HttpUrl.Builder url = this.base.newBuilder().addPathSegments(path);
		params.forEach((p) -> url.addQueryParameter(p[0], p[1]));
		return execute(this.credentials.authorized(new Request.Builder()).url(url.build()).build(), null,
				this.parser::data);
	}

	private <T> T execute(Request request, String query, BodyReader<T> reader) {
		this.calls.incrementAndGet();
		String where = this.base + ((query != null) ? " for query " + oneLine(query) : "");
		try (Response response = this.http.newCall(request).execute()) {
			ResponseBody body = response.body();
			if (!response.isSuccessful()) {
				throw refused(response, query, where);
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
		catch (LimitedInputStream.TooLargeException ex) {
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

	/**
	 * @return the failure an HTTP error answer means: a window too large to split, or a
	 * {@link PrometheusQueryException} naming the cause
	 */
	private RuntimeException refused(Response response, String query, String where) throws IOException {
		byte[] bytes = readLimited(response.body(), 4096);
		String detail = this.parser.errorText(bytes);
		if (detail == null) {
			detail = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
			detail = detail.isEmpty() ? response.message() : oneLine(detail);
		}
		int code = response.code();
		String cause = (code == 401 || code == 403) ? "credentials refused" : "query failed";
		String hint = "";
		if (this.credentials.signer() != null && code == 403) {
			cause = "refused the SigV4-signed request";
			hint = ": check the AWS credentials (" + this.settings.sigv4()
					+ ") and that they may call aps:QueryMetrics on this workspace";
		}
		PrometheusQueryException failure = new PrometheusQueryException(
				"Prometheus " + cause + " (HTTP " + code + ", " + redact(detail) + ") at " + where + hint,
				code == 429 || code >= 500);
		// only a range query has a window to split
		if (query != null && (code == 413 || (code == 422 && detail.contains("too many samples")))) {
			return new WindowTooLargeException(failure);
		}
		return failure;
	}

	private String redact(String text) {
		return this.credentials.redact(text);
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

}
