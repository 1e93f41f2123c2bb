package dev.dualrun.parity.source;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryWindowTest {

	private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

	@Test
	void alignsStartDownAndEndBeforeTheSettleDelay() {
		Instant now = Instant.parse("2026-11-21T12:07:30Z");
		QueryWindow w = QueryWindow.aligned(Instant.parse("2026-11-21T10:02:00Z"), now, now, Duration.ofMinutes(10),
				FIVE_MINUTES);
		assertThat(w.start()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
		assertThat(w.end()).isEqualTo(Instant.parse("2026-11-21T11:55:00Z"));
		assertThat(w.count()).isEqualTo(23);
		assertThat(w.bucket(1)).isEqualTo(Instant.parse("2026-11-21T10:05:00Z"));
	}

	@Test
	void findsBucketsOnlyOnTheGrid() {
		QueryWindow w = new QueryWindow(Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2026-11-21T11:00:00Z"),
				FIVE_MINUTES);
		assertThat(w.indexOf(Instant.parse("2026-11-21T10:10:00Z"))).isEqualTo(2);
		assertThat(w.indexOf(Instant.parse("2026-11-21T10:10:30Z"))).isEqualTo(-1);
		assertThat(w.indexOf(Instant.parse("2026-11-21T11:00:00Z"))).as("end is exclusive").isEqualTo(-1);
	}

	@Test
	void refusesAWindowWithNoSettledPeriod() {
		Instant now = Instant.parse("2026-11-21T12:00:00Z");
		assertThatThrownBy(
				() -> QueryWindow.aligned(now.minusSeconds(300), now, now, Duration.ofMinutes(10), FIVE_MINUTES))
			.hasMessageContaining("no complete 300 s period older than the settle delay");
	}

}
