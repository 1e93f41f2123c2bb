package dev.dualrun.parity.compare;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.distribution.BinomialDistribution;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.config.Sides;

/**
 * The buckets of the histogram a new side's percentile was estimated from. An estimate
 * interpolated linearly inside the bucket where the rank falls (as
 * {@code histogram_quantile} does) is exact only to that bucket: the old side's exact
 * percentile agrees with it when it lies in the same bucket, and is off by its distance
 * from the bucket when not. The first bucket starts at 0 when its bound is positive; an
 * estimate in the last, unbounded bucket is its lower bound.
 */
public final class HistogramBuckets {

	private final double[] bounds;

	private final String unit;

	private HistogramBuckets(double[] bounds, String unit) {
		this.bounds = bounds;
		this.unit = unit;
	}

	/**
	 * @param bounds the finite upper bounds of the buckets, ascending, in the new side's
	 * unit; null or empty for none
	 * @param unitFactor the factor that takes the new side's values to the old side's
	 * unit
	 * @param oldUnit the old side's unit ({@code Seconds}, {@code Milliseconds}, ...) or
	 * null, for the figures of a diagnosis
	 * @return the buckets on the old side's scale, or null when there are none
	 */
	public static HistogramBuckets of(double[] bounds, double unitFactor, String oldUnit) {
		if (bounds == null || bounds.length == 0) {
			return null;
		}
		double[] scaled = Arrays.stream(bounds).map((b) -> b * unitFactor).filter(Double::isFinite).sorted().toArray();
		return (scaled.length == 0) ? null : new HistogramBuckets(scaled, symbol(oldUnit));
	}

	/**
	 * @param estimate an estimate of the percentile
	 * @return the lower and upper bound of the bucket it was interpolated in; both
	 * neighbouring buckets when it lies on a bound
	 */
	double[] bucket(double estimate) {
		int m = this.bounds.length;
		int i = Arrays.binarySearch(this.bounds, estimate);
		if (i >= 0) {
			double lo = (i == 0) ? lowest(estimate) : this.bounds[i - 1];
			return new double[] { lo, (i == m - 1) ? Double.POSITIVE_INFINITY : this.bounds[i + 1] };
		}
		int above = -i - 1;
		if (above == m) {
			return new double[] { this.bounds[m - 1], Double.POSITIVE_INFINITY };
		}
		return new double[] { (above == 0) ? lowest(estimate) : this.bounds[above - 1], this.bounds[above] };
	}

	/** The first bucket's lower bound: 0 when its upper bound is positive. */
	private double lowest(double estimate) {
		return (this.bounds[0] > 0) ? Math.min(0, estimate) : Double.NEGATIVE_INFINITY;
	}

	/**
	 * @param value a value
	 * @return the index of the bucket {@code (b[k-1], b[k]]} it lies in
	 */
	int index(double value) {
		int i = Arrays.binarySearch(this.bounds, value);
		return (i >= 0) ? i : -i - 1;
	}

	/**
	 * @param value the old side's value
	 * @param estimate the new side's estimate
	 * @return the value moved into the estimate's bucket (itself when it lies there)
	 */
	double clamp(double value, double estimate) {
		double[] b = bucket(estimate);
		return Math.max(b[0], Math.min(b[1], value));
	}

	/**
	 * The pair as the judge holds it: each new-side estimate replaced by the old side's
	 * value moved into the estimate's bucket, so that the difference at a period is the
	 * old value's distance from the bucket and the tolerance is the slack around it.
	 * @param pair the aligned pair
	 * @return the pair to judge
	 */
	AlignedPair clamped(AlignedPair pair) {
		double[] neu = pair.newValues().clone();
		BitSet both = (BitSet) pair.oldPresent().clone();
		both.and(pair.newPresent());
		both.stream().forEach((k) -> {
			double c = pair.oldValues()[k];
			if (Double.isFinite(c) && Double.isFinite(neu[k])) {
				neu[k] = clamp(c, neu[k]);
			}
		});
		return new AlignedPair(pair.window(), pair.oldValues(), pair.oldPresent(), neu, pair.newPresent(),
				pair.offGrid(), pair.notes(), pair.sides());
	}

