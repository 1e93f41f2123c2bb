package dev.dualrun.parity.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

/**
 * A live exporter on a free loopback port that a real Prometheus scrapes: counters that
 * grow at a steady rate per second of wall time (so any two scrapes of them give the same
 * rate, whichever samples a hop keeps), and a gauge, in the text exposition format.
 */
public final class LiveExporter implements AutoCloseable {

	private final HttpServer server;

	private final long started = System.nanoTime();

	private final Map<String, Double> perSecond;

	/**
	 * @param perSecond each counter's name (with its labels, e.g.
	 * {@code x_total{kind="a"}}) and its rate per second
	 * @throws IOException if it cannot listen
	 */
	public LiveExporter(Map<String, Double> perSecond) throws IOException {
		this.perSecond = Map.copyOf(perSecond);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/metrics", (exchange) -> {
			byte[] body = exposition().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	/**
	 * @return host:port, as a scrape target
	 */
	public String target() {
		return "127.0.0.1:" + this.server.getAddress().getPort();
	}

	private String exposition() {
		double seconds = (System.nanoTime() - this.started) / 1e9;
		StringBuilder out = new StringBuilder();
		this.perSecond.forEach((series,
				rate) -> out.append(series).append(' ').append(Math.floor(seconds * rate * 1000) / 1000).append('\n'));
		out.append("app_queue_depth 7\n");
		return out.toString();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
