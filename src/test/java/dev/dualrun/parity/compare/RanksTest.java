package dev.dualrun.parity.compare;

import java.util.Random;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RanksTest {

	private static final NaturalRanking REFERENCE = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);

	@Test
	void midranksEqualCommonsMathOnValuesWithAndWithoutTies() {
		Random random = new Random(7);
		for (int n : new int[] { 1, 2, 31, 32, 33, 64, 65, 1_000, 1_440, 4_097 }) {
			for (int kind = 0; kind < 4; kind++) {
				double[] x = new double[n];
				for (int i = 0; i < n; i++) {
					x[i] = switch (kind) {
						case 0 -> random.nextGaussian();
						// counts: ties everywhere
						case 1 -> random.nextInt(5);
						// signs, zeros of both signs and extremes
						case 2 -> new double[] { -0.0, 0.0, -1, 1, Double.MAX_VALUE, -Double.MAX_VALUE,
								Double.MIN_VALUE }[random.nextInt(7)];
						// one value
						default -> 3.5;
					};
				}
				assertThat(Ranks.midranks(x)).as("n=%d kind=%d", n, kind).containsExactly(REFERENCE.rank(x));
			}
		}
	}

	@Test
	void noValuesNoRanks() {
		assertThat(Ranks.midranks(new double[0])).isEmpty();
	}

	@Test
	void orderIsStableAndSorted() {
		long[] key = { 5, 1, 5, 0, 1, 5, -3 };
		assertThat(Ranks.order(key)).containsExactly(6, 3, 1, 4, 0, 2, 5);
	}

	@Test
	void sortableKeysOrderAsDoubleCompare() {
		double[] v = { Double.NEGATIVE_INFINITY, -1e300, -1, -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE, 1, 1e300,
				Double.POSITIVE_INFINITY, Double.NaN };
		for (int i = 0; i + 1 < v.length; i++) {
			assertThat(Ranks.sortable(v[i])).as("%s < %s", v[i], v[i + 1]).isLessThan(Ranks.sortable(v[i + 1]));
		}
	}

}
