package dev.dualrun.parity.store;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.source.QueryWindow;

import static org.assertj.core.api.Assertions.assertThat;

class PackedSeriesTest {

	private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");

	@Test
	void roundTripsGridPointsSpecialValuesAndOffGridPoints() {
		QueryWindow window = new QueryWindow(START, START.plus(Duration.ofHours(1)), Duration.ofMinutes(1));
		long[] ts = { START.toEpochMilli(), START.plusSeconds(120).toEpochMilli(), START.plusSeconds(90).toEpochMilli(),
				START.plusSeconds(3540).toEpochMilli() };
		double[] vs = { 1.5, Double.NaN, 7, Double.NEGATIVE_INFINITY };
		PackedSeries.Points p = PackedSeries.unpack(PackedSeries.pack(window, ts, vs));
		assertThat(p.timestamps()).containsExactly(ts[0], ts[1], ts[3], ts[2]);
		assertThat(p.values()[0]).isEqualTo(1.5);
		assertThat(p.values()[1]).isNaN();
		assertThat(p.values()[2]).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(p.values()[3]).isEqualTo(7);
	}

	@Test
	void aDayOfMinutesTakesLessThanTwelveKilobytes() {
		QueryWindow window = new QueryWindow(START, START.plus(Duration.ofDays(1)), Duration.ofMinutes(1));
		long[] ts = new long[1440];
		double[] vs = new double[1440];
		java.util.Random random = new java.util.Random(3);
		for (int i = 0; i < ts.length; i++) {
			ts[i] = window.bucket(i).toEpochMilli();
			vs[i] = random.nextDouble();
		}
		byte[] packed = PackedSeries.pack(window, ts, vs);
		assertThat(packed.length).isLessThan(12 * 1024);
		assertThat(PackedSeries.unpack(packed).values()).containsExactly(vs);
	}

}
