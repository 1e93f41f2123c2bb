package dev.dualrun.parity.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.compare.PairJudge;
import dev.dualrun.parity.compare.SideAnswer;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.store.DiscrepancyRow;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunPairRow;

/**
 * Builds a pair's charts from its stored evidence: both series on the grid, the residual
 * and the tolerance band, downsampled with {@link Lttb} to at most {@link #POINTS} points
 * per series, with a break wherever the series has a hole.
 */
final class ChartBuilder {

	/**
	 * Points drawn per series (one per 9 minutes of a day); a 1,000-pair report stays
	 * under 10 MB.
	 */
	static final int POINTS = 160;

	/** Discrepancies marked on a chart, worst first. */
	static final int MARKS = 500;

	private ChartBuilder() {
	}

	/**
	 * @param store the store
	 * @param evidenceRun the run that holds the evidence (the judged run for a
	 * re-judgement)
	 * @param planned the planned pair
	 * @param pair its definition
	 * @param discrepancies its stored discrepancies
	 * @return the charts, empty when a side has no stored series
	 */
	static Optional<PairChart> build(ParityStore store, long evidenceRun, RunPairRow planned, PairMapping pair,
			List<DiscrepancyRow> discrepancies) {
		return build(store, evidenceRun, planned, pair, discrepancies, POINTS, true);
	}

	/**
	 * The small chart of a pair not shown in full: both series at {@link #COMPACT}
	 * points, drawn when its row is opened.
	 * @param store the store
	 * @param evidenceRun the run that holds the evidence
	 * @param planned the planned pair
	 * @param pair its definition
	 * @return the chart, empty when a side has no stored series
	 */
	static Optional<PairChart> compact(ParityStore store, long evidenceRun, RunPairRow planned, PairMapping pair) {
		return build(store, evidenceRun, planned, pair, List.of(), COMPACT, false);
	}

	/** Points per series of a small chart: a 10,000-pair report stays under 10 MB. */
	static final int COMPACT = 32;

	private static Optional<PairChart> build(ParityStore store, long evidenceRun, RunPairRow planned, PairMapping pair,
			List<DiscrepancyRow> discrepancies, int points, boolean residualToo) {
		SideAnswer old = store.answer(evidenceRun, pair, EvidenceRow.Side.OLD);
		SideAnswer neu = store.answer(evidenceRun, pair, EvidenceRow.Side.NEW);
		if (!(old instanceof SideAnswer.Series oldSeries) || !(neu instanceof SideAnswer.Series newSeries)) {
			return Optional.empty();
		}
		QueryWindow window = planned.window();
		return Optional.of(chart(PairJudge.align(pair, window, oldSeries.series(), newSeries.series()), pair, window,
				discrepancies, points, residualToo));
	}

	/**
	 * The y axis's unit: the old side's, except for a count of samples, which counts
	 * whatever unit its samples have (a request count of a latency metric is no number of
	 * seconds).
	 */
	static String axisUnit(PairMapping pair) {
		if (pair.kind() == dev.dualrun.parity.config.StatisticKind.SAMPLE_COUNT) {
			return "Count";
		}
		return (pair.old().unit() != null) ? pair.old().unit() : "";
	}

	/**
	 * @param a both series on the grid
	 * @param pair the pair
	 * @param window its window
	 * @param discrepancies its stored discrepancies, marked
	 * @param points points per series at most
	 * @param residualToo false for a small chart: no residual, and no system names (the
	 * table's row names them once for the page)
	 * @return the chart
	 */
	static PairChart chart(AlignedPair a, PairMapping pair, QueryWindow window, List<DiscrepancyRow> discrepancies,
			int points, boolean residualToo) {
		int n = a.size();
		BitSet both = (BitSet) a.oldPresent().clone();
		both.and(a.newPresent());
		double[] residual = new double[n];
		for (int k = both.nextSetBit(0); k >= 0; k = both.nextSetBit(k + 1)) {
			residual[k] = a.newValues()[k] - a.oldValues()[k];
		}
		int[] disc = discrepancies.stream()
			.mapToInt((d) -> window.indexOf(d.bucketStart()))
			.filter((k) -> k >= 0)
			.toArray();
		return new PairChart(pair.id(), window.start().toEpochMilli(), window.period().toMillis(),
				window.end().toEpochMilli(), axisUnit(pair), downsample(a.oldValues(), a.oldPresent(), points),
				downsample(a.newValues(), a.newPresent(), points),
				residualToo ? downsample(residual, both, points) : new PairChart.Series(new int[0], new Double[0]),
				pair.tolerance().absolute(), pair.tolerance().relative(), disc,
				residualToo ? pair.sides().oldName() : null, residualToo ? pair.sides().newName() : null);
	}

	/**
	 * LTTB over the finite present values; a null after any kept point followed by a
	 * hole.
	 */
	static PairChart.Series downsample(double[] values, BitSet present, int points) {
		List<Integer> slots = new ArrayList<>();
		for (int k = present.nextSetBit(0); k >= 0; k = present.nextSetBit(k + 1)) {
			if (Double.isFinite(values[k])) {
				slots.add(k);
			}
		}
		double[] x = new double[slots.size()];
		double[] y = new double[slots.size()];
		for (int j = 0; j < x.length; j++) {
			x[j] = slots.get(j);
			y[j] = values[slots.get(j)];
		}
		int[] kept = Lttb.downsample(x, y, points);
		List<Integer> i = new ArrayList<>();
		List<Double> v = new ArrayList<>();
		for (int j = 0; j < kept.length; j++) {
			int slot = slots.get(kept[j]);
			if (j > 0) {
				int previous = slots.get(kept[j - 1]);
				int presentBetween = kept[j] - kept[j - 1] - 1;
				if (slot - previous - 1 > presentBetween) {
					i.add(previous + 1);
					v.add(null);
				}
			}
			i.add(slot);
			v.add(round(values[slot]));
		}
		int[] deltas = new int[i.size()];
		for (int j = 0; j < deltas.length; j++) {
			deltas[j] = i.get(j) - ((j > 0) ? i.get(j - 1) : 0);
		}
		return new PairChart.Series(deltas, v.toArray(Double[]::new));
	}

	/**
	 * Four significant digits are plenty for a line on a screen and keep the report
	 * small.
	 */
	static double round(double v) {
		if (v == 0 || !Double.isFinite(v)) {
			return v;
		}
		return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
	}

}
