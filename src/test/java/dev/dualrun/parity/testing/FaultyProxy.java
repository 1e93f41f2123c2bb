package dev.dualrun.parity.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP proxy in front of the real Prometheus that fails a seeded share of the
 * requests with a status of its choice (503, or 429 with {@code Retry-After}), as a flaky
 * load balancer or an overloaded query frontend does, and forwards the rest unchanged.
 */
public final class FaultyProxy implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final HttpClient client = HttpClient.newHttpClient();

	private final String target;

	private final double share;

	private final int status;

	private final Random random;

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong forwarded = new AtomicLong();

	private volatile long delayMillis;

	private volatile String failingQueries;

	/**
	 * @param text every query_range request whose query contains it fails, always
	 * @return this proxy
	 */
	public FaultyProxy failQueriesContaining(String text) {
		this.failingQueries = text;
		return this;
	}

	/**
	 * @param millis latency added to every query_range answer
	 * @return this proxy
	 */
	public FaultyProxy delay(long millis) {
		this.delayMillis = millis;
		return this;
	}

	private FaultyProxy(String target, double share, int status, long seed) throws IOException {
		this.target = target;
		this.share = share;
		this.status = status;
		this.random = new Random(seed);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	public static FaultyProxy start(String target, double share, int status, long seed) throws IOException {
		return new FaultyProxy(target, share, status, seed);
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public long failed() {
		return this.failed.get();
	}

	public long forwarded() {
		return this.forwarded.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			if (this.delayMillis > 0 && exchange.getRequestURI().getPath().endsWith("/query_range")) {
				Thread.sleep(this.delayMillis);
			}
			boolean fail;
			synchronized (this.random) {
				fail = this.random.nextDouble() < this.share;
			}
			String query = exchange.getRequestURI().getQuery() + " "
					+ java.net.URLDecoder.decode(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
			fail |= this.failingQueries != null && query.contains(this.failingQueries);
			if (fail && exchange.getRequestURI().getPath().endsWith("/query_range")) {
				this.failed.incrementAndGet();
				byte[] text = ((this.status == 429) ? "too many requests\n" : "upstream unavailable\n")
					.getBytes(StandardCharsets.UTF_8);
				if (this.status == 429) {
					exchange.getResponseHeaders().add("Retry-After", "0");
				}
				exchange.sendResponseHeaders(this.status, text.length);
				exchange.getResponseBody().write(text);
				return;
			}
			this.forwarded.incrementAndGet();
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(this.target + exchange.getRequestURI().toString()));
			String type = exchange.getRequestHeaders().getFirst("Content-Type");
			if (type != null) {
				request.header("Content-Type", type);
			}
			request.method(exchange.getRequestMethod(), (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(response.statusCode(), response.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(response.body());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
