package dev.dualrun.parity.source.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.dualrun.parity.source.http.RetrySettings;
import dev.dualrun.parity.demo.DemoPrometheusServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OkHttp client against HTTP servers on loopback: splitting, POST, auth, headers,
 * errors.
 */
class PrometheusClientIT {

	private final List<AutoCloseable> servers = new ArrayList<>();

	private final List<String> seen = new ArrayList<>();

	@AfterEach
	void stop() throws Exception {
		for (AutoCloseable s : this.servers) {
			s.close();
		}
	}

	@Test
	void splitsAWindowOverThePointLimitOnTheSameGrid() throws IOException {
		DemoPrometheusServer server = DemoPrometheusServer.start();
		this.servers.add(server);
		TreeMap<Long, Double> values = new TreeMap<>();
		for (long t = 0; t < 250; t++) {
			values.put(1_795_300_000L + t * 60, (double) t);
		}
		server.register("up", Map.of("job", "x"), values);
		PrometheusClient client = new PrometheusClient(settings(server.url().toString(), null, Map.of(), 100, 1500));
		RangeResult r = client.queryRange("up", Instant.ofEpochSecond(1_795_300_000L),
				Instant.ofEpochSecond(1_795_300_000L + 249 * 60), 60);
		assertThat(client.calls()).isEqualTo(3);
		assertThat(r.series()).hasSize(1);
		long[] ts = r.series().get(0).timestamps();
		assertThat(ts).hasSize(250);
		for (int i = 1; i < ts.length; i++) {
			assertThat(ts[i] - ts[i - 1]).isEqualTo(60_000);
		}
		assertThat(r.series().get(0).values()[249]).isEqualTo(249.0);
	}

	@Test
	void aWindowRefusedAsTooLargeIsSplitInHalvesOnTheSameGrid() throws IOException {
		// answers 413 (as Amazon Managed Prometheus does past 50 MiB) for more than 30
		// points, else one point a step
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			Map<String, String> q = new java.util.HashMap<>();
			for (String kv : exchange.getRequestURI().getRawQuery().split("&")) {
				String[] p = kv.split("=", 2);
				q.put(p[0], java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8));
			}
			long start = Long.parseLong(q.get("start"));
			long end = Long.parseLong(q.get("end"));
			long step = Long.parseLong(q.get("step"));
			if ((end - start) / step + 1 > 30) {
				respond(exchange, 413, "{\"message\":\"Response size exceeds the maximum of 50 MiB\"}");
				return;
			}
			StringBuilder values = new StringBuilder();
			for (long t = start; t <= end; t += step) {
				values.append((values.length() > 0) ? "," : "").append("[").append(t).append(",\"1\"]");
			}
			respond(exchange, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":"
					+ "[{\"metric\":{},\"values\":[" + values + "]}]}}");
		});
		server.start();
		this.servers.add(() -> server.stop(0));
		PrometheusClient client = new PrometheusClient(
				settings("http://127.0.0.1:" + server.getAddress().getPort(), null, Map.of(), 11_000, 1500));
		RangeResult r = client.queryRange("up", Instant.ofEpochSecond(6_000), Instant.ofEpochSecond(6_000 + 99 * 60),
				60);
		long[] ts = r.series().get(0).timestamps();
		assertThat(ts).hasSize(100);
		for (int i = 1; i < ts.length; i++) {
			assertThat(ts[i] - ts[i - 1]).isEqualTo(60_000);
		}
		// 100 -> 2 x 50 -> 4 x 25: 7 requests, 3 splits
		assertThat(client.splits()).isEqualTo(3);
		assertThat(client.calls()).isEqualTo(7);
	}

	@Test
	void postsLongQueriesAsAFormWithBearerTokenAndHeaders() throws IOException {
		String url = capture(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}");
		PrometheusClient client = new PrometheusClient(
				settings(url, "s3cret", Map.of("X-Scope-OrgID", "team-a"), 11_000, 20));
		client.queryRange("sum by (path) (rate(flask_http_request_total[5m]))", Instant.ofEpochSecond(600),
				Instant.ofEpochSecond(1200), 60);
		String request = this.seen.get(0);
		assertThat(request).startsWith("POST /api/v1/query_range")
			.contains("authorization: Bearer s3cret", "x-scope-orgid: team-a",
					"content-type: application/x-www-form-urlencoded")
			.contains("query=sum+by+%28path%29", "&start=600&end=1200&step=60");
	}

	@Test
	void anHttpErrorNamesStatusUrlAndQueryAndIsRetryableFor503() throws IOException {
		String url = capture(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}");
		PrometheusClient client = new PrometheusClient(settings(url, null, Map.of(), 11_000, 1500));
		assertThatThrownBy(() -> client.queryRange("up", Instant.ofEpochSecond(600), Instant.ofEpochSecond(1200), 60))
			.isInstanceOfSatisfying(PrometheusQueryException.class, (ex) -> {
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.getMessage()).isEqualTo(
						"Prometheus query failed (HTTP 503, timeout: query timed out) at " + url + "/ for query up");
			});
	}

	@Test
	void refusedCredentialsAreNamed() throws IOException {
		String url = capture(401, "Unauthorized");
		PrometheusClient client = new PrometheusClient(settings(url, "wrong", Map.of(), 11_000, 1500));
		assertThatThrownBy(() -> client.queryRange("up", Instant.ofEpochSecond(600), Instant.ofEpochSecond(1200), 60))
			.hasMessageStartingWith("Prometheus credentials refused (HTTP 401, Unauthorized)");
	}

	@Test
	void aSilentServerTimesOutWithAClearMessage() throws IOException {
		HttpServer silent = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		silent.createContext("/", (exchange) -> {
			try {
				Thread.sleep(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		silent.start();
		this.servers.add(() -> silent.stop(0));
		PrometheusSettings settings = new PrometheusSettings("http://127.0.0.1:" + silent.getAddress().getPort(),
				Duration.ofMillis(300), null, null, null, Map.of(), 11_000, 1500, null, null, null);
		assertThatThrownBy(() -> new PrometheusClient(settings).queryRange("up", Instant.ofEpochSecond(600),
				Instant.ofEpochSecond(1200), 60))
			.hasMessageStartingWith("Prometheus timed out after 0.3 s at");
	}

	private String capture(int status, String body) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> respond(exchange, status, body));
		server.start();
		this.servers.add(() -> server.stop(0));
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private void respond(HttpExchange exchange, int status, String body) throws IOException {
		StringBuilder request = new StringBuilder(
				exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "\n");
		exchange.getRequestHeaders()
			.forEach((k, v) -> request.append(k.toLowerCase()).append(": ").append(String.join(",", v)).append('\n'));
		try (InputStream in = exchange.getRequestBody()) {
			request.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		this.seen.add(request.toString());
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static PrometheusSettings settings(String url, String token, Map<String, String> headers, int maxPoints,
			int postThreshold) {
		return new PrometheusSettings(url, Duration.ofSeconds(5), null, null, token, headers, maxPoints, postThreshold,
				new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(100)), null, null);
	}

}
