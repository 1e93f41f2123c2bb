package dev.dualrun.parity.report;

import java.time.Instant;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.CloudWatchQuery;
import dev.dualrun.parity.config.Statistic;

import static org.assertj.core.api.Assertions.assertThat;

class DeepLinksTest {

	private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");

	private static final Instant END = Instant.parse("2026-11-22T00:00:00Z");

	@Test
	void opensTheSameWindowInPrometheus() {
		assertThat(DeepLinks.prometheus("http://prom:9090/", "sum by (path) (rate(x{a=\"b\"}[5m]))", START, END, 300))
			.isEqualTo(
					"http://prom:9090/graph?g0.expr=sum%20by%20%28path%29%20%28rate%28x%7Ba%3D%22b%22%7D%5B5m%5D%29%29"
							+ "&g0.tab=0&g0.range_input=24h&g0.end_input=2026-11-22%2000%3A00%3A00&g0.step_input=300");
	}

	@Test
	void opensTheMetricInTheCloudWatchConsoleOnlyForRealAws() {
		TreeMap<String, String> dims = new TreeMap<>();
		dims.put("Endpoint", "/api/orders");
		CloudWatchQuery q = new CloudWatchQuery("FlaskApp", "EndpointLatency", dims, Statistic.parse("p99"), "Seconds",
				null, null);
		assertThat(DeepLinks.cloudwatch("eu-west-1", "region eu-west-1", q, START, END, 300))
			.startsWith("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#metricsV2:graph=")
			.contains("~(~'FlaskApp~'EndpointLatency~'Endpoint~'*2fapi*2forders)", "~stat~'p99~period~300");
		assertThat(DeepLinks.cloudwatch("us-east-1", "http://127.0.0.1:4566", q, START, END, 300)).isNull();
	}

}
