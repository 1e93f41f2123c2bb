package dev.dualrun.parity.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.align.Aligner;
import dev.dualrun.parity.config.Sides;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.config.Tolerance;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.TimeSeries;

/**
 * Milliseconds to align and judge one pair of a day and of a week at one minute (1,440
 * and 10,080 points a side), after 3 s of warming up, over 2 s; prints its figures,
 * asserts nothing about time. Run with {@code mvn -B test -Dtest=JudgeBenchmark}.
 */
class JudgeBenchmark {

	@Test
	void judgingOnePair() {
		for (int points : new int[] { 1_440, 10_080 }) {
			Instant start = Instant.parse("2026-11-21T00:00:00Z");
			QueryWindow window = new QueryWindow(start, start.plus(Duration.ofMinutes(points)), Duration.ofMinutes(1));
			Random random = new Random(1);
			long[] ts = new long[points];
			double[] cw = new double[points];
			double[] prom = new double[points];
			for (int k = 0; k < points; k++) {
				ts[k] = start.toEpochMilli() + k * 60_000L;
				cw[k] = 100 + 20 * Math.sin(k / 200.0) + random.nextGaussian();
				prom[k] = cw[k] * (1 + 0.001 * random.nextGaussian());
			}
			TimeSeries c = new TimeSeries(java.util.Map.of(), ts, cw, java.util.List.of());
			TimeSeries p = new TimeSeries(java.util.Map.of(), ts, prom, java.util.List.of());
			// warmed up as in a night of thousands of pairs (the JIT compiles the
			// sorting and ranking loops after a few hundred pairs), then timed
			long warmUntil = System.nanoTime() + 3_000_000_000L;
			while (System.nanoTime() < warmUntil) {
				judge(window, c, p);
			}
			int rounds = 0;
			long t0 = System.nanoTime();
			while (System.nanoTime() - t0 < 2_000_000_000L) {
				judge(window, c, p);
				rounds++;
			}
			double ms = (System.nanoTime() - t0) / 1e6 / rounds;
			System.out
				.println(String.format(Locale.ROOT, "judging one pair of %,d points a side: %.2f ms", points, ms));
		}
	}

	private static ComparisonResult judge(QueryWindow window, TimeSeries c, TimeSeries p) {
		AlignedPair aligned = Aligner.align(window, c, p, 1.0, false,
				dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus"));
		return PairComparator.compare(aligned, Tolerance.AVERAGE, StatisticKind.AVERAGE);
	}

}