	/**
	 * @param points the per-point comparison of the clamped pair
	 * @param raw the pair as aligned
	 * @return the same, its discrepancies showing the new side's estimates
	 */
	PointErrors withEstimates(PointErrors points, AlignedPair raw) {
		return new PointErrors(points.common(), points.within(), points.oldOnly(), points.newOnly(), points.union(),
				points.bias(), points.mape(), points.oldSum(),
				points.discrepancies()
					.stream()
					.map((d) -> (d.kind() != Discrepancy.Kind.OUT_OF_TOLERANCE) ? d
							: new Discrepancy(d.timestamp(), d.kind(), d.oldValue(),
									raw.newValues()[raw.window().indexOf(Instant.ofEpochMilli(d.timestamp()))],
									d.absoluteError(), d.relativeError()))
					.toList());
	}

	/**
	 * Too many old-side values outside their estimate's bucket: how many, the first, on
	 * which side of the bucket they lie and by how many buckets.
	 * @param points the per-point comparison, discrepancies showing the estimates
	 * @param sides what the systems are called
	 * @param rule the tolerance and the test that found too many, in words
	 * @return the diagnosis
	 */
	Diagnosis outside(PointErrors points, Sides sides, String rule) {
		List<Discrepancy> off = points.discrepancies()
			.stream()
			.filter((d) -> d.kind() == Discrepancy.Kind.OUT_OF_TOLERANCE)
			.toList();
		if (off.isEmpty()) {
			return new Diagnosis(Diagnosis.Code.OUTSIDE_BUCKET, String.format(Locale.ROOT,
					"the %s values lie at the edges of the buckets %s interpolated in: %+.1f %% over the window "
							+ "(%s)",
					sides.oldName(), sides.newName(), points.bias() * 100, rule));
		}
		long below = off.stream().filter(this::below).count();
		boolean under = below * 2 >= off.size();
		return new Diagnosis(Diagnosis.Code.OUTSIDE_BUCKET, String.format(Locale.ROOT,
				"outside its bucket: in %d of %d common periods the %s value lies outside the bucket of the %s "
						+ "histogram its estimate was interpolated in (%s); %s; %s is %s the bucket in %d %% of them, "
						+ "by %d bucket(s) (median): the distributions differ by more than the histogram's resolution",
				off.size(), points.common(), sides.oldName(), sides.newName(), rule, example(off.get(0)),
				sides.oldName(), under ? "below" : "above",
				Math.round(100.0 * (under ? below : off.size() - below) / off.size()), medianSteps(off, under)));
	}

