package dev.dualrun.parity.discover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * A labelled estate for discovery: CloudWatch metrics of three kinds, each knowing which
 * Prometheus series reproduces it. Exporter copies (YACE and cloudwatch_exporter names
 * and labels; bucket-start stamped, and one family stamped at scrape time), the
 * application's own metrics beside decoys that share words or labels with them, and
 * metrics with no counterpart at all.
 */
final class LabelledEstate {

	/** A CloudWatch metric and its truth. */
	record Metric(String namespace, String name, Map<String, String> dimensions, String truth, String kind) {

	}

	final List<Metric> metrics = new ArrayList<>();

	/** The old side's data, by namespace. */
	final Map<String, List<MetricDatum>> datums = new LinkedHashMap<>();

	final Map<String, StringBuilder> families = new LinkedHashMap<>();

	private final long start;

	private final long end;

	private final Random random = new Random(7);

	/**
	 * @param now the present
	 * @param resources resources per exporter family and dimension values per own metric
	 */
	LabelledEstate(Instant now, int resources) {
		this.end = (now.getEpochSecond() / 60) * 60;
		this.start = this.end - 3 * 3600;
		// exporter copies, stamped at CloudWatch's bucket starts
		for (int i = 0; i < resources * 2; i++) {
			String id = String.format(Locale.ROOT, "i-%017x", 0xabc000L + i);
			exporter("AWS/EC2", "CPUUtilization", Map.of("InstanceId", id), "aws_ec2_cpuutilization_average",
					Map.of("dimension_InstanceId", id, "name", "arn:aws:ec2:us-east-1:123456789012:instance/" + id,
							"region", "us-east-1"),
					true, 40, "Percent");
		}
		for (int i = 0; i < resources * 2; i++) {
			String lb = "shop-lb-" + i;
			exporter("AWS/ELB", "RequestCount", Map.of("LoadBalancerName", lb), "aws_elb_request_count_sum",
					Map.of("load_balancer_name", lb, "job", "aws_elb", "instance", ""), true, 900, "Count");
		}
		for (int i = 0; i < resources * 2; i++) {
			String fn = "orders-handler-" + i;
			exporter("AWS/Lambda", "Errors", Map.of("FunctionName", fn), "aws_lambda_errors_sum",
					Map.of("dimension_FunctionName", fn, "name", "arn:aws:lambda:us-east-1:123456789012:function:" + fn,
							"region", "us-east-1"),
					true, 3, "Count");
		}
		// a YACE family stamped at scrape time: the right series, but no exact alignment
		for (int i = 0; i < resources; i++) {
			String db = "orders-db-" + i;
			exporter("AWS/RDS", "DatabaseConnections", Map.of("DBInstanceIdentifier", db),
					"aws_rds_database_connections_average", Map.of("dimension_DBInstanceIdentifier", db, "name",
							"arn:aws:rds:us-east-1:123456789012:db:" + db, "region", "us-east-1"),
					false, 25, "Count");
		}
		// the application's own metrics, each beside a decoy
		String[][] own = {
				{ "CheckoutLatency", "Endpoint", "shop_checkout_duration_seconds", "path", "histogram",
						"shop_checkout_requests_total" },
				{ "SearchLatency", "Handler", "search_request_duration_seconds", "handler", "histogram",
						"search_requests_total" },
				{ "OrdersPlaced", "Region", "orders_placed_total", "region", "counter", "orders_cancelled_total" },
				{ "PaymentErrors", "Provider", "payment_errors_total", "provider", "counter",
						"payment_requests_total" },
				{ "QueueDepth", "Queue", "worker_queue_depth", "queue", "gauge", "worker_queue_capacity" },
				{ "ActiveSessions", "Service", "active_sessions", "service", "gauge", "sessions_created_total" },
				{ "CacheHits", "Cache", "cache_hits_total", "cache", "counter", "cache_evictions_total" },
				{ "CacheMisses", "Cache", "cache_misses_total", "cache", "counter", "cache_lookups_total" },
				{ "LoginFailures", "Method", "auth_login_failures_total", "method", "counter",
						"auth_login_attempts_total" },
				{ "EmailsSent", "Template", "emails_sent_total", "template", "counter", "emails_bounced_total" },
				{ "InventoryLag", "Warehouse", "inventory_sync_lag_seconds", "warehouse", "gauge", "inventory_items" },
				{ "UploadSize", "Bucket", "upload_size_bytes", "bucket", "histogram", "uploads_total" } };
		for (String[] o : own) {
			for (int v = 0; v < resources; v++) {
				String value = o[1].toLowerCase(Locale.ROOT) + "-" + v;
				String labels = o[3] + "=\"" + value + "\",instance=\"web-1:8080\",job=\"shop\"";
				own("Shop", o[0], Map.of(o[1], value), o[2], o[4], labels, "own");
				decoy(o[5], o[5].endsWith("_total") ? "counter" : "gauge", labels);
			}
		}
		// harder cases: values in another case, names that share few words, a label value
		// that other families carry too, a counterpart under a name of another convention
		for (int v = 0; v < resources; v++) {
			own("Shop", "OrdersShipped", Map.of("Region", "EU-" + v), "orders_shipped_total", "counter",
					"region=\"eu-" + v + "\",job=\"shop\"", "own-hard");
			decoy("orders_returned_total", "counter", "region=\"eu-" + v + "\",job=\"shop\"");
			String api = "orders-api-" + v;
			own("Shop", "ThrottledRequests", Map.of("Api", api), "api_requests_throttled_total", "counter",
					"api=\"" + api + "\",job=\"gateway\"", "own-hard");
			decoy("api_requests_total", "counter", "api=\"" + api + "\",job=\"gateway\"");
			// Micrometer's name shares no word with it, and its uri values are the
			// checkout's
			own("Shop", "ResponseTime", Map.of("Endpoint", "endpoint-" + v), "http_server_requests_seconds",
					"histogram", "uri=\"endpoint-" + v + "\",job=\"spring\"", "own-hard");
			own("Shop", "DiskFree", Map.of("Host", "web-" + v), "node_filesystem_avail_bytes", "gauge",
					"instance=\"web-" + v + ":9100\",mountpoint=\"/\"", "own-hard");
		}
		// metrics with no counterpart in Prometheus
		for (String name : List.of("ReportGenerationTime", "LegacyBatchJobs")) {
			for (int v = 0; v < resources; v++) {
				Map<String, String> dims = Map.of("Job", "nightly-" + v);
				this.metrics.add(new Metric("Shop", name, dims, null, "none"));
				add("Shop", datum("Shop", name, dims, this.end - 600, 1, "None"));
			}
		}
	}

