package dev.dualrun.parity.compare;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.distribution.BinomialDistribution;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.config.Sides;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.config.Tolerance;

/**
 * Judges an aligned pair. PASS needs, on the periods that have data on either side:
 * coverage of at least {@code minCoverage} on both sides and no gap longer than one
 * period, at least {@code minWithin} of the common points within tolerance, |bias| within
 * {@code maxBias}, best lag 0, no infinite values and no off-grid old-side timestamps.
 * NO_DATA when neither side has data, INSUFFICIENT_DATA under {@link #MIN_POINTS} common
 * points.
 */
public final class PairComparator {

	/** Fewer common points than this cannot be judged. */
	public static final int MIN_POINTS = 10;

	/** A run of missing periods longer than this on one side fails the pair. */
	public static final int MAX_TOLERATED_GAP = 1;

	/** More periods out of tolerance than this binomial p-value allows fail the pair. */
	public static final double OUTSIDE_ALPHA = 0.01;

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

	/** Times of periods that are not whole minutes. */
	private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private PairComparator() {
	}

	/**
	 * @param pair the aligned pair
	 * @param tolerance the pair's tolerance
	 * @return the judgement
	 */
	public static ComparisonResult compare(AlignedPair pair, Tolerance tolerance) {
		return compare(pair, tolerance, StatisticKind.AVERAGE);
	}

	/**
	 * @param pair the aligned pair
	 * @param tolerance the pair's tolerance
	 * @param kind what the old side's statistic measures (counter checks apply to Sum and
	 * SampleCount)
	 * @return the judgement
	 */
	public static ComparisonResult compare(AlignedPair pair, Tolerance tolerance, StatisticKind kind) {
		return compare(pair, PairContext.of(tolerance, kind));
	}

	/**
	 * @param pair the aligned pair
	 * @param context how the pair is judged, its new side's query and when it was read
	 * @return the judgement
	 */
	public static ComparisonResult compare(AlignedPair pair, PairContext context) {
		Tolerance tolerance = context.tolerance();
		StatisticKind kind = context.kind();
		HistogramBuckets buckets = context.buckets();
		AlignedPair judged = (buckets != null) ? buckets.clamped(pair) : pair;
		PointErrors points = PointErrors.of(judged, tolerance, kind, context.extrapolatedShare(pair.window().period()));
		if (buckets != null) {
			points = buckets.withEstimates(points, pair);
		}
		Aggregates oldAgg = Aggregates.of(finite(pair.oldValues(), pair.oldPresent()));
		Aggregates newAgg = Aggregates.of(finite(pair.newValues(), pair.newPresent()));
		LagCheck lag = LagCheck.of(pair);
		UnitFactorCheck unit = UnitFactorCheck.of(pair);
		List<Diagnosis> diagnoses = new ArrayList<>();
		int oldCount = pair.oldPresent().cardinality();
		int newCount = pair.newPresent().cardinality();
		if (oldCount == 0 && newCount == 0) {
			diagnoses.add(new Diagnosis(Diagnosis.Code.NO_DATA,
					"no data on either side in the window: nothing was compared (check both queries)"));
			return new ComparisonResult(Verdict.NO_DATA, diagnoses, oldAgg, newAgg, points, lag, unit, pair.notes(),
					null);
		}
		if (oldCount == 0 || newCount == 0) {
			Sides sides = pair.sides();
			String missing = (oldCount == 0) ? sides.oldName() : sides.newName();
			String present = (oldCount == 0) ? sides.newName() : sides.oldName();
			String hint = (oldCount == 0) ? sides.oldHint() : sides.newHint();
			diagnoses.add(new Diagnosis(Diagnosis.Code.SERIES_MISSING,
					"series missing on the " + missing + " side: " + present + " has " + Math.max(oldCount, newCount)
							+ " points, " + missing + " none (" + hint + ")"));
			return new ComparisonResult(Verdict.FAIL, diagnoses, oldAgg, newAgg, points, lag, unit, pair.notes(), null);
		}
		if (points.common() < MIN_POINTS) {
			diagnoses.add(new Diagnosis(Diagnosis.Code.INSUFFICIENT_DATA, "only " + points.common()
					+ " period(s) with data on both sides; at least " + MIN_POINTS + " are needed to judge"));
			return new ComparisonResult(Verdict.INSUFFICIENT_DATA, diagnoses, oldAgg, newAgg, points, lag, unit,
					pair.notes(), null);
		}
		diagnose(pair, context, points, lag, unit, diagnoses);
		if (diagnoses.stream().noneMatch((d) -> isFactor(d.code()))) {
			// a spike or a mishandled reset explains the bias and the points out of
			// tolerance it causes
			diagnoses.addAll(0, AnomalyFinder.find(pair, tolerance, kind));
		}
		StatisticalEvidence evidence = StatisticalEvidence.of(judged, tolerance);
		Verdict verdict = diagnoses.isEmpty() ? Verdict.PASS : Verdict.FAIL;
		if (verdict == Verdict.PASS && !evidence.equivalence().equivalent()) {
			verdict = Verdict.WARN;
			diagnoses.add(weakEvidence(evidence.equivalence(), points));
		}
		ComparisonResult result = new ComparisonResult(verdict, diagnoses, oldAgg, newAgg, points, lag, unit,
				pair.notes(), evidence);
		return (buckets != null) ? result.noting(bucketNote(pair, buckets, points)) : result;
	}

