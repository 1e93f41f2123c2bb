package dev.dualrun.parity.compare;

import java.util.Locale;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.config.QueryChange;
import dev.dualrun.parity.config.StatisticKind;

/**
 * A constant ratio between the sides with a cause a person can fix: a factor equal to the
 * period in seconds (a rate per second against a count per period, or the reverse), and a
 * simple fraction of a count (1/2, 2/3, ...: a share of the series missing on one side,
 * or counted twice on the other).
 */
final class RatioCauses {

	/** How close (relative) the median ratio must be to the period's factor. */
	private static final double PERIOD_CLOSE = 0.05;

	/** How close (relative) the window's ratio must be to a fraction of the series. */
	private static final double SHARE_CLOSE = 0.04;

	/** How close (relative) the median of the periods' ratios must be to it too. */
	private static final double SHARE_MEDIAN_CLOSE = 0.10;

	/**
	 * The most series a fraction speaks of: 1/2, 1/3, 2/3 and their inverses (a bias of
	 * 25 % has other causes too often to be named so).
	 */
	private static final int MAX_SERIES = 3;

	private RatioCauses() {
	}

	/**
	 * @param pair the aligned pair
	 * @param unit the ratio check
	 * @param context the pair's context
	 * @return the diagnosis of a factor tied to the period, or null
	 */
	static Diagnosis periodFactor(AlignedPair pair, UnitFactorCheck unit, PairContext context) {
		long p = pair.window().period().toSeconds();
		double m = unit.medianRatio();
		if (p <= 1 || Double.isNaN(m)) {
			return null;
		}
		String neu = pair.sides().newName();
		String old = pair.sides().oldName();
		if (Math.abs(m * p - 1) <= PERIOD_CLOSE && counts(context.kind())) {
			String advice = context.advice(QueryChange.PER_PERIOD);
			return new Diagnosis(Diagnosis.Code.PERIOD_FACTOR, String.format(Locale.ROOT,
					"per second against per period: %s counts per second where %s counts per %d s period (median "
							+ "ratio %.4g, 1/%d): %smultiply unit-factor by %d",
					neu, old, p, m, p, (advice != null) ? advice + ", or " : "", p));
		}
		String advice = context.advice(QueryChange.PER_SECOND);
		if (Math.abs(m / p - 1) <= PERIOD_CLOSE && advice != null) {
			return new Diagnosis(Diagnosis.Code.PERIOD_FACTOR,
					String.format(Locale.ROOT,
							"per period against per second: %s counts per %d s period where %s is per second (median "
									+ "ratio %.4g, x%d): %s, or multiply unit-factor by 1/%d",
							neu, p, old, m, p, advice, p));
		}
		return null;
	}

	/**
	 * @param pair the aligned pair
	 * @param points the per-point comparison (its bias is the window's ratio)
	 * @param unit the ratio check (its median ratio)
	 * @param context the pair's context
	 * @return the diagnosis of a share of the series missing or counted twice, or null
	 */
	static Diagnosis seriesShare(AlignedPair pair, PointErrors points, UnitFactorCheck unit, PairContext context) {
		if (!counts(context.kind()) || Double.isNaN(unit.medianRatio())) {
			return null;
		}
		double ratio = 1 + points.bias();
		int[] best = null;
		double closest = SHARE_CLOSE;
		for (int n = 2; n <= MAX_SERIES; n++) {
			for (int k = 1; k < n; k++) {
				if (gcd(n, k) == 1) {
					for (int[] f : new int[][] { { k, n }, { n, k } }) {
						double c = (double) f[0] / f[1];
						double off = Math.abs(ratio / c - 1);
						if (off <= closest && Math.abs(unit.medianRatio() / c - 1) <= SHARE_MEDIAN_CLOSE) {
							closest = off;
							best = f;
						}
					}
				}
			}
		}
		return (best != null) ? share(pair, ratio, best[0], best[1], context) : null;
	}

	private static Diagnosis share(AlignedPair pair, double ratio, int num, int den, PairContext context) {
		String neu = pair.sides().newName();
		String old = pair.sides().oldName();
		String advice = context.advice(QueryChange.COUNT_SERIES);
		String count = (advice != null) ? advice : "count the series each side sums";
		if (num < den) {
			return new Diagnosis(Diagnosis.Code.SERIES_SHARE, String.format(Locale.ROOT,
					"a constant ratio of %.2f (%s over %s, bias %+.1f %%), about %d/%d: as when %d in %d of the series "
							+ "are missing on the %s side (or counted twice on the %s side); %s",
					ratio, neu, old, (ratio - 1) * 100, num, den, den - num, den, neu, old, count));
		}
		return new Diagnosis(Diagnosis.Code.SERIES_SHARE, String.format(Locale.ROOT,
				"a constant ratio of %.2f (%s over %s, bias %+.1f %%), about %d/%d: as when %s sums %d series for "
						+ "every %d of %s's: series counted twice on the %s side (a target scraped twice, a sum over "
						+ "replicas) or missing on the %s side; %s",
				ratio, neu, old, (ratio - 1) * 100, num, den, neu, num, den, old, neu, old, count));
	}

	/** Statistics that count per period, where a rate and a missing series show. */
	private static boolean counts(StatisticKind kind) {
		return kind == StatisticKind.SUM || kind == StatisticKind.SAMPLE_COUNT;
	}

	private static int gcd(int a, int b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

}
