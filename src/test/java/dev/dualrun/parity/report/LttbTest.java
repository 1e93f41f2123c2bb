package dev.dualrun.parity.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LttbTest {

	@Test
	void keepsEndsAndTheSpikeOfALongSeries() {
		int n = 1440;
		double[] x = new double[n];
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = i;
			y[i] = Math.sin(i / 100.0);
		}
		y[777] = 50;
		int[] kept = Lttb.downsample(x, y, 200);
		assertThat(kept).hasSize(200).startsWith(0).endsWith(n - 1).contains(777);
		for (int i = 1; i < kept.length; i++) {
			assertThat(kept[i]).isGreaterThan(kept[i - 1]);
		}
	}

	@Test
	void shortSeriesAreKeptWhole() {
		assertThat(Lttb.downsample(new double[] { 1, 2, 3 }, new double[] { 1, 2, 3 }, 200)).containsExactly(0, 1, 2);
	}

}