	private static Diagnosis weakEvidence(EquivalenceCheck e, PointErrors points) {
		return new Diagnosis(Diagnosis.Code.WEAK_EVIDENCE,
				String.format(Locale.ROOT,
						"the rules pass, but equivalence within +-%s is not shown: mean difference %s, TOST p = %.3f "
								+ "with %.0f effective of %d points",
						AnomalyFinder.format(e.margin()), AnomalyFinder.format(e.meanDifference()), e.pValue(),
						e.effectiveN(), points.common()));
	}

	private static String bucketNote(AlignedPair pair, HistogramBuckets buckets, PointErrors points) {
		return String.format(Locale.ROOT,
				"judged against the buckets of the %s histogram (%s): each %s value is held to the bucket its "
						+ "estimate was interpolated in, the tolerance the slack around it; %d of %d periods within",
				pair.sides().newName(), buckets.describe(), pair.sides().oldName(), points.within(), points.common());
	}

	private static void diagnose(AlignedPair pair, PairContext context, PointErrors points, LagCheck lag,
			UnitFactorCheck unit, List<Diagnosis> out) {
		Tolerance tolerance = context.tolerance();
		long periodSeconds = pair.window().period().toSeconds();
		String oldName = pair.sides().oldName();
		String newName = pair.sides().newName();
		double outsideP = outsideSignificance(points, tolerance);
		boolean withinOk = outsideP >= OUTSIDE_ALPHA;
		Diagnosis cause = factorShiftOrBias(pair, context, points, lag, unit, withinOk, outsideP);
		if (cause != null) {
			out.add(cause);
		}
		List<GapFinder.Gap> onNew = GapFinder.missingOnNew(pair);
		List<GapFinder.Gap> onOld = GapFinder.missingOnOld(pair);
		gaps(pair, onNew, newName, Diagnosis.Code.GAP_NEW, out);
		gaps(pair, onOld, oldName, Diagnosis.Code.GAP_OLD, out);
		WindowEndGap.find(pair, onOld, onNew, context.readAt()).ifPresent(out::add);
		coverage(oldName, points.oldCoverage(), tolerance, out);
		coverage(newName, points.newCoverage(), tolerance, out);
		if (!withinOk && out.stream()
			.noneMatch((d) -> isFactor(d.code()) || d.code() == Diagnosis.Code.SHIFT
					|| d.code() == Diagnosis.Code.OUTSIDE_BUCKET)) {
			out.add((context.buckets() != null)
					? context.buckets().outside(points, pair.sides(), rule(points, tolerance, outsideP))
					: outOfTolerance(points, tolerance, outsideP, newName, allowance(pair, context)));
		}
		long nonFinite = points.discrepancies().stream().filter((d) -> d.kind() == Discrepancy.Kind.NON_FINITE).count();
		if (nonFinite > 0) {
			out.add(new Diagnosis(Diagnosis.Code.NON_FINITE,
					nonFinite + " period(s) with +Inf or -Inf (e.g. a division by zero in the query)"));
		}
		if (!pair.offGrid().isEmpty()) {
			out.add(new Diagnosis(Diagnosis.Code.OFF_GRID,
					pair.offGrid().size() + " " + oldName + " timestamp(s) off the " + periodSeconds + " s grid, first "
							+ TIME.format(Instant.ofEpochMilli(pair.offGrid().get(0)))
							+ " UTC: the period or start time does not match (the grid rule)"));
		}
	}

