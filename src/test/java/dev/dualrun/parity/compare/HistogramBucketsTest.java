package dev.dualrun.parity.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.TestPairs;
import dev.dualrun.parity.source.TimeSeries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A percentile estimated from a histogram is exact only to the bucket it was interpolated
 * in: the judge holds the old side's exact percentile to that bucket, not to a relative
 * tolerance that stands in for the buckets' width.
 */
class HistogramBucketsTest {

	/** Prometheus' default buckets. */
	private static final double[] DEFAULT = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };

	private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");

	private static final QueryWindow WINDOW = new QueryWindow(START, START.plus(Duration.ofHours(6)),
			Duration.ofMinutes(5));

	private static final PairMapping P99 = TestPairs.pair("latency-p99", "5m",
			"cloudwatch: { namespace: App, metric: Latency, statistic: p99, unit: Seconds, "
					+ "dimensions: { Endpoint: /orders } }",
			"histogram_quantile(0.99, sum by (le) (increase(http_request_duration_seconds_bucket{path=\"/orders\"}"
					+ "[5m])))");

	private final HistogramBuckets buckets = HistogramBuckets.of(DEFAULT, 1, "Seconds");

	@Test
	void anEstimateIsExactToTheBucketItWasInterpolatedIn() {
		assertThat(this.buckets.bucket(0.4)).containsExactly(0.25, 0.5);
		assertThat(this.buckets.bucket(0.003)).as("the first bucket starts at 0").containsExactly(0, 0.005);
		assertThat(this.buckets.bucket(10)).as("the unbounded bucket's estimate is its lower bound")
			.containsExactly(5, Double.POSITIVE_INFINITY);
		assertThat(this.buckets.bucket(0.5)).as("a bound closes one bucket and opens the next")
			.containsExactly(0.25, 1);
		assertThat(this.buckets.bucketText(0.4)).isEqualTo("[0.25 s, 0.5 s]");
		assertThat(this.buckets.clamp(0.3, 0.4)).isEqualTo(0.3);
		assertThat(this.buckets.clamp(0.7, 0.4)).isEqualTo(0.5);
	}

	@Test
	void theBoundsFollowTheUnitFactor() {
		HistogramBuckets ms = HistogramBuckets.of(new double[] { 250, 500, 1000 }, 0.001, "Seconds");
		assertThat(ms.bucket(0.3)).containsExactly(0.25, 0.5);
		assertThat(HistogramBuckets.of(null, 1, "Seconds")).isNull();
		assertThat(HistogramBuckets.of(new double[0], 1, "Seconds")).isNull();
	}

	@Test
	void anEstimateHighInItsWideBucketPassesWhereARelativeToleranceFailsIt() {
		// the exact p99 near 0.3 s; histogram_quantile interpolates towards the middle of
		// (0.25, 0.5]: 30 % above, within the bucket every period
		IntToDoubleFunction exact = (k) -> 0.3 + 0.02 * Math.sin(k / 5.0);
		IntToDoubleFunction estimate = (k) -> 0.39 + 0.03 * Math.sin(k / 5.0);
		PairJudge.Judgement withBuckets = judge(exact, estimate, DEFAULT);
		assertThat(withBuckets.result().verdict()).as(withBuckets.result().summary()).isEqualTo(Verdict.PASS);
		assertThat(withBuckets.result().notes())
			.anySatisfy((n) -> assertThat(n).contains("judged against the buckets of the Prometheus histogram")
				.contains("11 bounds, 0.005 s to 10 s")
				.contains("72 of 72 periods within"));
		PairJudge.Judgement without = judge(exact, estimate, null);
		assertThat(without.result().verdict()).as("held to 10 % without its buckets").isEqualTo(Verdict.FAIL);
	}

	@Test
	void aDistributionOneBucketHigherFailsOutsideItsBucket() {
		IntToDoubleFunction exact = (k) -> 0.3 + 0.02 * Math.sin(k / 5.0);
		IntToDoubleFunction estimate = (k) -> 0.7 + 0.05 * Math.sin(k / 5.0);
		PairJudge.Judgement j = judge(exact, estimate, DEFAULT);
		assertThat(j.result().verdict()).isEqualTo(Verdict.FAIL);
		Diagnosis d = j.result().diagnoses().get(0);
		assertThat(d.code()).isEqualTo(Diagnosis.Code.OUTSIDE_BUCKET);
		assertThat(d.message()).contains("in 72 of 72 common periods the CloudWatch value lies outside the bucket")
			.contains("2026-11-21 00:00 UTC: 0.3 s outside its bucket [0.5 s, 1 s] by -0.2 s")
			.contains("CloudWatch is below the bucket in 100 % of them, by 1 bucket(s)");
		assertThat(j.result().points().discrepancies().get(0).newValue()).as("the estimate, not the bound")
			.isEqualTo(0.7);
	}

	@Test
	void twoBucketsAwayIsSaid() {
		PairJudge.Judgement j = judge((k) -> 0.3, (k) -> 1.5 + 0.1 * Math.sin(k), DEFAULT);
		assertThat(j.result().diagnoses().get(0).message()).contains("by 2 bucket(s)");
	}

	@Test
	void valuesJustOutsideTheirBucketOnEitherSideAreWithinTheSlackOfTheTolerance() {
		// the percentile on a bound: the exact value and the estimate fall on either side
		// of it as often (ranks defined apart, edges of the period)
		java.util.Random random = new java.util.Random(7);
		double[] latent = new double[WINDOW.count()];
		double[] exact = new double[latent.length];
		double[] estimate = new double[latent.length];
		for (int k = 0; k < latent.length; k++) {
			latent[k] = 0.25 + 0.01 * random.nextGaussian();
			exact[k] = latent[k] + 0.004 * random.nextGaussian();
			// interpolated high in (0.1, 0.25] or low in (0.25, 0.5], as
			// histogram_quantile
			estimate[k] = (latent[k] + 0.004 * random.nextGaussian() <= 0.25) ? 0.235 : 0.275;
		}
		PairJudge.Judgement j = judge((k) -> exact[k], (k) -> estimate[k], DEFAULT);
		assertThat(j.result().verdict()).as(j.result().summary()).isEqualTo(Verdict.PASS);
	}

	@Test
	void valuesOutsideTheirBucketAlwaysOnOneSideAreAShiftHoweverClose() {
		// each within 10 % of its bucket, but below it in every period: the new side's
		// distribution sits a bucket higher
		PairJudge.Judgement j = judge((k) -> 0.245, (k) -> 0.3 + 0.01 * Math.sin(k), DEFAULT);
		assertThat(j.result().verdict()).isEqualTo(Verdict.FAIL);
		assertThat(j.result().diagnoses().get(0).code()).isEqualTo(Diagnosis.Code.OUTSIDE_BUCKET);
		assertThat(j.result().diagnoses().get(0).message()).contains(
				"outside its bucket, on one side: in 72 of 72 common periods the CloudWatch value lies below the bucket",
				"above it in 0 (sign test p < 0.0001)", "0.245 s outside its bucket [0.25 s, 0.5 s] by -0.005 s",
				"by 1 bucket(s)");
	}

	private static PairJudge.Judgement judge(IntToDoubleFunction exact, IntToDoubleFunction estimate, double[] bounds) {
		return PairJudge.judge(P99, WINDOW, new SideAnswer.Series(series(exact, null)),
				new SideAnswer.Series(series(estimate, bounds)));
	}

	private static TimeSeries series(IntToDoubleFunction f, double[] bounds) {
		long[] t = new long[WINDOW.count()];
		double[] v = new double[t.length];
		for (int k = 0; k < t.length; k++) {
			t[k] = WINDOW.bucket(k).toEpochMilli();
			v[k] = f.applyAsDouble(k);
		}
		return new TimeSeries(Map.of("path", "/orders"), t, v, List.of(), null, bounds);
	}

}
