package dev.dualrun.parity;

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
				this.metrics.add(new Metric("Shop", o[0], Map.of(o[1], value), o[2], "own"));
				add("Shop", datum("Shop", o[0], Map.of(o[1], value), this.end - 600, 1, "None"));
				series(o[2], o[4], o[3] + "=\"" + value + "\",instance=\"web-1:8080\",job=\"shop\"");
				series(o[5], o[5].endsWith("_total") ? "counter" : "gauge",
						o[3] + "=\"" + value + "\",instance=\"web-1:8080\",job=\"shop\"");
			}
		}
		// harder cases: values in another case, names that share few words, a label value
		// that other families carry too, a counterpart under a name of another convention
		for (int v = 0; v < resources; v++) {
			String region = "EU-" + v;
			this.metrics
				.add(new Metric("Shop", "OrdersShipped", Map.of("Region", region), "orders_shipped_total", "own-hard"));
			add("Shop", datum("Shop", "OrdersShipped", Map.of("Region", region), this.end - 600, 1, "None"));
			series("orders_shipped_total", "counter", "region=\"eu-" + v + "\",job=\"shop\"");
			series("orders_returned_total", "counter", "region=\"eu-" + v + "\",job=\"shop\"");
			String api = "orders-api-" + v;
			this.metrics.add(new Metric("Shop", "ThrottledRequests", Map.of("Api", api), "api_requests_throttled_total",
					"own-hard"));
			add("Shop", datum("Shop", "ThrottledRequests", Map.of("Api", api), this.end - 600, 1, "None"));
			series("api_requests_throttled_total", "counter", "api=\"" + api + "\",job=\"gateway\"");
			series("api_requests_total", "counter", "api=\"" + api + "\",job=\"gateway\"");
			// Micrometer's name shares no word with it, and its uri values are the
			// checkout's
			String endpoint = "endpoint-" + v;
			this.metrics.add(new Metric("Shop", "ResponseTime", Map.of("Endpoint", endpoint),
					"http_server_requests_seconds", "own-hard"));
			add("Shop", datum("Shop", "ResponseTime", Map.of("Endpoint", endpoint), this.end - 600, 1, "None"));
			series("http_server_requests_seconds", "histogram", "uri=\"" + endpoint + "\",job=\"spring\"");
			String host = "web-" + v;
			this.metrics
				.add(new Metric("Shop", "DiskFree", Map.of("Host", host), "node_filesystem_avail_bytes", "own-hard"));
			add("Shop", datum("Shop", "DiskFree", Map.of("Host", host), this.end - 600, 1, "None"));
			series("node_filesystem_avail_bytes", "gauge", "instance=\"" + host + ":9100\",mountpoint=\"/\"");
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

	private void series(String family, String kind, String labels) {
		if (kind.equals("histogram")) {
			for (long t = this.start; t < this.end; t += 900) {
				line(family + "_sum", labels, (t - this.start) / 100.0, t + 7);
				line(family + "_count", labels, (t - this.start) / 10.0, t + 7);
			}
		}
		else {
			for (long t = this.start; t < this.end; t += 900) {
				line(family, labels, kind.equals("counter") ? (t - this.start) / 10.0 : 5, t + 7);
			}
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