	/**
	 * What explains a whole-window difference, first found first: a factor tied to the
	 * period, a unit factor, a shift, then the bias (a share of the series, the buckets
	 * of a histogram, or a constant bias).
	 * @return the diagnosis, or null when there is nothing to explain
	 */
	private static Diagnosis factorShiftOrBias(AlignedPair pair, PairContext context, PointErrors points, LagCheck lag,
			UnitFactorCheck unit, boolean withinOk, double outsideP) {
		Tolerance tolerance = context.tolerance();
		String oldName = pair.sides().oldName();
		String newName = pair.sides().newName();
		boolean biasOk = Math.abs(points.bias()) <= biasLimit(points, tolerance);
		Diagnosis periodFactor = RatioCauses.periodFactor(pair, unit, context);
		if (periodFactor != null && !(withinOk && biasOk)) {
			return periodFactor;
		}
		if (unit.found() && !(withinOk && biasOk)) {
			double f = unit.factor();
			return new Diagnosis(Diagnosis.Code.UNIT_FACTOR,
					String.format(Locale.ROOT,
							"unit factor: %s is %s %s (median ratio %.4g); a unit mismatch, multiply unit-factor by %s",
							newName, factorText(f), oldName, unit.medianRatio(), factorText(1 / f).substring(1)));
		}
		if (lag.bestLag() != 0) {
			int l = lag.bestLag();
			return new Diagnosis(Diagnosis.Code.SHIFT, String
				.format(Locale.ROOT, "shifted by %+d period(s): %s shows each value %d s %s than %s "
						+ "(mean error %.4g at lag 0, %.4g at lag %+d); check the one-period shift (the shift rule) "
						+ "and offsets in the query", l, newName, Math.abs(l) * pair.window().period().toSeconds(),
						(l > 0) ? "later" : "earlier", oldName, lag.errorAtZero(), lag.errorAtBest(), l));
		}
		if (context.buckets() != null) {
			return biasOk ? context.buckets().oneSided(pair, pair.sides())
					: context.buckets().outside(points, pair.sides(), rule(points, tolerance, outsideP));
		}
		if (biasOk) {
			return null;
		}
		Diagnosis share = RatioCauses.seriesShare(pair, points, unit, context);
		return (share != null) ? share : new Diagnosis(Diagnosis.Code.BIAS,
				String.format(Locale.ROOT, "constant bias: %s is %+.1f %% %s %s over the window (limit +-%.1f %%)",
						newName, points.bias() * 100, (points.bias() > 0) ? "above" : "below", oldName,
						biasLimit(points, tolerance) * 100));
	}

	/**
	 * Too many periods out of tolerance, with the side that is higher in most of them.
	 */
	private static Diagnosis outOfTolerance(PointErrors points, Tolerance tolerance, double outsideP, String newName,
			String allowance) {
		long above = points.discrepancies()
			.stream()
			.filter((d) -> d.kind() == Discrepancy.Kind.OUT_OF_TOLERANCE && d.newValue() > d.oldValue())
			.count();
		long outside = points.common() - points.within();
		String side = (above >= 0.8 * outside)
				? "; " + newName + " is higher in " + Math.round(100.0 * above / outside) + " % of them"
				: (above <= 0.2 * outside) ? "; " + newName + " is lower in "
						+ Math.round(100.0 * (outside - above) / outside) + " % of them" : "";
		return new Diagnosis(Diagnosis.Code.OUT_OF_TOLERANCE, String.format(Locale.ROOT,
				"%.1f %% of %d common periods out of tolerance (max(%s, %.1f %%%s)), significantly more than the "
						+ "%.0f %% allowed (binomial %s)%s; bias %+.1f %%, MAPE %.1f %%",
				(1 - points.withinShare()) * 100, points.common(), format(tolerance.absolute()),
				tolerance.relative() * 100, allowance, (1 - tolerance.minWithin()) * 100, pText(outsideP), side,
				points.bias() * 100, points.mape() * 100));
	}

	/** The tolerance and the binomial test of the periods out of it, in words. */
	private static String rule(PointErrors points, Tolerance tolerance, double outsideP) {
		return String.format(Locale.ROOT, "beyond max(%s, %.1f %%); %.0f %% allowed, binomial %s",
				format(tolerance.absolute()), tolerance.relative() * 100, (1 - tolerance.minWithin()) * 100,
				pText(outsideP));
	}