	/** A CloudWatch metric published every minute and copied by an exporter. */
	private void exporter(String namespace, String name, Map<String, String> dims, String series,
			Map<String, String> labels, boolean bucketStamped, double level, String unit) {
		this.metrics
			.add(new Metric(namespace, name, dims, series, bucketStamped ? "exporter" : "exporter-scrape-time"));
		StringBuilder l = new StringBuilder();
		new java.util.TreeMap<>(labels)
			.forEach((k, v) -> l.append((l.length() > 0) ? "," : "").append(k).append("=\"").append(v).append('"'));
		double phase = this.random.nextDouble() * 6;
		for (long t = this.start; t < this.end; t += 60) {
			double v = Math.round(level * (1 + 0.3 * Math.sin(phase + t / 1800.0)) * 100) / 100.0;
			add(namespace, datum(namespace, name, dims, t, v, unit));
			long stamp = bucketStamped ? t : t + 60 + 17;
			line(series, l.toString(), v, stamp);
		}
	}

	private void add(String namespace, MetricDatum d) {
		this.datums.computeIfAbsent(namespace, (k) -> new ArrayList<>()).add(d);
	}

	long start() {
		return this.start;
	}

	long end() {
		return this.end;
	}

	/** A slowly wandering level: an AR(1) walk of its own seed, one step a minute. */
	private double[] walk(double level) {
		int n = (int) ((this.end - this.start) / 60);
		double[] out = new double[n];
		double x = 0;
		for (int i = 0; i < n; i++) {
			x = 0.9 * x + 0.3 * this.random.nextGaussian();
			out[i] = Math.max(0.05, level * (1 + 0.4 * x));
		}
		return out;
	}

