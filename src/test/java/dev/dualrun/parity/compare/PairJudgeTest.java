package dev.dualrun.parity.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.TestPairs;
import dev.dualrun.parity.source.TimeSeries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The one judge on its own: every verdict is decided here from what each side answered,
 * in the order a reader expects (a failed source before anything else, then several
 * series, then the comparison and the identity rule), and the settle rule and the
 * false-discovery adjustment are its too.
 */
class PairJudgeTest {

	private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");

	/** Six hours at five minutes: 72 periods, the newest 30 minutes are the last 6. */
	private static final QueryWindow WINDOW = new QueryWindow(START, START.plus(Duration.ofHours(6)),
			Duration.ofMinutes(5));

	private static final PairMapping PAIR = TestPairs.pair("requests", "5m",
			"cloudwatch: { namespace: App, metric: Requests, statistic: Sum, dimensions: { Endpoint: /orders } }",
			"sum(increase(requests_total{path=\"/orders\"}[5m]))");

	private static final IntToDoubleFunction TRAFFIC = (k) -> 1000 + 300 * Math.sin(k / 6.0);

	@Test
	void equalSeriesPassOnTheGrid() {
		PairJudge.Judgement j = judge(series(TRAFFIC), series(TRAFFIC));
		assertThat(j.result().verdict()).as(j.result().summary()).isEqualTo(Verdict.PASS);
		assertThat(j.aligned()).isNotNull();
		assertThat(j.result().points().common()).isEqualTo(72);
	}

	@Test
	void aFailedSourceIsAnErrorBeforeAnythingElseItSaid() {
		SideAnswer failed = new SideAnswer.Failed("the old side: AccessDenied for GetMetricData (pair requests)");
		PairJudge.Judgement j = PairJudge.judge(PAIR, WINDOW, failed, several());
		assertThat(j.result().verdict()).isEqualTo(Verdict.ERROR);
		assertThat(j.result().diagnoses()).singleElement().satisfies((d) -> {
			assertThat(d.code()).isEqualTo(Diagnosis.Code.SOURCE_ERROR);
			assertThat(d.message()).isEqualTo("the old side: AccessDenied for GetMetricData (pair requests)");
		});
		assertThat(j.aligned()).as("nothing was compared").isNull();
		assertThat(PairJudge.judge(PAIR, WINDOW, series(TRAFFIC), new SideAnswer.Failed("timeout")).result().verdict())
			.isEqualTo(Verdict.ERROR);
	}

	@Test
	void severalSeriesWhereOneWasMeantFailOnCardinality() {
		PairJudge.Judgement j = PairJudge.judge(PAIR, WINDOW, series(TRAFFIC), several());
		assertThat(j.result().verdict()).isEqualTo(Verdict.FAIL);
		assertThat(j.result().diagnoses().get(0).code()).isEqualTo(Diagnosis.Code.CARDINALITY);
		assertThat(j.result().diagnoses().get(0).message()).isEqualTo("2 series where one was meant");
		assertThat(j.aligned()).isNull();
	}

	@Test
	void aSeriesOfAnotherEndpointFailsTheIdentityRuleEvenWhenItsValuesAgree() {
		TimeSeries other = new TimeSeries(Map.of("path", "/users"), timestamps(), values(TRAFFIC), List.of());
		PairJudge.Judgement j = PairJudge.judge(PAIR, WINDOW, series(TRAFFIC), new SideAnswer.Series(other));
		assertThat(j.result().verdict()).isEqualTo(Verdict.FAIL);
		assertThat(j.result().diagnoses().get(0).code()).isEqualTo(Diagnosis.Code.IDENTITY);
		assertThat(j.result().diagnoses().get(0).message()).contains("Endpoint=/orders");
	}

