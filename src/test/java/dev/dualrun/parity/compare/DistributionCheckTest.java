package dev.dualrun.parity.compare;

import java.util.Random;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Mann-Whitney U of the Prometheus sample by ranks equals its definition by pairs,
 * and the Kolmogorov-Smirnov distance from the same pooled sort equals commons-math's.
 */
class DistributionCheckTest {

	@Test
	void uFromRanksEqualsTheCountOfPairsWithTiesAsHalves() {
		Random random = new Random(3);
		for (int trial = 0; trial < 50; trial++) {
			int n = 1 + random.nextInt(60);
			int m = 1 + random.nextInt(60);
			double[] p = new double[n];
			double[] c = new double[m];
			for (int i = 0; i < n; i++) {
				p[i] = random.nextInt(12);
			}
			for (int i = 0; i < m; i++) {
				c[i] = random.nextInt(12) + ((trial % 2 == 0) ? random.nextDouble() : 0);
			}
			assertThat(DistributionCheck.uNew(p, c)).isCloseTo(bruteForce(p, c), within(1e-9));
		}
	}

	@Test
	void ksDistanceFromTheOnePooledSortEqualsCommonsMath() {
		Random random = new Random(5);
		for (int trial = 0; trial < 200; trial++) {
			int n = 3 + random.nextInt(300);
			int m = 3 + random.nextInt(300);
			double[] p = new double[n];
			double[] c = new double[m];
			boolean counts = trial % 2 == 0;
			for (int i = 0; i < n; i++) {
				p[i] = counts ? random.nextInt(8) : random.nextGaussian() + 0.1 * (trial % 5);
			}
			for (int i = 0; i < m; i++) {
				c[i] = counts ? random.nextInt(9) : random.nextGaussian();
			}
			DistributionCheck.Pooled pooled = DistributionCheck.Pooled.of(p, c);
			assertThat(pooled.d()).as("trial %d", trial)
				.isCloseTo(new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(p, c), within(1e-12));
			assertThat(pooled.ties()).isEqualTo(counts);
		}
	}

	private static double bruteForce(double[] prometheus, double[] cloudwatch) {
		double greater = 0;
		for (double p : prometheus) {
			for (double c : cloudwatch) {
				greater += (p > c) ? 1 : (p == c) ? 0.5 : 0;
			}
		}
		return greater;
	}

}