	/**
	 * An application metric seen by both pipelines: published to CloudWatch minute by
	 * minute, and scraped every 30 s by Prometheus as a counter, a histogram's _sum and
	 * _count, or a gauge.
	 */
	private void own(String namespace, String name, Map<String, String> dims, String family, String kind, String labels,
			String label) {
		this.metrics.add(new Metric(namespace, name, dims, family, label));
		prometheusAndCloudWatch(namespace, name, dims, family, kind, labels, true);
	}

	/** A metric of Prometheus alone, with data of its own. */
	private void decoy(String family, String kind, String labels) {
		prometheusAndCloudWatch(null, null, null, family, kind, labels, false);
	}

	private void prometheusAndCloudWatch(String namespace, String name, Map<String, String> dims, String family,
			String kind, String labels, boolean publish) {
		double[] rate = walk(kind.equals("gauge") ? 50 : 30);
		double[] latency = walk(0.2);
		double count = 0;
		double sum = 0;
		for (int m = 0; m < rate.length; m++) {
			long t = this.start + 60L * m;
			double n = Math.round(rate[m]);
			double l = Math.round(latency[m] * 1000) / 1000.0;
			if (publish) {
				MetricDatum.Builder d = MetricDatum.builder()
					.metricName(name)
					.dimensions(dims.entrySet()
						.stream()
						.map((e) -> Dimension.builder().name(e.getKey()).value(e.getValue()).build())
						.toList())
					.timestamp(Instant.ofEpochSecond(t));
				if (kind.equals("histogram")) {
					if (n > 0) {
						add(namespace, d.values(l).counts(n).unit("Seconds").build());
					}
				}
				else if (kind.equals("counter")) {
					add(namespace, d.value(n).unit("Count").build());
				}
				else {
					add(namespace, d.value(Math.round(rate[m] * 100) / 100.0).unit("None").build());
				}
			}
			// the minute's events counted at its middle; scrapes at :07 and :37
			for (long s : new long[] { t + 7, t + 37 }) {
				double c = (s >= t + 30) ? count + n : count;
				double su = (s >= t + 30) ? sum + n * l : sum;
				switch (kind) {
					case "histogram" -> {
						line(family + "_count", labels, c, s);
						line(family + "_sum", labels, Math.round(su * 1e6) / 1e6, s);
					}
					case "counter" -> line(family, labels, c, s);
					default -> line(family, labels, Math.round(rate[m] * 100) / 100.0, s);
				}
			}
			count += n;
			sum += n * l;
		}
	}

	private void line(String family, String labels, double value, long seconds) {
		this.families.computeIfAbsent(family, (k) -> new StringBuilder())
			.append(family)
			.append('{')
			.append(labels)
			.append("} ")
			.append(String.format(Locale.ROOT, "%s %d", Double.toString(value), seconds))
			.append('\n');
	}

	private static MetricDatum datum(String namespace, String name, Map<String, String> dims, long seconds,
			double value, String unit) {
		List<Dimension> d = new ArrayList<>();
		dims.forEach((k, v) -> d.add(Dimension.builder().name(k).value(v).build()));
		return MetricDatum.builder()
			.metricName(name)
			.dimensions(d)
			.timestamp(Instant.ofEpochSecond(seconds))
			.value(value)
			.unit(unit)
			.build()
			.toBuilder()
			.build();
	}

	/**
	 * @return the Prometheus side as OpenMetrics, for the backfill
	 */
	String openMetrics() {
		StringBuilder om = new StringBuilder();
		this.families.forEach((name, lines) -> om.append("# TYPE ").append(name).append(" unknown\n").append(lines));
		return om.append("# EOF\n").toString();
	}

}
