package dev.dualrun.parity.source.prometheus;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.source.prometheus.PrometheusClient;
import dev.dualrun.parity.source.prometheus.PrometheusSettings;
import dev.dualrun.parity.source.prometheus.RangeResult;
import dev.dualrun.parity.source.prometheus.RangeRule;
import dev.dualrun.parity.source.prometheus.RangeRuleTest;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.RealPrometheus;

/**
 * The range-selector rule of the real Prometheus 2.42, on samples stamped exactly on the
 * minute (as an exporter stamping CloudWatch's bucket starts writes them): the server
 * says its version, the version names the closed rule, and the server selects as that
 * rule says: the sample on the left edge of each window is counted.
 */
class RangeRuleIT {

	@TempDir
	static Path work;

	private static RealPrometheus prometheus;

	private static long start;

	@BeforeAll
	static void start() throws Exception {
		start = (Instant.now().getEpochSecond() / 3600 - 3) * 3600;
		StringBuilder om = new StringBuilder("# TYPE edge_stamped gauge\n");
		for (int k = 0; k <= 120; k++) {
			om.append("edge_stamped ").append(k).append(' ').append(start + 60L * k).append('\n');
		}
		om.append("# EOF\n");
		prometheus = RealPrometheus.start(work, om.toString());
	}

	@AfterAll
	static void stop() throws Exception {
		prometheus.close();
	}

	@Test
	void prometheus242CountsTheSampleOnTheLeftEdgeAsItsVersionsRuleSays() {
		PrometheusClient client = new PrometheusClient(PrometheusSettings.at(prometheus.url()));
		RangeRule rule = RangeRule.of(client.version());
		assertThat(rule).isEqualTo(RangeRule.CLOSED);
		RangeResult counts = client.queryRange("count_over_time(edge_stamped[5m])", Instant.ofEpochSecond(start + 600),
				Instant.ofEpochSecond(start + 3600), 300);
		assertThat(counts.series()).hasSize(1);
		double[] values = counts.series().get(0).values();
		assertThat(values).hasSize(11);
		for (int i = 0; i < values.length; i++) {
			long t = (start + 600 + 300L * i) * 1000;
			long expected = RangeRuleTest.selected(rule, samples(), t, 300_000);
			assertThat(values[i]).as("window ending %s", Instant.ofEpochMilli(t)).isEqualTo(expected).isEqualTo(6);
		}
		// the left-open rule would count one fewer
		assertThat(RangeRuleTest.selected(RangeRule.LEFT_OPEN, samples(), (start + 600) * 1000, 300_000)).isEqualTo(5);
	}

	@Test
	void theGrafanaDashboardsQueryDrawsEachPeriodAtItsStartAsTheValidatorDoes() {
		PrometheusClient client = new PrometheusClient(PrometheusSettings.at(prometheus.url()));
		String q = "sum(max_over_time(edge_stamped[5m]))";
		// the validator reads the period [T, T+P) at T+P and stamps it T (rule 3)
		RangeResult atEnd = client.queryRange(q, Instant.ofEpochSecond(start + 900),
				Instant.ofEpochSecond(start + 3600), 300);
		RangeResult atStart = client.queryRange(
				dev.dualrun.parity.source.prometheus.PrometheusSourceProvider.alignedQuery(q, "5m"),
				Instant.ofEpochSecond(start + 600), Instant.ofEpochSecond(start + 3300), 300);
		double[] expected = atEnd.series().get(0).values();
		assertThat(expected).hasSize(10);
		assertThat(atStart.series().get(0).values()).containsExactly(expected);
		assertThat(atStart.series().get(0).values()[0]).isEqualTo(15.0);
	}

	private static long[] samples() {
		long[] s = new long[121];
		for (int k = 0; k <= 120; k++) {
			s[k] = (start + 60L * k) * 1000;
		}
		return s;
	}

}