	/**
	 * The old side's value outside its estimate's bucket on one side far more often than
	 * on the other, however close (beyond {@link #ONE_SIDED_SLACK}): two series of one
	 * distribution put it on either side as often, so a one-sided majority (a sign test)
	 * is a shift of the distribution by a bucket or more, even where each value lies
	 * within the tolerance of its bucket.
	 * @param raw the pair as aligned
	 * @param sides what the systems are called
	 * @return the diagnosis, or null when the values lie on either side as often
	 */
	Diagnosis oneSided(AlignedPair raw, Sides sides) {
		List<Discrepancy> off = new ArrayList<>();
		int common = 0;
		for (int k = 0; k < raw.size(); k++) {
			double c = raw.oldValues()[k];
			double p = raw.newValues()[k];
			if (raw.oldPresent().get(k) && raw.newPresent().get(k) && Double.isFinite(c) && Double.isFinite(p)) {
				common++;
				if (Math.abs(c - clamp(c, p)) > ONE_SIDED_SLACK * Math.abs(c)) {
					off.add(new Discrepancy(raw.window().bucket(k).toEpochMilli(), Discrepancy.Kind.OUT_OF_TOLERANCE, c,
							p, Math.abs(c - clamp(c, p)), Double.NaN));
				}
			}
		}
		long below = off.stream().filter(this::below).count();
		boolean under = below * 2 >= off.size();
		long more = under ? below : off.size() - below;
		if (off.isEmpty() || more < ONE_SIDED_SHARE * common) {
			return null;
		}
		double p = 1 - new BinomialDistribution(null, off.size(), 0.5).cumulativeProbability((int) more - 1);
		if (p >= ONE_SIDED_ALPHA) {
			return null;
		}
		return new Diagnosis(Diagnosis.Code.OUTSIDE_BUCKET, String.format(Locale.ROOT,
				"outside its bucket, on one side: in %d of %d common periods the %s value lies %s the bucket of the %s "
						+ "histogram its estimate was interpolated in, %s it in %d (sign test %s); %s; by %d "
						+ "bucket(s) (median): one distribution would put it on either side as often",
				more, common, sides.oldName(), under ? "below" : "above", sides.newName(), under ? "above" : "below",
				off.size() - more, PairComparator.pText(p), example(off.get(0)), medianSteps(off, under)));
	}

	private boolean below(Discrepancy d) {
		return d.oldValue() < bucket(d.newValue())[0];
	}

	/** The first period outside, in words. */
	private String example(Discrepancy first) {
		double by = first.oldValue() - clamp(first.oldValue(), first.newValue());
		return String.format(Locale.ROOT, "first %s UTC: %s outside its bucket %s by %s%s",
				PairComparator.TIME.format(Instant.ofEpochMilli(first.timestamp())), number(first.oldValue()),
				bucketText(first.newValue()), (by > 0) ? "+" : "", number(by));
	}

	/** How many buckets apart the values on the prevailing side are, the median. */
	private long medianSteps(List<Discrepancy> off, boolean under) {
		double[] steps = off.stream()
			.filter((d) -> below(d) == under)
			.mapToDouble((d) -> Math.abs(index(d.oldValue()) - index(d.newValue())))
			.sorted()
			.toArray();
		return (steps.length == 0) ? 1 : Math.max(1, Math.round(steps[steps.length / 2]));
	}

	/** The share of common periods on one side that the sign test needs at least. */
	static final double ONE_SIDED_SHARE = 0.5;

	/**
	 * How far outside its bucket (relative) a value must lie to count in the sign test: a
	 * bound scaled by a unit factor, or an old side's percentile approximated to about a
	 * percent, is no shift.
	 */
	static final double ONE_SIDED_SLACK = 0.01;

	/** The sign test's significance. */
	static final double ONE_SIDED_ALPHA = 0.001;

	/**
	 * @param estimate an estimate
	 * @return its bucket in words, e.g. {@code [0.25 s, 0.5 s]}
	 */
	String bucketText(double estimate) {
		double[] b = bucket(estimate);
		return "[" + number(b[0]) + ", " + (Double.isInfinite(b[1]) ? "+Inf)" : number(b[1]) + "]");
	}

	/**
	 * @param v a value on the old side's scale
	 * @return it with its unit
	 */
	String number(double v) {
		if (Double.isInfinite(v)) {
			return (v > 0) ? "+Inf" : "-Inf";
		}
		return AnomalyFinder.format(v) + this.unit;
	}

	/**
	 * @return the bounds in words, for a note: their number and range
	 */
	String describe() {
		return String.format(Locale.ROOT, "%d bounds, %s to %s", this.bounds.length, number(this.bounds[0]),
				number(this.bounds[this.bounds.length - 1]));
	}

	private static String symbol(String unit) {
		if (unit == null) {
			return "";
		}
		return switch (unit.toLowerCase(Locale.ROOT)) {
			case "seconds" -> " s";
			case "milliseconds" -> " ms";
			case "microseconds" -> " us";
			case "bytes" -> " B";
			default -> "";
		};
	}

}
