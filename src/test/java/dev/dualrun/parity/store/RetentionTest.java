package dev.dualrun.parity.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which runs prune may delete: never what a sign-off or a kept re-judgement needs. */
class RetentionTest {

	private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

	@Test
	void keepsTheNewestRunsOfEachMappingAndWhatASignOffNeeds() {
		List<RunRow> runs = new ArrayList<>();
		// newest first: 10 completed runs of a.yml (one a day), 3 of b.yml, one running
		runs.add(run(100, "a.yml", "RUNNING", 0, null));
		for (int i = 0; i < 10; i++) {
			runs.add(run(99 - i, "a.yml", (i == 2) ? "FAILED" : "COMPLETED", i + 1, null));
		}
		for (int i = 0; i < 3; i++) {
			runs.add(run(50 - i, "b.yml", "COMPLETED", 40 + i, null));
		}
		List<Long> expired = ids(new Retention(5, null, 3).expired(runs, NOW));
		// a.yml keeps 100 (running), 99..96 (newest 5 with 100); 95 and older go, b.yml
		// keeps its 3
		assertThat(expired).containsExactly(95L, 94L, 93L, 92L, 91L, 90L);
		// by age: everything older than 30 days goes except the sign-off's newest 3 of
		// b.yml
		assertThat(ids(new Retention(null, Duration.ofDays(30), 3).expired(runs, NOW))).isEmpty();
		assertThat(ids(new Retention(null, Duration.ofDays(5), 3).expired(runs, NOW))).containsExactly(94L, 93L, 92L,
				91L, 90L);
	}

	@Test
	void aKeptReJudgementKeepsTheRunItReads() {
		List<RunRow> runs = List.of(run(12, "a.yml", "COMPLETED", 1, 3L), run(11, "a.yml", "COMPLETED", 2, null),
				run(3, "a.yml", "COMPLETED", 9, null), run(2, "a.yml", "COMPLETED", 10, null));
		assertThat(ids(new Retention(2, null, 0).expired(runs, NOW))).containsExactly(2L);
	}

	private static List<Long> ids(List<RunRow> runs) {
		return runs.stream().map(RunRow::id).toList();
	}

	private static RunRow run(long id, String mapping, String status, int daysAgo, Long judgedFrom) {
		Instant t = NOW.minus(Duration.ofDays(daysAgo));
		return TestRows.run(id, status, mapping, t, t, 1, judgedFrom);
	}

}
