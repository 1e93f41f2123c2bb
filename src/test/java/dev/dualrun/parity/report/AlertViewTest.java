package dev.dualrun.parity.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.alert.AlertCondition;
import dev.dualrun.parity.alert.AlertJudge;
import dev.dualrun.parity.alert.AlertSide;
import dev.dualrun.parity.alert.Comparison;
import dev.dualrun.parity.alert.Episode;
import dev.dualrun.parity.alert.MissingData;
import dev.dualrun.parity.config.AlertMapping;
import dev.dualrun.parity.store.AlertDocument;

import static org.assertj.core.api.Assertions.assertThat;

/** An alert pair's section shows what differs first and stays short. */
class AlertViewTest {

	@Test
	void fortyMissedEpisodesShowTenRowsWithEveryColumnFilled() {
		Instant t = Instant.parse("2026-11-21T00:00:00Z");
		long[] times = new long[1440];
		double[] values = new double[1440];
		List<Episode> episodes = new ArrayList<>();
		for (int i = 0; i < times.length; i++) {
			times[i] = t.plusSeconds(60L * i).toEpochMilli();
			values[i] = (i % 36 < 3) ? 300 : 100;
			if (i % 36 == 0 && episodes.size() < 40) {
				episodes.add(new Episode(t.plusSeconds(60L * i), t.plusSeconds(60L * (i + 3)), false));
			}
		}
		AlertSide old = new AlertSide(
				new AlertCondition("CloudWatch", "cpu-high", "Average of X", Comparison.GREATER, 200,
						Duration.ofMinutes(1), 1, 1, Duration.ZERO, null, MissingData.MISSING, null, "X > 200", null),
				times, values, episodes, episodes, "DescribeAlarmHistory", List.of());
		AlertSide neu = new AlertSide(
				new AlertCondition("Prometheus", "CpuHigh", "x", Comparison.GREATER, 1000, Duration.ofMinutes(1), 0, 0,
						Duration.ZERO, null, MissingData.NOT_BREACHING, null, "expr: x > 1000", null),
				times, values, List.of(), List.of(), "ALERTS", List.of());
		AlertMapping mapping = new AlertMapping("cpu", null, new AlertMapping.Ref("cloudwatch", "cpu-high", null),
				new AlertMapping.Ref("prometheus", "CpuHigh", null), 1);
		AlertDocument document = new AlertDocument(mapping, old, neu,
				AlertJudge.judge(old, neu, t, t.plusSeconds(86_400)), null);
		AlertView view = AlertView.of(document.row(1, t));
		assertThat(view.document().judgement().matches()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(view.matches()).hasSize(AlertView.EPISODE_ROWS + 1);
		assertThat(view.matches().get(AlertView.EPISODE_ROWS).get(0)).startsWith("and ").endsWith(" more");
		for (List<String> row : view.matches().subList(0, AlertView.EPISODE_ROWS)) {
			assertThat(row).as("an episode row").noneMatch(String::isEmpty);
		}
	}

}
