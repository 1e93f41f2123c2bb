package dev.dualrun.parity.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.align.Aligner;
import dev.dualrun.parity.config.Sides;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.config.Tolerance;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.TimeSeries;

import static org.assertj.core.api.Assertions.assertThat;

class PairComparatorTest {

	private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");

	private static final QueryWindow WINDOW = new QueryWindow(START, START.plus(Duration.ofHours(24)),
			Duration.ofMinutes(5));

	private final double[] truth = traffic(new Random(7));

	@Test
	void equivalentSeriesWithSmallNoisePass() {
		Random noise = new Random(1);
		ComparisonResult r = compare((k) -> this.truth[k] * (1 + 0.005 * noise.nextGaussian()), Tolerance.AVERAGE);
		assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.PASS);
		assertThat(r.diagnoses()).isEmpty();
		assertThat(r.points().common()).isEqualTo(288);
	}

	@Test
	void aConstantBiasFailsWithItsSize() {
		ComparisonResult r = compare((k) -> this.truth[k] * 1.048, Tolerance.COUNT);
		assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(r.diagnoses().get(0).code()).isEqualTo(Diagnosis.Code.BIAS);
		assertThat(r.diagnoses().get(0).message()).contains("+4.8 % above CloudWatch");
	}

	@Test
	void aSparseCounterOffByAFewEventsAtPeriodEdgesPasses() {
		// 3 errors per period, 864 in the day; Prometheus misses one event in every 10th
		// period (-3.3 %)
		ComparisonResult r = compare((k) -> 3.0, (k) -> (k % 10 == 0) ? 2.0 : 3.0, Tolerance.COUNT);
		assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.PASS);
		assertThat(r.points().bias()).isCloseTo(-0.0335, org.assertj.core.data.Offset.offset(0.001));
		// but a 10 % bias on the same sparse counter is not noise
		ComparisonResult biased = compare((k) -> 30.0, (k) -> 27.0, Tolerance.COUNT);
		assertThat(biased.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(biased.diagnoses().get(0).code()).isEqualTo(Diagnosis.Code.BIAS);
	}

	@Test
	void aFewPeriodsOutOfToleranceByChanceDoNotFailButManyDo() {
		// 17 of 288 periods 3 % off (5.9 %, binomial p ~ 0.27 against 5 %): chance for an
		// equivalent pair
		ComparisonResult some = compare((k) -> this.truth[k] * ((k % 17 == 0) ? ((k % 34 == 0) ? 1.03 : 0.97) : 1),
				Tolerance.AVERAGE);
		assertThat(some.points().withinShare()).isLessThan(0.95);
		assertThat(some.verdict()).as(some.summary()).isEqualTo(Verdict.PASS);
		// 48 of 288 (16.7 %, p < 0.0001): not chance
		ComparisonResult many = compare((k) -> this.truth[k] * ((k % 6 == 0) ? ((k % 12 == 0) ? 1.03 : 0.97) : 1),
				Tolerance.AVERAGE);
		assertThat(many.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(many.diagnoses().get(0).code()).isEqualTo(Diagnosis.Code.OUT_OF_TOLERANCE);
		assertThat(many.diagnoses().get(0).message()).contains("16.7 % of 288 common periods out of tolerance");
	}

	@Test
	void theSeriesMustCarryTheDimensionValues() {
		var dims = new java.util.TreeMap<>(Map.of("Endpoint", "/api/orders", "Method", "GET"));
		assertThat(IdentityCheck.of(dims, Map.of("path", "/api/orders", "method", "get"),
				dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus")))
			.isEmpty();
		assertThat(
				IdentityCheck.of(dims, Map.of(), dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus")))
			.as("everything summed away: cannot check")
			.isEmpty();
		Diagnosis d = IdentityCheck
			.of(dims, Map.of("path", "/api/users", "method", "GET"),
					dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus"))
			.orElseThrow();
		assertThat(d.code()).isEqualTo(Diagnosis.Code.IDENTITY);
		assertThat(d.message()).contains("Endpoint=/api/orders", "the identity rule");
	}

	@Test
	void aMaximumIsOneSidedBecausePrometheusSeesOnlyScrapedSamples() {
		AlignedPair below = Aligner.align(WINDOW, series((k) -> this.truth[k]), series((k) -> this.truth[k] * 0.95), 1,
				false, dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus"));
		assertThat(PairComparator.compare(below, Tolerance.EXTREMUM, StatisticKind.MAXIMUM).verdict())
			.isEqualTo(Verdict.PASS);
		AlignedPair above = Aligner.align(WINDOW, series((k) -> this.truth[k]), series((k) -> this.truth[k] * 1.05), 1,
				false, dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus"));
		ComparisonResult r = PairComparator.compare(above, Tolerance.EXTREMUM, StatisticKind.MAXIMUM);
		assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(r.summary()).contains("Prometheus is higher in 100 % of them");
	}

	@Test
	void passingRulesWithoutShownEquivalenceIsAWarning() {
		QueryWindow hour = new QueryWindow(START, START.plus(Duration.ofHours(1)), Duration.ofMinutes(5));
		long[] ts = new long[12];
		double[] c = new double[12];
		double[] p = new double[12];
		for (int k = 0; k < 12; k++) {
			ts[k] = hour.bucket(k).toEpochMilli();
			c[k] = 100;
			p[k] = (k < 6) ? 101.9 : 98.1;
		}
		ComparisonResult r = PairComparator.compare(Aligner.align(hour, new TimeSeries(Map.of(), ts, c, List.of()),
				new TimeSeries(Map.of(), ts, p, List.of()), 1, false,
				dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus")), Tolerance.AVERAGE);
		assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.WARN);
		assertThat(r.diagnoses().get(0).code()).isEqualTo(Diagnosis.Code.WEAK_EVIDENCE);
		assertThat(r.evidence().effectiveSampleSize().effective()).isLessThan(3);
		assertThat(r.summary()).contains("equivalence within +-2 is not shown");
	}

	@Test
	void aGapOfSeveralPeriodsFailsWithItsTimes() {
		ComparisonResult r = compare((k) -> (k >= 100 && k < 106) ? Double.NaN : this.truth[k], Tolerance.COUNT);
		assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
		Diagnosis gap = r.diagnoses().get(0);
		assertThat(gap.code()).isEqualTo(Diagnosis.Code.GAP_NEW);
		assertThat(gap.message()).contains("2026-11-21 08:20 to 08:50 UTC (6 periods)");
	}

	@Test
	void aGapWhoseEdgeReadsLowIsTheGapNotASpike() {
		// a rate over a range that reaches into the lost stretch reads low just before
		// and
		// after it: the edge of the gap, not a spike of its own
		ComparisonResult r = compare(
				(k) -> (k >= 100 && k < 106) ? Double.NaN : (k == 99 || k == 106) ? this.truth[k] * 0.3 : this.truth[k],
				Tolerance.COUNT);
		assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(r.diagnoses().get(0).code()).as(r.summary()).isEqualTo(Diagnosis.Code.GAP_NEW);
		assertThat(r.diagnoses()).extracting(Diagnosis::code).doesNotContain(Diagnosis.Code.SPIKE);
		// on a short window the low edges would make a bias of their own; they are left
		// out
		ComparisonResult shortWindow = compare((k) -> (k < 26) ? 14.0 : Double.NaN,
				(k) -> (k >= 26 || (k >= 10 && k < 16)) ? Double.NaN : (k == 9 || k == 16) ? 4.4 : 14.0,
				Tolerance.COUNT);
		assertThat(shortWindow.diagnoses().get(0).code()).as(shortWindow.summary()).isEqualTo(Diagnosis.Code.GAP_NEW);
		assertThat(shortWindow.points().bias()).isZero();
		// the same dip with no gap beside it is a spike
		ComparisonResult spike = compare((k) -> (k == 99) ? this.truth[k] * 0.3 : this.truth[k], Tolerance.COUNT);
		assertThat(spike.diagnoses().get(0).code()).as(spike.summary()).isEqualTo(Diagnosis.Code.SPIKE);
	}

	@Test
	void aSingleMissingPeriodIsTolerated() {
		ComparisonResult r = compare((k) -> (k == 100) ? Double.NaN : this.truth[k], Tolerance.COUNT);
		assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.PASS);
		assertThat(r.points().discrepancies()).extracting(Discrepancy::kind)
			.containsExactly(Discrepancy.Kind.MISSING_NEW);
	}

	@Test
	void aOnePeriodShiftIsDiagnosedWithItsDirection() {
		ComparisonResult r = compare((k) -> (k == 0) ? Double.NaN : this.truth[k - 1], Tolerance.COUNT);
		assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(r.lag().bestLag()).isEqualTo(1);
		assertThat(r.diagnoses().get(0).code()).isEqualTo(Diagnosis.Code.SHIFT);
		assertThat(r.diagnoses().get(0).message()).contains("300 s later");
		ComparisonResult early = compare((k) -> (k == 287) ? Double.NaN : this.truth[k + 1], Tolerance.COUNT);
		assertThat(early.lag().bestLag()).isEqualTo(-1);
		assertThat(early.diagnoses().get(0).message()).contains("300 s earlier");
	}

	@Test
	void theClosestUnitFactorIsNamedNotTheFirstWithinReach() {
		// 1024 is within 5 % of 1000 too: kibibytes against bytes are 1024
		ComparisonResult r = compare((k) -> this.truth[k] * 1024, Tolerance.AVERAGE);
		assertThat(r.diagnoses().get(0).code()).isEqualTo(Diagnosis.Code.UNIT_FACTOR);
		assertThat(r.unitFactor().factor()).isEqualTo(1024);
		assertThat(r.diagnoses().get(0).message()).contains("multiply unit-factor by 1/1024");
	}

	@Test
	void aUnitFactorIsNamedWithTheFix() {
		ComparisonResult r = compare((k) -> this.truth[k] / 1000, Tolerance.AVERAGE);
		assertThat(r.diagnoses().get(0).code()).isEqualTo(Diagnosis.Code.UNIT_FACTOR);
		assertThat(r.diagnoses().get(0).message()).contains("x1/1000", "multiply unit-factor by 1000");
		ComparisonResult bytes = compare((k) -> this.truth[k] * 8, Tolerance.AVERAGE);
		assertThat(bytes.diagnoses().get(0).message()).contains("Prometheus is x8 CloudWatch");
	}

	@Test
	void noDataOnEitherSideIsNeverAPass() {
		AlignedPair empty = Aligner.align(WINDOW, TimeSeries.empty(), TimeSeries.empty(), 1, false,
				dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus"));
		assertThat(PairComparator.compare(empty, Tolerance.AVERAGE).verdict()).isEqualTo(Verdict.NO_DATA);
	}

	@Test
	void aSideWithNoSeriesFailsAsMissing() {
		AlignedPair pair = Aligner.align(WINDOW, series((k) -> this.truth[k]), TimeSeries.empty(), 1, false,
				dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus"));
		ComparisonResult r = PairComparator.compare(pair, Tolerance.AVERAGE);
		assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(r.diagnoses().get(0).message()).startsWith("series missing on the Prometheus side");
	}

	@Test
	void tooFewCommonPointsAreInsufficient() {
		ComparisonResult r = compare((k) -> (k < 5) ? this.truth[k] : Double.NaN,
				(k) -> (k < 5) ? this.truth[k] : Double.NaN, Tolerance.AVERAGE);
		assertThat(r.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
	}

	@Test
	void infinityIsADiscrepancyAndNaNOnBothSidesIsNoTraffic() {
		ComparisonResult r = compare((k) -> (k == 10) ? Double.POSITIVE_INFINITY : this.truth[k], Tolerance.AVERAGE);
		assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(r.diagnoses()).extracting(Diagnosis::code).contains(Diagnosis.Code.NON_FINITE);
		ComparisonResult quiet = compare((k) -> (k % 10 == 0) ? Double.NaN : this.truth[k],
				(k) -> (k % 10 == 0) ? Double.NaN : this.truth[k], Tolerance.AVERAGE);
		assertThat(quiet.verdict()).isEqualTo(Verdict.PASS);
		assertThat(quiet.points().newCoverage()).isEqualTo(1.0);
	}

	@Test
	void offGridCloudWatchTimestampsAreAnAlignmentError() {
		long[] ts = { START.plusSeconds(30).toEpochMilli() };
		TimeSeries cw = concat(series((k) -> this.truth[k]), ts);
		AlignedPair pair = Aligner.align(WINDOW, cw, series((k) -> this.truth[k]), 1, false,
				dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus"));
		ComparisonResult r = PairComparator.compare(pair, Tolerance.AVERAGE);
		assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(r.diagnoses()).extracting(Diagnosis::code).containsExactly(Diagnosis.Code.OFF_GRID);
	}

	@Test
	void publishedOnlyWhenNonZeroReadsAMissingPeriodAsZero() {
		IntFunction<Double> errors = (k) -> (k % 3 == 0) ? 2.0 : 0.0;
		TimeSeries cw = series((k) -> (errors.apply(k) == 0) ? Double.NaN : errors.apply(k));
		TimeSeries prom = series(errors::apply);
		assertThat(
				PairComparator
					.compare(
							Aligner.align(WINDOW, cw, prom, 1, true,
									dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus")),
							Tolerance.COUNT)
					.verdict())
			.isEqualTo(Verdict.PASS);
		ComparisonResult strict = PairComparator.compare(Aligner.align(WINDOW, cw, prom, 1, false,
				dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus")), Tolerance.COUNT);
		assertThat(strict.verdict()).isEqualTo(Verdict.FAIL);
		assertThat(strict.diagnoses()).extracting(Diagnosis::code).contains(Diagnosis.Code.GAP_OLD);
	}

	private ComparisonResult compare(IntFunction<Double> prometheus, Tolerance tolerance) {
		return compare((k) -> this.truth[k], prometheus, tolerance);
	}

	private static ComparisonResult compare(IntFunction<Double> cloudwatch, IntFunction<Double> prometheus,
			Tolerance tolerance) {
		return PairComparator.compare(Aligner.align(WINDOW, series(cloudwatch), series(prometheus), 1, false,
				dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus")), tolerance);
	}

	/** A series on the grid; NaN values are left out (absent), as a source would. */
	private static TimeSeries series(IntFunction<Double> value) {
		List<Long> ts = new ArrayList<>();
		List<Double> vs = new ArrayList<>();
		for (int k = 0; k < WINDOW.count(); k++) {
			double v = value.apply(k);
			if (!Double.isNaN(v)) {
				ts.add(WINDOW.bucket(k).toEpochMilli());
				vs.add(v);
			}
		}
		return new TimeSeries(Map.of(), ts.stream().mapToLong(Long::longValue).toArray(),
				vs.stream().mapToDouble(Double::doubleValue).toArray(), List.of());
	}

	private static TimeSeries concat(TimeSeries s, long[] extra) {
		long[] ts = java.util.Arrays.copyOf(s.timestamps(), s.size() + extra.length);
		double[] vs = java.util.Arrays.copyOf(s.values(), s.size() + extra.length);
		System.arraycopy(extra, 0, ts, s.size(), extra.length);
		return new TimeSeries(Map.of(), ts, vs, List.of());
	}

	/** Requests per 5 minutes over a day: a daily wave with Poisson-like noise. */
	private static double[] traffic(Random random) {
		double[] v = new double[WINDOW.count()];
		for (int k = 0; k < v.length; k++) {
			double mean = 600 * (1 + 0.4 * Math.sin(2 * Math.PI * k / v.length));
			v[k] = Math.round(mean + Math.sqrt(mean) * random.nextGaussian());
		}
		return v;
	}

}