	@Test
	void onlyAFailureInTheNewestThirtyMinutesMayBeSettling() {
		PairJudge.Judgement lateDip = judge(series(TRAFFIC), series(dipFrom(68)));
		assertThat(lateDip.result().verdict()).isEqualTo(Verdict.FAIL);
		assertThat(PairJudge.mayBeSettling(lateDip, WINDOW)).isTrue();
		PairJudge.Judgement earlyDip = judge(series(TRAFFIC),
				series((k) -> (k >= 20 && k < 26) ? 0 : TRAFFIC.applyAsDouble(k)));
		assertThat(earlyDip.result().verdict()).isEqualTo(Verdict.FAIL);
		assertThat(PairJudge.mayBeSettling(earlyDip, WINDOW)).isFalse();
		assertThat(PairJudge.mayBeSettling(judge(series(TRAFFIC), series(TRAFFIC)), WINDOW)).isFalse();
	}

	@Test
	void newestPeriodsThatChangedWhenReadAgainMakeThePairUnsettledKeepingItsDiagnoses() {
		SideAnswer[] first = { series(TRAFFIC), series(dipFrom(68)) };
		PairJudge.Judgement judged = PairJudge.judge(PAIR, WINDOW, first[0], first[1]);
		SideAnswer[] again = { series(TRAFFIC), series(dipFrom(71)) };
		PairJudge.Judgement settled = PairJudge.settle(PAIR, WINDOW, judged, first, again, Duration.ofSeconds(60));
		assertThat(settled.result().verdict()).isEqualTo(Verdict.UNSETTLED);
		assertThat(settled.result().diagnoses().get(0).code()).isEqualTo(Diagnosis.Code.UNSETTLED);
		assertThat(settled.result().diagnoses().get(0).message()).contains("after 60 s")
			.contains("CloudWatch: 0 period(s)")
			.contains("Prometheus: 3");
		assertThat(settled.result().diagnoses()).hasSize(judged.result().diagnoses().size() + 1);
		assertThat(settled.result().diagnoses().subList(1, settled.result().diagnoses().size()))
			.isEqualTo(judged.result().diagnoses());
	}

	@Test
	void aReReadThatChangedNothingOrFailedKeepsTheFailure() {
		SideAnswer[] first = { series(TRAFFIC), series(dipFrom(68)) };
		PairJudge.Judgement judged = PairJudge.judge(PAIR, WINDOW, first[0], first[1]);
		PairJudge.Judgement unchanged = PairJudge.settle(PAIR, WINDOW, judged, first, first.clone(),
				Duration.ofSeconds(60));
		assertThat(unchanged.result().verdict()).isEqualTo(Verdict.FAIL);
		assertThat(unchanged.result().diagnoses()).isEqualTo(judged.result().diagnoses());
		// the report says the stretch is missing, not late
		assertThat(unchanged.result().notes()).containsExactly("the newest 30 minutes read again after 60 s had not "
				+ "changed: nothing missing there arrived in that time (the settle rule)");
		SideAnswer[] failed = { series(TRAFFIC), new SideAnswer.Failed("timeout") };
		assertThat(PairJudge.settle(PAIR, WINDOW, judged, first, failed, Duration.ofSeconds(60))).isSameAs(judged);
	}

	@Test
	void qValuesAreBenjaminiHochbergOverThePairsThatHaveAPValue() {
		Map<String, Double> p = new LinkedHashMap<>();
		p.put("a", 0.01);
		p.put("b", 0.04);
		p.put("c", null);
		p.put("d", 0.03);
		Map<String, Double> q = PairJudge.qValues(p);
		assertThat(q).containsOnlyKeys("a", "b", "c", "d");
		// ranked 0.01, 0.03, 0.04 of m = 3: 0.04, min(0.045, 0.04), min(0.03, 0.04)
		assertThat(q.get("b")).isCloseTo(0.04, within(1e-12));
		assertThat(q.get("d")).isCloseTo(0.04, within(1e-12));
		assertThat(q.get("a")).isCloseTo(0.03, within(1e-12));
		assertThat(q.get("c")).isNull();
	}

