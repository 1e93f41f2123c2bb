package dev.dualrun.parity.source.prometheus.edge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import dev.dualrun.parity.source.prometheus.PrometheusClient;
import dev.dualrun.parity.source.prometheus.PrometheusSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge's configuration is read once a run, however many batches ask for it at once.
 */
class EdgeSourceCallsTest {

	@Test
	void batchesFetchedAtOnceReadTheExternalLabelsOnce() throws Exception {
		AtomicInteger reads = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/api/v1/status/config", (exchange) -> {
			reads.incrementAndGet();
			sleep();
			byte[] body = "{\"status\":\"success\",\"data\":{\"yaml\":\"global:\\n  external_labels:\\n    region: eu\\n\"}}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
		ExecutorService batches = Executors.newFixedThreadPool(4);
		try {
			EdgeSource edge = new EdgeSource(
					new PrometheusClient(PrometheusSettings.at("http://127.0.0.1:" + server.getAddress().getPort())),
					true);
			List<Future<Map<String, String>>> labels = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				labels.add(batches.submit(edge::externalLabels));
			}
			for (Future<Map<String, String>> l : labels) {
				assertThat(l.get()).isEqualTo(Map.of("region", "eu"));
			}
			assertThat(reads).hasValue(1);
		}
		finally {
			batches.shutdownNow();
			server.stop(0);
		}
	}

	private static void sleep() throws IOException {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
