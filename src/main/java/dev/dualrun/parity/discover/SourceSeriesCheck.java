package dev.dualrun.parity.discover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.rank.Median;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.config.Tolerance;
import dev.dualrun.parity.source.InventoryItem;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.source.TimeSeries;

/**
 * Compares a candidate pair's series through the real sources, over the last hours at
 * five minutes: both sides read as the job reads them (the new side already shifted to
 * bucket starts), then Pearson's correlation and the median ratio of their common
 * periods. Closing it closes both sources.
 */
public final class SourceSeriesCheck implements Discovery.SeriesCheck, AutoCloseable {

	private final MetricSource old;

	private final MetricSource neu;

	private final QueryWindow window;

	private final Discovery.Sides sides;

	/**
	 * @param properties the settings of both sides
	 * @param sides the two sides' sources, as discovery uses them
	 * @param oldType the old side's source type
	 * @param newType the new side's source type
	 * @param now the present
	 * @param hours how far back to compare
	 */
	public SourceSeriesCheck(ParityProperties properties, Discovery.Sides sides, String oldType, String newType,
			Instant now, int hours) {
		this.sides = sides;
		this.old = Sources.open(oldType, properties);
		this.neu = Sources.open(newType, properties);
		this.window = QueryWindow.aligned(now.minus(Duration.ofHours(hours)), now, now, properties.settle(), PERIOD);
	}

	/** The period the candidates' series are compared at. */
	private static final Duration PERIOD = Duration.ofMinutes(5);

	@Override
	public Discovery.Check compare(InventoryItem metric, String statistic, String query) {
		SideQuery q = this.sides.old().query(metric, statistic, null);
		PairMapping pair = new PairMapping("candidate", "", 0, q, this.sides.neu().query(query, PERIOD), PERIOD, 1.0,
				Tolerance.defaultFor(q.kind()), false, null);
		TimeSeries a;
		TimeSeries b;
		try {
			a = this.old.fetch(pair, this.window);
			b = this.neu.fetch(pair, this.window);
		}
		catch (SourceException ex) {
			return null;
		}
		Map<Long, Double> byTime = new HashMap<>();
		for (int i = 0; i < a.size(); i++) {
			byTime.put(a.timestamps()[i], a.values()[i]);
		}
		List<double[]> common = new ArrayList<>();
		for (int i = 0; i < b.size(); i++) {
			Double x = byTime.get(b.timestamps()[i]);
			double y = b.values()[i];
			if (x != null && Double.isFinite(x) && Double.isFinite(y)) {
				common.add(new double[] { x, y });
			}
		}
		if (common.isEmpty()) {
			return null;
		}
		double[] xs = common.stream().mapToDouble((p) -> p[0]).toArray();
		double[] ys = common.stream().mapToDouble((p) -> p[1]).toArray();
		double correlation = (common.size() >= 3) ? new PearsonsCorrelation().correlation(xs, ys) : Double.NaN;
		double[] ratios = common.stream().filter((p) -> p[0] != 0).mapToDouble((p) -> p[1] / p[0]).toArray();
		double ratio = (ratios.length > 0) ? new Median().evaluate(ratios) : Double.NaN;
		return new Discovery.Check(Double.isNaN(correlation) ? 0 : correlation, ratio, common.size());
	}

	@Override
	public void close() {
		this.old.close();
		this.neu.close();
	}

}
