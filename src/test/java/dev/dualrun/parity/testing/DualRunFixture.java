package dev.dualrun.parity.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.dualrun.parity.demo.CloudWatchPublishing;
import dev.dualrun.parity.demo.FlaskSimulation;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * A seeded dual run with known answers (see {@code it/dual-run-mapping.yml}): the same
 * Flask requests published to CloudWatch by a per-minute aggregator and written as
 * Prometheus scrapes in OpenMetrics for {@code promtool} to backfill. Injected: the users
 * exporter's {@code _sum} is 6 % high, and GET /api/orders was not scraped for 45
 * minutes.
 */
public final class DualRunFixture {

	public static final FlaskSimulation.Endpoint ROOT = new FlaskSimulation.Endpoint("/", "GET", 120, 0.045, 0.002);

	public static final FlaskSimulation.Endpoint ORDERS_GET = new FlaskSimulation.Endpoint("/api/orders", "GET", 60,
			0.120, 0.002);

	public static final FlaskSimulation.Endpoint ORDERS_POST = new FlaskSimulation.Endpoint("/api/orders", "POST", 30,
			0.250, 0.02);

	public static final FlaskSimulation.Endpoint USERS = new FlaskSimulation.Endpoint("/api/users", "GET", 80, 0.080,
			0.002);

	public final Instant start;

	public final Instant end;

	public final Instant gapStart;

	private final Map<FlaskSimulation.Endpoint, FlaskSimulation.Requests> requests = new LinkedHashMap<>();

	private final FlaskSimulation simulation;

	public DualRunFixture(long seed, Instant now, long hours) {
		long p = 300_000;
		this.start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli() - hours * 3_600_000L, p) * p);
		this.end = now;
		this.gapStart = this.start.plusSeconds(2 * 3600);
		this.simulation = new FlaskSimulation(seed, this.start.toEpochMilli(), this.end.toEpochMilli());
		for (FlaskSimulation.Endpoint e : List.of(ROOT, ORDERS_GET, ORDERS_POST, USERS)) {
			this.requests.put(e, this.simulation.requests(e));
		}
	}

	/** Publishes the CloudWatch side through the real SDK client. */
	public long publish(CloudWatchClient client) {
		return publish(client, (t) -> true);
	}

	/** Publishes the datums whose timestamp passes the filter (to simulate late data). */
	public long publish(CloudWatchClient client, java.util.function.Predicate<Instant> when) {
		List<MetricDatum> data = new ArrayList<>();
		this.requests.values().forEach((r) -> {
			CloudWatchPublishing.latency(r, "EndpointLatency", "Seconds", 1, data);
			CloudWatchPublishing.errors(r, data);
		});
		CloudWatchPublishing.latency(this.requests.get(ORDERS_POST), "PaymentLatency", "Milliseconds", 1000, data);
		return CloudWatchPublishing.publish(client, data.stream().filter((d) -> when.test(d.timestamp())).toList());
	}

	/**
	 * The Prometheus side as OpenMetrics text: every scrape of every series, off the
	 * grid.
	 */
	public String openMetrics() {
		StringBuilder count = new StringBuilder("# TYPE flask_http_request_duration_seconds_count unknown\n");
		StringBuilder sum = new StringBuilder("# TYPE flask_http_request_duration_seconds_sum unknown\n");
		StringBuilder bucket = new StringBuilder("# TYPE flask_http_request_duration_seconds_bucket unknown\n");
		long gapFrom = this.gapStart.toEpochMilli();
		long gapTo = gapFrom + 45 * 60_000L;
		for (var entry : this.requests.entrySet()) {
			FlaskSimulation.Endpoint e = entry.getKey();
			FlaskSimulation.Scraped s = this.simulation.scrape(entry.getValue());
			double sumScale = (e == USERS) ? 1.06 : 1.0;
			String labels = "method=\"" + e.method() + "\",path=\"" + e.path() + "\"";
			List<Integer> scrapes = new ArrayList<>();
			for (int j = 0; j < s.times().length; j++) {
				if (e != ORDERS_GET || s.times()[j] < gapFrom || s.times()[j] >= gapTo) {
					scrapes.add(j);
				}
			}
			for (int j : scrapes) {
				line(count, "flask_http_request_duration_seconds_count", labels + ",status=\"200\"",
						s.count()[j] - s.errors()[j], s.times()[j]);
			}
			for (int j : scrapes) {
				line(count, "flask_http_request_duration_seconds_count", labels + ",status=\"500\"", s.errors()[j],
						s.times()[j]);
			}
			for (int j : scrapes) {
				line(sum, "flask_http_request_duration_seconds_sum", labels + ",status=\"200\"", s.sum()[j] * sumScale,
						s.times()[j]);
			}
			for (int k = 0; k < FlaskSimulation.BUCKETS.length; k++) {
				double le = FlaskSimulation.BUCKETS[k];
				String leText = Double.isInfinite(le) ? "+Inf" : Double.toString(le);
				for (int j : scrapes) {
					line(bucket, "flask_http_request_duration_seconds_bucket",
							labels + ",status=\"200\",le=\"" + leText + "\"", s.buckets()[j][k], s.times()[j]);
				}
			}
		}
		return count.toString() + sum + bucket + "# EOF\n";
	}

	private static void line(StringBuilder out, String name, String labels, double value, long millis) {
		out.append(name)
			.append('{')
			.append(labels)
			.append("} ")
			.append(String.format(Locale.ROOT, "%.6f %.3f", value, millis / 1000.0))
			.append('\n');
	}

}
