package dev.dualrun.parity.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.align.Aligner;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.TimeSeries;

/**
 * The one judge of a pair, Spring-free, used by the job, by {@code rejudge} and by the
 * report's charts so they cannot drift. It takes what each side answered
 * ({@link SideAnswer}) and decides every verdict: ERROR when a source failed, FAIL when
 * the new side returned several series where one was meant, otherwise both series on the
 * pair's grid (alignment), the per-point and whole-window rules with their anomalies and
 * diagnoses (comparison), the identity check that the one new-side series carries the old
 * side's dimension values, and, when the pair asks for it, series parity (the series each
 * side's query read, as sets). The settle rule ({@link #settle}) and the false-discovery
 * adjustment across a run's pairs ({@link #qValues}) are its too. It speaks of the old
 * and the new side; the pair names the systems.
 */
public final class PairJudge {

	/** Failures in this many newest minutes of a window may still be late data. */
	public static final Duration NEWEST = Duration.ofMinutes(30);

	private PairJudge() {
	}

	/**
	 * @param pair the pair as run (its tolerance may be overridden by a re-judgement)
	 * @param window the pair's aligned window
	 * @param old what the old side answered
	 * @param neu what the new side answered (a series' labels are checked against the old
	 * side's dimensions)
	 * @return the judgement
	 */
	public static Judgement judge(PairMapping pair, QueryWindow window, SideAnswer old, SideAnswer neu) {
		if (old instanceof SideAnswer.Failed failed) {
			return unjudged(Verdict.ERROR, Diagnosis.Code.SOURCE_ERROR, failed.message());
		}
		if (neu instanceof SideAnswer.Failed failed) {
			return unjudged(Verdict.ERROR, Diagnosis.Code.SOURCE_ERROR, failed.message());
		}
		if (neu instanceof SideAnswer.Several several) {
			return unjudged(Verdict.FAIL, Diagnosis.Code.CARDINALITY, several.message());
		}
		if (old instanceof SideAnswer.Several several) {
			return unjudged(Verdict.FAIL, Diagnosis.Code.CARDINALITY, several.message());
		}
		SideAnswer.Series o = (SideAnswer.Series) old;
		SideAnswer.Series n = (SideAnswer.Series) neu;
		Instant readAt = (o.readAt() == null) ? n.readAt()
				: (n.readAt() == null || o.readAt().isBefore(n.readAt())) ? o.readAt() : n.readAt();
		return judge(pair, window, o.series(), n.series(), readAt);
	}

	/**
	 * @param pair the pair as run
	 * @param window the pair's aligned window
	 * @param oldSeries the old side's series as fetched
	 * @param newSeries the new side's series as fetched, bucket starts (its labels are
	 * checked against the old side's dimensions)
	 * @return the aligned pair and its judgement
	 */
	public static Judgement judge(PairMapping pair, QueryWindow window, TimeSeries oldSeries, TimeSeries newSeries) {
		return judge(pair, window, oldSeries, newSeries, null);
	}

	private static Judgement judge(PairMapping pair, QueryWindow window, TimeSeries oldSeries, TimeSeries newSeries,
			Instant readAt) {
		AlignedPair aligned = align(pair, window, oldSeries, newSeries);
		ComparisonResult compared = PairComparator.compare(aligned, new PairContext(pair.tolerance(), pair.kind(),
				pair.neu(), readAt, countsEvents(pair), buckets(pair, newSeries)));
		ComparisonResult result = IdentityCheck.of(pair.oldDimensions(), newSeries.labels(), pair.sides())
			.map(compared::failWith)
			.orElse(compared);
		if (oldSeries.seriesRead() != null && newSeries.seriesRead() != null) {
			result = SeriesParityCheck.of(oldSeries.seriesRead(), newSeries.seriesRead(), pair.sides())
				.map(result::failWith)
				.orElse(result);
		}
		return new Judgement(aligned, result);
	}

	/** A percentile's histogram buckets, when the new side estimated it from one. */
	private static HistogramBuckets buckets(PairMapping pair, TimeSeries newSeries) {
		return (pair.kind() == dev.dualrun.parity.config.StatisticKind.PERCENTILE)
				? HistogramBuckets.of(newSeries.bucketBounds(), pair.unitFactor(), pair.old().unit()) : null;
	}

	/** A SampleCount, or a Sum of a count (unit Count, or none declared). */
	private static boolean countsEvents(PairMapping pair) {
		String unit = pair.old().unit();
		return pair.kind() == dev.dualrun.parity.config.StatisticKind.SAMPLE_COUNT
				|| (pair.kind() == dev.dualrun.parity.config.StatisticKind.SUM
						&& (unit == null || unit.equalsIgnoreCase("Count") || unit.equalsIgnoreCase("None")));
	}

	private static Judgement unjudged(Verdict verdict, Diagnosis.Code code, String message) {
		return new Judgement(null, ComparisonResult.unjudged(verdict, new Diagnosis(code, message)));
	}

	/**
	 * @param pair the pair
	 * @param window its aligned window
	 * @param oldSeries the old side's series
	 * @param newSeries the new side's series
	 * @return both on the pair's grid, as the judgement sees them
	 */
	public static AlignedPair align(PairMapping pair, QueryWindow window, TimeSeries oldSeries, TimeSeries newSeries) {
		return Aligner.align(window, oldSeries, newSeries, pair.unitFactor(), pair.publishedWhenNonZero(),
				pair.sides());
	}

