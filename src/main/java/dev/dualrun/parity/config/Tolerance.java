package dev.dualrun.parity.config;

/**
 * How far the Prometheus side may be from the CloudWatch side and still agree.
 * <p>
 * A point agrees when
 * {@code |prometheus - cloudwatch| <= max(absolute, relative * |cloudwatch|)}. A pair
 * passes when both sides cover at least {@code minCoverage} of the periods that have data
 * on either side, at least {@code minWithin} of the points agree, and the bias (relative
 * difference of the sums over common points) is within {@code maxBias}.
 *
 * @param relative per-point relative tolerance (0.02 = 2 %)
 * @param absolute per-point absolute floor, in the CloudWatch unit
 * @param minCoverage minimum share of periods present on each side (0..1)
 * @param minWithin minimum share of common points within tolerance (0..1)
 * @param maxBias maximum |bias| (0.02 = 2 %)
 */
public record Tolerance(double relative, double absolute, double minCoverage, double minWithin, double maxBias) {

	/** Defaults of semantics.md for Average, Minimum, Maximum and percentiles. */
	public static final Tolerance AVERAGE = new Tolerance(0.02, 1e-9, 0.95, 0.95, 0.02);

	/**
	 * Defaults for Sum and SampleCount: per point max(2, 10 %), whole window within 2 %.
	 */
	public static final Tolerance COUNT = new Tolerance(0.10, 2, 0.95, 0.95, 0.02);

	/**
	 * Defaults for Maximum and Minimum of a gauge (Prometheus sees only scraped samples).
	 */
	public static final Tolerance EXTREMUM = new Tolerance(0.10, 1e-9, 0.95, 0.95, 0.10);

	/** Defaults for percentiles (histogram_quantile interpolates inside a bucket). */
	public static final Tolerance PERCENTILE = new Tolerance(0.10, 1e-9, 0.95, 0.90, 0.10);

	/**
	 * The default tolerance for a statistic, before file and pair overrides.
	 * @param kind the statistic's kind
	 * @return the default
	 */
	public static Tolerance defaultFor(StatisticKind kind) {
		return switch (kind) {
			case SUM, SAMPLE_COUNT -> COUNT;
			case MINIMUM, MAXIMUM -> EXTREMUM;
			case PERCENTILE -> PERCENTILE;
			case AVERAGE -> AVERAGE;
		};
	}

	/**
	 * This tolerance with the non-null fields of an override applied.
	 * @param override the override, may be null
	 * @return the merged tolerance
	 */
	public Tolerance with(Override override) {
		if (override == null) {
			return this;
		}
		return new Tolerance(pick(override.relative(), this.relative), pick(override.absolute(), this.absolute),
				pick(override.minCoverage(), this.minCoverage), pick(override.minWithin(), this.minWithin),
				pick(override.maxBias(), this.maxBias));
	}

	private static double pick(Double value, double fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * A partial tolerance as written in a mapping file; null fields inherit.
	 *
	 * @param relative per-point relative tolerance
	 * @param absolute per-point absolute floor
	 * @param minCoverage minimum coverage
	 * @param minWithin minimum share within tolerance
	 * @param maxBias maximum |bias|
	 */
	public record Override(Double relative, Double absolute, Double minCoverage, Double minWithin, Double maxBias) {

		Override then(Override later) {
			if (later == null) {
				return this;
			}
			return new Override(first(later.relative, this.relative), first(later.absolute, this.absolute),
					first(later.minCoverage, this.minCoverage), first(later.minWithin, this.minWithin),
					first(later.maxBias, this.maxBias));
		}

		private static Double first(Double a, Double b) {
			return (a != null) ? a : b;
		}

	}

}