	/**
	 * How likely so many periods out of tolerance are if each exceeds it with probability
	 * {@code 1 - min-within}: a one-sided binomial test. A fixed share is wrong on few
	 * points: 4 of 74 periods out (5.4 %) happen by chance for an equivalent pair.
	 */
	static double outsideSignificance(PointErrors points, Tolerance tolerance) {
		int n = points.common();
		int outside = n - points.within();
		if (outside == 0) {
			return 1;
		}
		double p0 = 1 - tolerance.minWithin();
		if (p0 <= 0) {
			return 0;
		}
		return 1 - new BinomialDistribution(null, n, p0).cumulativeProbability(outside - 1);
	}

	/**
	 * The largest accepted |bias|: {@code max-bias}, or, when larger, the per-point
	 * absolute floor summed as independent noise over the common periods
	 * ({@code absolute * sqrt(n)}), relative to the old side's sum. A sparse counter (a
	 * few errors per period) differs by whole events at period edges; its window sum
	 * cannot be held to 2 %.
	 */
	static double biasLimit(PointErrors points, Tolerance tolerance) {
		double noise = tolerance.absolute() * Math.sqrt(points.common());
		double sum = Math.abs(points.oldSum());
		return (sum > 0) ? Math.max(tolerance.maxBias(), noise / sum) : tolerance.maxBias();
	}

	/** The count's extrapolation allowed beside the tolerance, in words, or "". */
	private static String allowance(AlignedPair pair, PairContext context) {
		double share = context.extrapolatedShare(pair.window().period());
		boolean counts = context.kind() == StatisticKind.SUM || context.kind() == StatisticKind.SAMPLE_COUNT;
		return (share > 0 && counts)
				? String.format(Locale.ROOT, ", %s sqrt(%.2f x count)", format(PointErrors.EXTRAPOLATION_Z), share)
				: "";
	}

	/** A factor explains the bias and the periods out of tolerance it causes. */
	private static boolean isFactor(Diagnosis.Code code) {
		return code == Diagnosis.Code.UNIT_FACTOR || code == Diagnosis.Code.PERIOD_FACTOR;
	}

	/** Long gaps within the window (one at its end is {@link WindowEndGap}'s). */
	private static void gaps(AlignedPair pair, List<GapFinder.Gap> gaps, String side, Diagnosis.Code code,
			List<Diagnosis> out) {
		List<GapFinder.Gap> long_ = gaps.stream()
			.filter((g) -> g.periods() > MAX_TOLERATED_GAP
					&& !WindowEndGap.atEnd(pair, g, code == Diagnosis.Code.GAP_OLD))
			.toList();
		if (long_.isEmpty()) {
			return;
		}
		StringBuilder sb = new StringBuilder("gap on the " + side + " side: no data ");
		long p = pair.window().period().toSeconds();
		DateTimeFormatter time = (p % 60 == 0) ? TIME : TIME_SECONDS;
		for (int i = 0; i < Math.min(3, long_.size()); i++) {
			GapFinder.Gap g = long_.get(i);
			Instant from = pair.window().bucket(g.firstSlot());
			Instant to = pair.window().bucket(g.lastSlot()).plusSeconds(p);
			sb.append((i > 0) ? ", " : "")
				.append(time.format(from))
				.append(" to ")
				.append(time.format(to).substring(11))
				.append(" UTC (")
				.append(g.periods())
				.append(" periods)");
		}
		if (long_.size() > 3) {
			sb.append(" and ").append(long_.size() - 3).append(" more");
		}
		sb.append(" while the other side has data");
		out.add(new Diagnosis(code, sb.toString()));
	}

	private static void coverage(String side, double coverage, Tolerance tolerance, List<Diagnosis> out) {
		if (coverage < tolerance.minCoverage()) {
			out.add(new Diagnosis(Diagnosis.Code.LOW_COVERAGE,
					String.format(Locale.ROOT, "%s covers %.1f %% of the periods with data (need %.0f %%)", side,
							coverage * 100, tolerance.minCoverage() * 100)));
		}
	}

	private static double[] finite(double[] values, java.util.BitSet present) {
		return present.stream().mapToDouble((k) -> values[k]).filter(Double::isFinite).toArray();
	}

	static String pText(double p) {
		return (p < 1e-4) ? "p < 0.0001" : String.format(Locale.ROOT, "p = %.4f", p);
	}

	private static String factorText(double f) {
		return (f >= 1) ? "x" + format(f) : "x1/" + format(1 / f);
	}

	private static String format(double v) {
		return (v == Math.rint(v)) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
	}

}