	/**
	 * increase() over a one-minute period of 15 s scrapes sees about 45 s of it and
	 * scales the rest: a count of 60 differs by about sqrt(60 x 15/45) = 4.5 from the old
	 * side's exact count, often beyond 10 %. That is the query's resolution, not a
	 * discrepancy; a bias of the window still is.
	 */
	@Test
	void aCountExtrapolatedOverAQuarterOfItsPeriodIsAllowedItsNoise() {
		PairMapping minute = TestPairs.pair("requests", "1m",
				"cloudwatch: { namespace: App, metric: Requests, statistic: Sum, dimensions: { Endpoint: /orders } }",
				"sum(increase(requests_total{path=\"/orders\"}[1m]))");
		QueryWindow window = new QueryWindow(START, START.plus(Duration.ofHours(6)), Duration.ofMinutes(1));
		java.util.Random random = new java.util.Random(5);
		double[] old = new double[window.count()];
		double[] neu = new double[window.count()];
		for (int k = 0; k < old.length; k++) {
			old[k] = 60 + Math.round(Math.sqrt(60) * random.nextGaussian());
			neu[k] = old[k] + Math.sqrt(old[k] * 15 / 45.0) * random.nextGaussian();
		}
		PairJudge.Judgement equivalent = PairJudge.judge(minute, window, series(window, old), series(window, neu));
		assertThat(equivalent.result().verdict()).as(equivalent.result().summary()).isEqualTo(Verdict.PASS);
		double[] biased = java.util.Arrays.stream(neu).map((v) -> v * 1.05).toArray();
		PairJudge.Judgement bias = PairJudge.judge(minute, window, series(window, old), series(window, biased));
		assertThat(bias.result().verdict()).isEqualTo(Verdict.FAIL);
		assertThat(bias.result().diagnoses().get(0).code()).as(bias.result().summary()).isEqualTo(Diagnosis.Code.BIAS);
		// the same noise at a period of exact counts (no extrapolation) is out of
		// tolerance
		PairMapping exact = TestPairs.pair("requests", "1m",
				"cloudwatch: { namespace: App, metric: Requests, statistic: Sum, dimensions: { Endpoint: /orders } }",
				"sum(requests_per_minute{path=\"/orders\"})");
		assertThat(PairJudge.judge(exact, window, series(window, old), series(window, neu)).result().verdict())
			.isEqualTo(Verdict.FAIL);
		// nor is a Sum of seconds: its noise is no count of events
		PairMapping seconds = TestPairs.pair("busy", "1m",
				"cloudwatch: { namespace: App, metric: Busy, statistic: Sum, unit: Seconds }",
				"sum(increase(busy_seconds_total[1m]))");
		assertThat(PairJudge.judge(seconds, window, series(window, old), series(window, neu)).result().verdict())
			.isEqualTo(Verdict.FAIL);
	}

	private static SideAnswer series(QueryWindow window, double[] values) {
		long[] t = new long[values.length];
		for (int k = 0; k < t.length; k++) {
			t[k] = window.bucket(k).toEpochMilli();
		}
		return new SideAnswer.Series(new TimeSeries(Map.of(), t, values, List.of()));
	}

	private static PairJudge.Judgement judge(SideAnswer old, SideAnswer neu) {
		return PairJudge.judge(PAIR, WINDOW, old, neu);
	}

	private static SideAnswer several() {
		return new SideAnswer.Several(
				List.of(Map.of("path", "/orders", "code", "200"), Map.of("path", "/orders", "code", "500")),
				"2 series where one was meant");
	}

	private static IntToDoubleFunction dipFrom(int first) {
		return (k) -> (k >= first) ? TRAFFIC.applyAsDouble(k) * 0.2 : TRAFFIC.applyAsDouble(k);
	}

	private static SideAnswer series(IntToDoubleFunction value) {
		return new SideAnswer.Series(new TimeSeries(Map.of(), timestamps(), values(value), List.of()));
	}

	private static long[] timestamps() {
		long[] t = new long[WINDOW.count()];
		for (int k = 0; k < t.length; k++) {
			t[k] = START.plus(WINDOW.period().multipliedBy(k)).toEpochMilli();
		}
		return t;
	}

	private static double[] values(IntToDoubleFunction value) {
		double[] v = new double[WINDOW.count()];
		for (int k = 0; k < v.length; k++) {
			v[k] = value.applyAsDouble(k);
		}
		return v;
	}

}
