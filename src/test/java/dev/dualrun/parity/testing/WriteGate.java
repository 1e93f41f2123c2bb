package dev.dualrun.parity.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A gate on a free loopback port in front of a remote-write receiver: open, it forwards
 * each write unchanged; closed, it refuses them with HTTP 400, which a Prometheus remote
 * write takes as final and drops (as a receiver refusing samples out of order or too old
 * does), so the stretch is lost at the centre for good.
 */
public final class WriteGate implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final HttpClient client = HttpClient.newHttpClient();

	private final String target;

	private final AtomicLong refused = new AtomicLong();

	private volatile boolean open = true;

	/**
	 * @param target the receiver's base URL
	 * @throws IOException if it cannot listen
	 */
	public WriteGate(String target) throws IOException {
		this.target = target;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/**
	 * @return the gate's base URL
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * @param open true to forward writes, false to refuse them
	 */
	public void open(boolean open) {
		this.open = open;
	}

	/**
	 * @return writes refused so far
	 */
	public long refused() {
		return this.refused.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			if (!this.open) {
				this.refused.incrementAndGet();
				byte[] text = "out of bounds\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(400, text.length);
				exchange.getResponseBody().write(text);
				return;
			}
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(this.target + exchange.getRequestURI().toString()))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			for (String header : List.of("Content-Type", "Content-Encoding", "X-Prometheus-Remote-Write-Version",
					"User-Agent")) {
				String value = exchange.getRequestHeaders().getFirst(header);
				if (value != null) {
					request.header(header, value);
				}
			}
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			exchange.sendResponseHeaders(response.statusCode(),
					(response.body().length > 0) ? response.body().length : -1);
			if (response.body().length > 0) {
				exchange.getResponseBody().write(response.body());
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
