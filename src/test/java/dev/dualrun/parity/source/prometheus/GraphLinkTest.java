package dev.dualrun.parity.source.prometheus;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphLinkTest {

	private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");

	private static final Instant END = Instant.parse("2026-11-22T00:00:00Z");

	@Test
	void opensTheSameWindowInPrometheus() {
		assertThat(GraphLink.of("http://prom:9090/", "sum by (path) (rate(x{a=\"b\"}[5m]))", START, END, 300))
			.isEqualTo(
					"http://prom:9090/graph?g0.expr=sum%20by%20%28path%29%20%28rate%28x%7Ba%3D%22b%22%7D%5B5m%5D%29%29"
							+ "&g0.tab=0&g0.range_input=24h&g0.end_input=2026-11-22%2000%3A00%3A00&g0.step_input=300");
	}

}
