package dev.dualrun.parity.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * An Amazon-Managed-Prometheus-compatible front on loopback: a workspace URL
 * ({@code /workspaces/<id>/api/v1/...}) whose every request must be signed with SigV4 for
 * its region and service {@code aps}, checked by {@link SigV4Verifier} (written from the
 * specification, not the SDK's signer). A valid request is passed to a real Prometheus;
 * any other is answered as AMP answers it: HTTP 403, the AWS error type in
 * {@code x-amzn-ErrorType} and a JSON {@code message}.
 */
public final class SigV4PrometheusServer implements AutoCloseable {

	/** The workspace every test and demo request goes to. */
	public static final String WORKSPACE = "ws-parity-00000000-0000-0000-0000-000000000000";

	private final HttpServer server;

	private final ExecutorService executor;

	private final SigV4Verifier verifier;

	private final String upstream;

	private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private SigV4PrometheusServer(HttpServer server, SigV4Verifier verifier, String upstream) {
		this.server = server;
		this.verifier = verifier;
		this.upstream = upstream.replaceAll("/+$", "");
		this.executor = Executors.newFixedThreadPool(16, (r) -> {
			Thread t = new Thread(r, "sigv4-prometheus");
			t.setDaemon(true);
			return t;
		});
		server.setExecutor(this.executor);
		server.createContext("/workspaces/" + WORKSPACE + "/", this::handle);
		server.createContext("/", (exchange) -> send(exchange, 404, "ResourceNotFoundException",
				"{\"message\":\"Workspace not found\"}"));
	}

	/**
	 * @param upstream the Prometheus that answers signed requests
	 * @param secrets secret access key by access key id
	 * @param sessionTokens session token by temporary access key id
	 * @param region the workspace's region
	 * @param clock the server's clock
	 * @return the started server
	 * @throws IOException if no port can be bound
	 */
	public static SigV4PrometheusServer start(String upstream, Map<String, String> secrets,
			Map<String, String> sessionTokens, String region, Clock clock) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		SigV4PrometheusServer s = new SigV4PrometheusServer(server,
				new SigV4Verifier(secrets, sessionTokens, region, "aps", clock), upstream);
		server.start();
		return s;
	}

	/**
	 * @return the workspace URL, as {@code --prometheus-url} takes it
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/workspaces/" + WORKSPACE;
	}

	/**
	 * @return requests whose signature was valid
	 */
	public long accepted() {
		return this.accepted.get();
	}

	/**
	 * @return requests refused
	 */
	public long refused() {
		return this.refused.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			URI uri = exchange.getRequestURI();
			List<Map.Entry<String, String>> headers = new ArrayList<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> values.forEach((v) -> headers.add(new AbstractMap.SimpleEntry<>(name, v))));
			SigV4Verifier.Outcome outcome = this.verifier.verify(new SigV4Verifier.Request(exchange.getRequestMethod(),
					uri.getRawPath(), (uri.getRawQuery() != null) ? uri.getRawQuery() : "", headers, body));
			if (!outcome.accepted()) {
				this.refused.incrementAndGet();
				send(exchange, 403, outcome.errorType(),
						"{\"message\":\"" + outcome.message().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
				return;
			}
			this.accepted.incrementAndGet();
			String path = uri.getRawPath().substring(("/workspaces/" + WORKSPACE).length());
			Request.Builder forward = new Request.Builder()
				.url(this.upstream + path + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""));
			if ("POST".equals(exchange.getRequestMethod())) {
				String type = exchange.getRequestHeaders().getFirst("Content-Type");
				forward.post(RequestBody.create(body, (type != null) ? MediaType.parse(type) : null));
			}
			try (Response response = this.http.newCall(forward.build()).execute()) {
				byte[] answer = response.body().bytes();
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(response.code(), (answer.length == 0) ? -1 : answer.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer);
				}
			}
		}
		finally {
			exchange.close();
		}
	}

	private static void send(HttpExchange exchange, int status, String errorType, String json) throws IOException {
		exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
		DemoPrometheusServer.send(exchange, status, json);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
		this.http.dispatcher().executorService().shutdown();
		this.http.connectionPool().evictAll();
	}

}
