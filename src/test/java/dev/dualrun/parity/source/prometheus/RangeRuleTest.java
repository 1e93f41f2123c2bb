package dev.dualrun.parity.source.prometheus;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class RangeRuleTest {

	private static final long MINUTE = 60_000;

	@Test
	void theVersionNamesTheRule() {
		assertThat(RangeRule.of("2.42.0+ds")).isEqualTo(RangeRule.CLOSED);
		assertThat(RangeRule.of("v2.53.1")).isEqualTo(RangeRule.CLOSED);
		assertThat(RangeRule.of("3.0.0")).isEqualTo(RangeRule.LEFT_OPEN);
		assertThat(RangeRule.of("3.5.0-rc.1")).isEqualTo(RangeRule.LEFT_OPEN);
		assertThat(RangeRule.of("unknown (HTTP 404)")).isEqualTo(RangeRule.UNKNOWN);
		assertThat(RangeRule.of("demo (precomputed series, not a PromQL engine)")).isEqualTo(RangeRule.UNKNOWN);
		assertThat(RangeRule.of(null)).isEqualTo(RangeRule.UNKNOWN);
	}

	@Test
	void prometheus3LeavesOutTheSampleOnTheLeftEdgePrometheus2KeepsIt() {
		// a sample every minute on the minute, as an exporter stamping CloudWatch's
		// bucket
		// starts writes them; x[5m] at t = 00:10
		long t = 10 * MINUTE;
		long[] samples = LongStream.rangeClosed(0, 20).map((k) -> k * MINUTE).toArray();
		assertThat(selected(RangeRule.CLOSED, samples, t, 5 * MINUTE)).isEqualTo(6);
		assertThat(selected(RangeRule.LEFT_OPEN, samples, t, 5 * MINUTE)).isEqualTo(5);
		// off the edges, as scrapes at :07, :22, :37, :52 fall, both agree
		long[] scraped = LongStream.rangeClosed(0, 80).map((k) -> 7_000 + k * 15_000).toArray();
		assertThat(selected(RangeRule.CLOSED, scraped, t, 5 * MINUTE))
			.isEqualTo(selected(RangeRule.LEFT_OPEN, scraped, t, 5 * MINUTE))
			.isEqualTo(20);
		// the right edge is closed in both
		assertThat(RangeRule.LEFT_OPEN.selects(t, t, 5 * MINUTE)).isTrue();
		assertThat(RangeRule.CLOSED.selects(t + 1, t, 5 * MINUTE)).isFalse();
	}

	public static long selected(RangeRule rule, long[] samples, long t, long range) {
		return LongStream.of(samples).filter((s) -> rule.selects(s, t, range)).count();
	}

}
