package dev.dualrun.parity.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.TestPairs;
import dev.dualrun.parity.source.TimeSeries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagnoses that name a fix: a factor equal to the period (a rate per second against
 * a count per period), a share of the series missing, and the newest periods missing at
 * the window's end (late data, or an outage when they began long before the read). Each
 * against a control that keeps the diagnosis it had.
 */
class RatioAndWindowEndTest {

	private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");

	private static final String SUM = "cloudwatch: { namespace: App, metric: Requests, statistic: Sum, "
			+ "dimensions: { Endpoint: /orders } }";

	@Test
	void aRatePerSecondAgainstASumPerFiveMinutesSaysUseIncrease() {
		PairJudge.Judgement j = judge(pair("5m", "sum(rate(requests_total{path=\"/orders\"}[5m]))"),
				window(Duration.ofMinutes(5), 6), (k) -> host(1, k) / 300);
		assertFirst(j, Diagnosis.Code.PERIOD_FACTOR);
		assertThat(j.result().summary()).contains("counts per second where CloudWatch counts per 300 s period")
			.contains("use increase(requests_total{path=\"/orders\"}[5m]) in place of "
					+ "rate(requests_total{path=\"/orders\"}[5m]), or multiply unit-factor by 300");
	}

	@Test
	void thePeriodFactorIsNamedAtOneMinuteAndOneHourToo() {
		PairJudge.Judgement minute = judge(pair("1m", "sum(rate(requests_total[1m]))"),
				window(Duration.ofMinutes(1), 6), (k) -> host(1, k) / 60);
		assertFirst(minute, Diagnosis.Code.PERIOD_FACTOR);
		assertThat(minute.result().summary()).contains("per 60 s period").contains("multiply unit-factor by 60");
		PairJudge.Judgement hour = judge(pair("1h", "sum(irate(requests_total[1h]))"), window(Duration.ofHours(1), 48),
				(k) -> host(1, k) / 3600);
		assertFirst(hour, Diagnosis.Code.PERIOD_FACTOR);
		assertThat(hour.result().summary()).contains("use increase(requests_total[1h]) in place of irate(");
	}

	@Test
	void anIncreaseAgainstAPerSecondAverageSaysUseRate() {
		PairMapping perSecond = TestPairs.pair("rps", "5m",
				"cloudwatch: { namespace: App, metric: RequestRate, statistic: Average, unit: Count/Second }",
				"sum(increase(requests_total[5m]))");
		PairJudge.Judgement j = judge(perSecond, window(Duration.ofMinutes(5), 6), (k) -> host(1, k) * 300);
		assertFirst(j, Diagnosis.Code.PERIOD_FACTOR);
		assertThat(j.result().summary()).contains("use rate(requests_total[5m]) in place of increase(")
			.contains("multiply unit-factor by 1/300");
	}

	@Test
	void aUnitFactorThatIsNotThePeriodStaysAUnitFactor() {
		PairJudge.Judgement j = judge(pair("5m", "sum(increase(requests_total[5m]))"), window(Duration.ofMinutes(5), 6),
				(k) -> host(1, k) * 1000);
		assertFirst(j, Diagnosis.Code.UNIT_FACTOR);
	}

	@Test
	void halfOfACountMissingSaysASeriesIsMissingAndHowToCountThem() {
		PairJudge.Judgement j = judge(pair("5m", "sum(increase(requests_total{path=\"/orders\"}[5m]))"),
				window(Duration.ofMinutes(5), 6), (k) -> host(1, k) + host(2, k), (k) -> host(1, k));
		assertFirst(j, Diagnosis.Code.SERIES_SHARE);
		assertThat(j.result().summary()).contains("about 1/2: as when 1 in 2 of the series are missing on the "
				+ "Prometheus side (or counted twice on the CloudWatch side); compare count by (instance) "
				+ "(requests_total{path=\"/orders\"})");
	}

	@Test
	void twoOfThreeHostsAndADoubleCountAreNamedToo() {
		QueryWindow window = window(Duration.ofMinutes(5), 6);
		IntToDoubleFunction three = (k) -> host(1, k) + host(2, k) + host(3, k);
		PairJudge.Judgement oneOfThree = judge(pair("5m", "sum(increase(requests_total[5m]))"), window, three,
				(k) -> host(1, k) + host(2, k));
		assertFirst(oneOfThree, Diagnosis.Code.SERIES_SHARE);
		assertThat(oneOfThree.result().summary()).contains("as when 1 in 3 of the series are missing");
		PairJudge.Judgement twice = judge(pair("5m", "sum(increase(requests_total[5m]))"), window, three,
				(k) -> 2 * three.applyAsDouble(k));
		assertFirst(twice, Diagnosis.Code.SERIES_SHARE);
		assertThat(twice.result().summary()).contains("counted twice on the Prometheus side");
	}

	@Test
	void aBiasThatIsNoFractionStaysABias() {
		QueryWindow window = window(Duration.ofMinutes(5), 6);
		IntToDoubleFunction both = (k) -> host(1, k) + host(2, k);
		// 0.75 and 1.25: a quarter is no share this names
		for (double factor : new double[] { 1.10, 0.90, 0.80, 1.20, 0.75, 1.25 }) {
			PairJudge.Judgement j = judge(pair("5m", "sum(increase(requests_total[5m]))"), window, both,
					(k) -> factor * both.applyAsDouble(k));
			assertFirst(j, Diagnosis.Code.BIAS);
		}
	}

