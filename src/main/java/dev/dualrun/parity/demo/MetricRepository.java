package dev.dualrun.parity.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CloudWatch-compatible server's storage: datums by metric identity (namespace, name,
 * the exact dimension set), and statistics over buckets computed as CloudWatch does.
 * Thread-safe.
 */
final class MetricRepository {

	/**
	 * A metric's identity: CloudWatch never aggregates across dimension sets.
	 *
	 * @param namespace the namespace
	 * @param name the metric name
	 * @param dimensions the dimensions, sorted by name
	 */
	record MetricKey(String namespace, String name, SortedMap<String, String> dimensions) {

	}

	/**
	 * One published datum: raw values with counts, or a statistic set.
	 *
	 * @param epochMillis its timestamp
	 * @param unit its unit, "None" if none was given
	 * @param values raw values (null for a statistic set)
	 * @param counts how often each value occurred (null for a statistic set)
	 * @param sampleCount statistic set: number of samples
	 * @param sum statistic set: sum
	 * @param min statistic set: minimum
	 * @param max statistic set: maximum
	 */
	record Datum(long epochMillis, String unit, double[] values, double[] counts, double sampleCount, double sum,
			double min, double max) {

		boolean hasRawValues() {
			return this.values != null;
		}

	}

	private final Map<MetricKey, List<Datum>> data = new ConcurrentHashMap<>();

	/** The newest datum's time of each metric: ListMetrics lists recently active ones. */
	private final Map<MetricKey, Long> newest = new ConcurrentHashMap<>();

	private volatile SyntheticEstate synthetic;

	/**
	 * @param estate metrics computed on the fly instead of stored (a large seeded estate
	 * for benchmarks)
	 */
	void synthetic(SyntheticEstate estate) {
		this.synthetic = estate;
	}

	void put(MetricKey key, Datum datum) {
		this.data.computeIfAbsent(key, (k) -> Collections.synchronizedList(new ArrayList<>())).add(datum);
		this.newest.merge(key, datum.epochMillis(), Math::max);
	}

	List<MetricKey> metrics() {
		return new ArrayList<>(this.data.keySet());
	}

	/**
	 * @param sinceMillis a time
	 * @return the metrics with a datum at or after it, and those of the synthetic estate
	 * (always active)
	 */
	List<MetricKey> activeSince(long sinceMillis) {
		List<MetricKey> out = new ArrayList<>();
		this.newest.forEach((k, t) -> {
			if (t >= sinceMillis) {
				out.add(k);
			}
		});
		SyntheticEstate estate = this.synthetic;
		if (estate != null) {
			for (int i = 0; i < estate.size(); i++) {
				out.add(new MetricKey(SyntheticEstate.NAMESPACE, "m" + i, new java.util.TreeMap<>()));
			}
		}
		return out;
	}

	/**
	 * Aggregates one metric into buckets {@code [start + k*period, start + (k+1)*period)}
	 * that begin before {@code end}; buckets with no datum are omitted, as CloudWatch
	 * does.
	 * @param key the metric
	 * @param unit only datums of this unit, or null for all
	 * @param startMillis first bucket start
	 * @param endMillis exclusive end
	 * @param periodMillis the period
	 * @return bucket start to aggregate, ascending
	 */
	TreeMap<Long, Bucket> buckets(MetricKey key, String unit, long startMillis, long endMillis, long periodMillis) {
		TreeMap<Long, Bucket> buckets = new TreeMap<>();
		SyntheticEstate estate = this.synthetic;
		if (estate != null && estate.covers(key.namespace())) {
			int pair = estate.pairOf(key.name());
			for (long t = Math.floorDiv(startMillis + 59_999, 60_000) * 60_000; t < endMillis; t += 60_000) {
				double v = estate.cloudwatch(pair, t);
				long bucket = startMillis + Math.floorDiv(t - startMillis, periodMillis) * periodMillis;
				buckets.computeIfAbsent(bucket, (b) -> new Bucket()).add(new Datum(t, "None", null, null, 1, v, v, v));
			}
			return buckets;
		}
		List<Datum> datums = this.data.get(key);
		if (datums == null) {
			return buckets;
		}
		synchronized (datums) {
			for (Datum d : datums) {
				if (d.epochMillis() < startMillis || d.epochMillis() >= endMillis
						|| (unit != null && !unit.equals(d.unit()))) {
					continue;
				}
				long bucket = startMillis + Math.floorDiv(d.epochMillis() - startMillis, periodMillis) * periodMillis;
				buckets.computeIfAbsent(bucket, (b) -> new Bucket()).add(d);
			}
		}
		return buckets;
	}

	/** The datums of one period, and the statistics CloudWatch computes over them. */
	static final class Bucket {

		private double sampleCount;

		private double sum;

		private double min = Double.POSITIVE_INFINITY;

		private double max = Double.NEGATIVE_INFINITY;

		private final TreeMap<Double, Double> distribution = new TreeMap<>();

		private boolean allRaw = true;

		void add(Datum d) {
			if (d.hasRawValues()) {
				for (int i = 0; i < d.values().length; i++) {
					double v = d.values()[i];
					double c = (d.counts() != null) ? d.counts()[i] : 1;
					this.sampleCount += c;
					this.sum += v * c;
					this.min = Math.min(this.min, v);
					this.max = Math.max(this.max, v);
					this.distribution.merge(v, c, Double::sum);
				}
			}
			else {
				this.sampleCount += d.sampleCount();
				this.sum += d.sum();
				this.min = Math.min(this.min, d.min());
				this.max = Math.max(this.max, d.max());
				this.allRaw = false;
			}
		}

		/**
		 * @param stat SampleCount, Sum, Average, Minimum, Maximum or pNN
		 * @return the value, or NaN if it cannot be computed (a percentile of statistic
		 * sets)
		 */
		double statistic(String stat) {
			return switch (stat) {
				case "SampleCount" -> this.sampleCount;
				case "Sum" -> this.sum;
				case "Average" -> (this.sampleCount > 0) ? this.sum / this.sampleCount : Double.NaN;
				case "Minimum" -> this.min;
				case "Maximum" -> this.max;
				default -> percentile(Double.parseDouble(stat.substring(1)));
			};
		}

		/**
		 * Nearest rank over the weighted values: the smallest v with cumulative count >=
		 * p% of all.
		 */
		private double percentile(double p) {
			if (!this.allRaw || this.sampleCount <= 0) {
				return Double.NaN;
			}
			double rank = Math.max(1, Math.ceil(p / 100 * this.sampleCount - 1e-9));
			double cumulative = 0;
			for (Map.Entry<Double, Double> e : this.distribution.entrySet()) {
				cumulative += e.getValue();
				if (cumulative >= rank) {
					return e.getKey();
				}
			}
			return this.max;
		}

	}

}
