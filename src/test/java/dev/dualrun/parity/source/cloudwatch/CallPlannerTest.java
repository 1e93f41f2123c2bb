package dev.dualrun.parity.source.cloudwatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.TestPairs;
import dev.dualrun.parity.config.Tolerance;

import static org.assertj.core.api.Assertions.assertThat;

class CallPlannerTest {

	@Test
	void packsUpTo500QueriesPerCallWhenPointsAllow() {
		List<List<PairMapping>> batches = CallPlanner.plan(pairs(1200), 100);
		assertThat(batches).extracting(List::size).containsExactly(500, 500, 200);
		assertThat(CallPlanner.minimumCalls(1200, 100)).isEqualTo(3);
	}

	@Test
	void limitsMetricsPerCallBy100800Datapoints() {
		// a day of one-minute points: 1,440 per metric, so 70 metrics fill 100,800
		// datapoints
		List<List<PairMapping>> batches = CallPlanner.plan(pairs(141), 1440);
		assertThat(batches).extracting(List::size).containsExactly(70, 70, 1);
		assertThat(CallPlanner.minimumCalls(141, 1440)).isEqualTo(3);
	}

	@Test
	void neverSplitsAMetricLongerThanACall() {
		assertThat(CallPlanner.plan(pairs(3), 200_000)).extracting(List::size).containsExactly(1, 1, 1);
	}

	@Test
	void countsTheMetricsOfAnExpressionAgainstThe500Limit() {
		List<PairMapping> pairs = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			pairs.add(expression("e" + i));
		}
		// each expression needs 3 queries: 166 fit in 500
		assertThat(CallPlanner.plan(pairs, 10)).extracting(List::size).containsExactly(166, 34);
	}

	static List<PairMapping> pairs(int n) {
		List<PairMapping> pairs = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			pairs.add(new PairMapping("p" + i, "", 1,
					new CloudWatchQuery("NS", "M" + i, new TreeMap<>(), Statistic.parse("Sum"), null, null, null),
					TestPairs.newSide("q"), Duration.ofSeconds(60), 1, Tolerance.COUNT, false, null));
		}
		return pairs;
	}

	private static PairMapping expression(String id) {
		var m = new CloudWatchQuery.ExpressionMetric("a", "NS", "M", new TreeMap<>(), Statistic.parse("Sum"), null);
		var n = new CloudWatchQuery.ExpressionMetric("b", "NS", "N", new TreeMap<>(), Statistic.parse("Sum"), null);
		return new PairMapping(id, "", 1, new CloudWatchQuery(null, null, null, null, null, "a / b", List.of(m, n)),
				TestPairs.newSide("q"), Duration.ofSeconds(60), 1, Tolerance.AVERAGE, false, null);
	}

}
