package dev.dualrun.parity.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback proxy in front of a real Prometheus that answers late: the first
 * {@code query_range} of each query naming a marker is answered without its newest
 * stretch, as a store answers while a remote write is still catching up; every later
 * request, and every other one, goes through unchanged.
 */
public final class LateDataProxy implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final HttpClient client = HttpClient.newHttpClient();

	private final String target;

	private final String marker;

	private final long lateSeconds;

	private final Set<String> answered = ConcurrentHashMap.newKeySet();

	/**
	 * @param target the server's base URL
	 * @param marker a text of the queries answered late
	 * @param lateSeconds how much of a window's end is missing from the first answer
	 * @throws IOException if it cannot listen
	 */
	public LateDataProxy(String target, String marker, long lateSeconds) throws IOException {
		this.target = target;
		this.marker = marker;
		this.lateSeconds = lateSeconds;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(this.target + exchange.getRequestURI().toString()));
			String type = exchange.getRequestHeaders().getFirst("Content-Type");
			if (type != null) {
				request.header("Content-Type", type);
			}
			request.method(exchange.getRequestMethod(), (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			byte[] answer = response.body();
			String params = URLDecoder.decode(
					exchange.getRequestURI().getRawQuery() + "&" + new String(body, StandardCharsets.UTF_8),
					StandardCharsets.UTF_8);
			if (exchange.getRequestURI().getPath().endsWith("/query_range") && params.contains(this.marker)
					&& response.statusCode() == 200 && this.answered.add(query(params))) {
				answer = withoutNewest(answer, end(params) - this.lateSeconds);
			}
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(response.statusCode(), answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String query(String params) {
		for (String p : params.split("&")) {
			if (p.startsWith("query=")) {
				return p.substring(6);
			}
		}
		return params;
	}

	private static double end(String params) {
		for (String p : params.split("&")) {
			if (p.startsWith("end=")) {
				return Double.parseDouble(p.substring(4));
			}
		}
		return Double.MAX_VALUE;
	}

	private static byte[] withoutNewest(byte[] answer, double after) {
		JsonNode root = JSON.readTree(answer);
		for (JsonNode series : root.path("data").path("result")) {
			ArrayNode kept = JSON.createArrayNode();
			for (JsonNode v : series.path("values")) {
				if (v.get(0).asDouble() <= after) {
					kept.add(v);
				}
			}
			((ObjectNode) series).set("values", kept);
		}
		return JSON.writeValueAsBytes(root);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