	/**
	 * Whether a judgement may be judging data still arriving: it fails only in the newest
	 * {@link #NEWEST} of its window (the settle rule), so its sides are read again.
	 * @param judgement a judgement
	 * @param window its window
	 * @return true if the pair is to be read again
	 */
	public static boolean mayBeSettling(Judgement judgement, QueryWindow window) {
		ComparisonResult r = judgement.result();
		if (r.verdict() != Verdict.FAIL || r.points().discrepancies().isEmpty()) {
			return false;
		}
		long first = r.points().discrepancies().get(0).timestamp();
		return first >= window.end().minus(NEWEST).toEpochMilli();
	}

	/**
	 * The settle rule: a pair that fails only in its newest periods, whose sides read
	 * again after a pause changed there, was judging data still arriving: UNSETTLED, its
	 * earlier diagnoses kept after the reason. A re-read that failed keeps the verdict.
	 * @param pair the pair
	 * @param window its window
	 * @param first the judgement of the first reads
	 * @param firstReads what each side answered first (old, new)
	 * @param again what each side answered when read again (old, new)
	 * @param pause how long after the judgement the sides were read again
	 * @return the judgement, UNSETTLED if the newest periods changed
	 */
	public static Judgement settle(PairMapping pair, QueryWindow window, Judgement first, SideAnswer[] firstReads,
			SideAnswer[] again, Duration pause) {
		if (!mayBeSettling(first, window) || !(again[0] instanceof SideAnswer.Series oldAgain)
				|| !(again[1] instanceof SideAnswer.Series newAgain)
				|| !(firstReads[0] instanceof SideAnswer.Series oldFirst)
				|| !(firstReads[1] instanceof SideAnswer.Series newFirst)) {
			return first;
		}
		AlignedPair before = align(pair, window, oldFirst.series(), newFirst.series());
		AlignedPair after = align(pair, window, oldAgain.series(), newAgain.series());
		int from = Math.max(0, window.count() - (int) (NEWEST.toSeconds() / window.period().toSeconds()));
		int oldChanged = changed(before.oldValues(), before.oldPresent(), after.oldValues(), after.oldPresent(), from);
		int newChanged = changed(before.newValues(), before.newPresent(), after.newValues(), after.newPresent(), from);
		if (oldChanged + newChanged == 0) {
			return new Judgement(first.aligned(),
					first.result()
						.noting(String.format(Locale.ROOT,
								"the newest %d minutes read again after %d s had not changed: nothing missing there "
										+ "arrived in that time (the settle rule)",
								NEWEST.toMinutes(), pause.toSeconds())));
		}
		Diagnosis unsettled = new Diagnosis(Diagnosis.Code.UNSETTLED, String.format(Locale.ROOT,
				"the newest %d minutes changed when read again after %d s (%s: %d period(s), %s: %d): data was "
						+ "still arriving; judge again later or raise --settle (the settle rule)",
				NEWEST.toMinutes(), pause.toSeconds(), pair.sides().oldName(), oldChanged, pair.sides().newName(),
				newChanged));
		return new Judgement(first.aligned(), first.result().settling(unsettled));
	}

	/**
	 * @param a the first read's values
	 * @param aPresent its periods with data
	 * @param b the second read's values
	 * @param bPresent its periods with data
	 * @param from the first period compared
	 * @return the periods from {@code from} on that differ (beyond rounding)
	 */
	static int changed(double[] a, BitSet aPresent, double[] b, BitSet bPresent, int from) {
		int n = 0;
		for (int k = from; k < a.length; k++) {
			boolean pa = aPresent.get(k);
			boolean pb = bPresent.get(k);
			if (pa != pb || (pa && Double.compare(a[k], b[k]) != 0
					&& Math.abs(a[k] - b[k]) > 1e-9 * Math.max(Math.abs(a[k]), Math.abs(b[k])))) {
				n++;
			}
		}
		return n;
	}

	/**
	 * The false-discovery adjustment across a run's pairs: with hundreds of pairs some
	 * p-values fall under 5 % by chance, so each pair's Wilcoxon p-value is adjusted
	 * (Benjamini-Hochberg) into a q-value.
	 * @param pValues each pair's p-value, null where it has none
	 * @return each pair's q-value, null where it has none
	 */
	public static Map<String, Double> qValues(Map<String, Double> pValues) {
		List<String> ids = new ArrayList<>(pValues.keySet());
		double[] p = ids.stream()
			.mapToDouble((id) -> (pValues.get(id) != null) ? pValues.get(id) : Double.NaN)
			.toArray();
		double[] q = BenjaminiHochberg.adjust(p);
		Map<String, Double> out = new java.util.LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			out.put(ids.get(i), Double.isNaN(q[i]) ? null : q[i]);
		}
		return out;
	}

	/**
	 * A pair judged.
	 *
	 * @param aligned both series on the grid, or null when no series were compared
	 * (ERROR, several series)
	 * @param result the verdict, diagnoses and figures
	 */
	public record Judgement(AlignedPair aligned, ComparisonResult result) {

	}

}
