package dev.dualrun.parity.source.cloudwatch;

import java.time.Instant;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleLinkTest {

	private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");

	private static final Instant END = Instant.parse("2026-11-22T00:00:00Z");

	@Test
	void opensTheMetricInTheCloudWatchConsoleOnlyForRealAws() {
		TreeMap<String, String> dims = new TreeMap<>();
		dims.put("Endpoint", "/api/orders");
		CloudWatchQuery q = new CloudWatchQuery("FlaskApp", "EndpointLatency", dims, Statistic.parse("p99"), "Seconds",
				null, null);
		assertThat(ConsoleLink.of("eu-west-1", "region eu-west-1", q, START, END, 300))
			.startsWith("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#metricsV2:graph=")
			.contains("~(~'FlaskApp~'EndpointLatency~'Endpoint~'*2fapi*2forders)", "~stat~'p99~period~300");
		assertThat(ConsoleLink.of("us-east-1", "http://127.0.0.1:4566", q, START, END, 300)).isNull();
	}

}