	@Test
	void theNewestPeriodsMissingShortlyBeforeTheReadMayBeLateData() {
		QueryWindow window = window(Duration.ofMinutes(5), 6);
		IntToDoubleFunction traffic = (k) -> host(1, k);
		IntToDoubleFunction lastThreeMissing = (k) -> (k >= window.count() - 3) ? Double.NaN : traffic.applyAsDouble(k);
		PairJudge.Judgement late = PairJudge.judge(pair("5m", "sum(increase(requests_total[5m]))"), window,
				answer(window, lastThreeMissing, window.end().plus(Duration.ofMinutes(12))),
				answer(window, traffic, window.end().plus(Duration.ofMinutes(13))));
		assertFirst(late, Diagnosis.Code.GAP_AT_END);
		assertThat(late.result().summary())
			.isEqualTo("the newest 3 periods are missing on the CloudWatch side (05:45 to 06:00 UTC) while Prometheus "
					+ "has data, the first of them 27 min before they were read: data may still be arriving: judge again "
					+ "later, or raise --settle (the settle rule)");
		PairJudge.Judgement lost = PairJudge.judge(pair("5m", "sum(increase(requests_total[5m]))"), window,
				answer(window, lastThreeMissing, window.end().plus(Duration.ofHours(5))),
				answer(window, traffic, window.end().plus(Duration.ofHours(5))));
		assertFirst(lost, Diagnosis.Code.GAP_AT_END);
		assertThat(lost.result().summary()).contains("the first of them 5.3 h before they were read, too long for late "
				+ "data: the CloudWatch side has had no data since 05:45 UTC");
	}

	@Test
	void aLongOutageReachingTheWindowsEndIsNoLateData() {
		QueryWindow window = window(Duration.ofMinutes(5), 24);
		IntToDoubleFunction traffic = (k) -> host(1, k);
		PairJudge.Judgement j = PairJudge.judge(pair("5m", "sum(increase(requests_total[5m]))"), window,
				answer(window, traffic, window.end().plusSeconds(600)),
				answer(window, (k) -> (k >= window.count() - 120) ? Double.NaN : traffic.applyAsDouble(k),
						window.end().plusSeconds(600)));
		assertFirst(j, Diagnosis.Code.GAP_AT_END);
		assertThat(j.result().summary()).contains("the newest 120 periods are missing on the Prometheus side",
				"10.2 h before they were read, too long for late data");
	}

	@Test
	void aGapWithinTheWindowIsNoWindowEndGap() {
		QueryWindow window = window(Duration.ofMinutes(5), 6);
		IntToDoubleFunction traffic = (k) -> host(1, k);
		PairJudge.Judgement j = PairJudge.judge(pair("5m", "sum(increase(requests_total[5m]))"), window, answer(window,
				(k) -> (k >= 30 && k < 34) ? Double.NaN : traffic.applyAsDouble(k), window.end().plusSeconds(600)),
				answer(window, traffic, window.end().plusSeconds(600)));
		assertFirst(j, Diagnosis.Code.GAP_OLD);
		assertThat(j.result().diagnoses()).extracting(Diagnosis::code).doesNotContain(Diagnosis.Code.GAP_AT_END);
	}

	private static void assertFirst(PairJudge.Judgement j, Diagnosis.Code code) {
		assertThat(j.result().verdict()).as(j.result().summary()).isEqualTo(Verdict.FAIL);
		assertThat(j.result().diagnoses().get(0).code()).as(j.result().summary()).isEqualTo(code);
	}

	private static PairMapping pair(String period, String query) {
		return TestPairs.pair("requests", period, SUM, query);
	}

	private static QueryWindow window(Duration period, int hours) {
		return new QueryWindow(START, START.plus(Duration.ofHours(hours)), period);
	}

	/** Requests of one host per period: a wave with Poisson-like noise, its own seed. */
	private static double host(int host, int k) {
		Random random = new Random(31L * host + k);
		double mean = 600 * (1 + 0.3 * Math.sin(k / 9.0 + host));
		return Math.round(mean + Math.sqrt(mean) * random.nextGaussian());
	}

	/** The old side is host 1's requests. */
	private static PairJudge.Judgement judge(PairMapping pair, QueryWindow window, IntToDoubleFunction neu) {
		return judge(pair, window, (k) -> host(1, k), neu);
	}

	private static PairJudge.Judgement judge(PairMapping pair, QueryWindow window, IntToDoubleFunction old,
			IntToDoubleFunction neu) {
		return PairJudge.judge(pair, window, answer(window, old, null), answer(window, neu, null));
	}

	private static SideAnswer answer(QueryWindow window, IntToDoubleFunction value, Instant readAt) {
		long[] t = new long[window.count()];
		double[] v = new double[window.count()];
		int n = 0;
		for (int k = 0; k < window.count(); k++) {
			double x = value.applyAsDouble(k);
			if (!Double.isNaN(x)) {
				t[n] = window.bucket(k).toEpochMilli();
				v[n++] = x;
			}
		}
		return new SideAnswer.Series(
				new TimeSeries(Map.of(), java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(v, n), List.of()),
				readAt);
	}

}
