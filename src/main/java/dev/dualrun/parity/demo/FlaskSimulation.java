package dev.dualrun.parity.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded Flask application seen by both pipelines: each request of each endpoint (time,
 * latency rounded to the millisecond, status), and the gauges of the host. The CloudWatch
 * side is what a per-minute aggregator publishes; the Prometheus side is what PromQL
 * returns over counters and histograms scraped every 15 s at :07, :22, :37, :52 with
 * jitter and 1 % dropped scrapes.
 */
public final class FlaskSimulation {

	/** Histogram bucket upper bounds of the simulated exporter, in seconds. */
	public static final double[] BUCKETS = { 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3,
			0.4, 0.5, 0.75, 1, 2.5, 5, Double.POSITIVE_INFINITY };

	static final long SCRAPE_MILLIS = 15_000;

	static final long SCRAPE_OFFSET_MILLIS = 7_000;

	/**
	 * One endpoint of the app.
	 *
	 * @param path the URL path
	 * @param method the HTTP method
	 * @param perMinute mean requests per minute
	 * @param medianSeconds median latency
	 * @param errorRate share of requests answered 5xx
	 */
	public record Endpoint(String path, String method, double perMinute, double medianSeconds, double errorRate) {

	}

	/**
	 * The requests of one endpoint, in time order.
	 *
	 * @param endpoint the endpoint
	 * @param times epoch milliseconds
	 * @param latencies seconds, rounded to the millisecond
	 * @param errors whether each request failed with 5xx
	 */
	public record Requests(Endpoint endpoint, long[] times, double[] latencies, boolean[] errors) {

	}

	/**
	 * Counters of one endpoint as Prometheus scraped them.
	 *
	 * @param times scrape times, epoch milliseconds
	 * @param count the _count counter
	 * @param sum the _sum counter
	 * @param errors the _count counter of 5xx requests
	 * @param buckets the _bucket counters, [scrape][bucket]
	 */
	public record Scraped(long[] times, double[] count, double[] sum, double[] errors, double[][] buckets) {

	}

	private final Random random;

	private final long startMillis;

	private final long endMillis;

	private final long[] scrapeTimes;

	/**
	 * @param seed the seed
	 * @param startMillis simulation start, epoch milliseconds
	 * @param endMillis simulation end, epoch milliseconds
	 */
	public FlaskSimulation(long seed, long startMillis, long endMillis) {
		this.random = new Random(seed);
		this.startMillis = startMillis;
		this.endMillis = endMillis;
		List<Long> scrapes = new ArrayList<>();
		for (long t = startMillis - startMillis % SCRAPE_MILLIS
				+ SCRAPE_OFFSET_MILLIS; t < endMillis; t += SCRAPE_MILLIS) {
			if (this.random.nextDouble() >= 0.01) {
				scrapes.add(t + (long) (this.random.nextGaussian() * 150));
			}
		}
		this.scrapeTimes = scrapes.stream().mapToLong(Long::longValue).toArray();
	}

	/**
	 * @return scrape times, epoch milliseconds
	 */
	public long[] scrapeTimes() {
		return this.scrapeTimes;
	}

	/**
	 * Requests of an endpoint: Poisson per second around a daily cycle, log-normal
	 * latency.
	 */
	public Requests requests(Endpoint e) {
		List<long[]> times = new ArrayList<>();
		int n = 0;
		long[] ts = new long[1024];
		double[] lat = new double[1024];
		boolean[] err = new boolean[1024];
		for (long s = this.startMillis; s < this.endMillis; s += 1000) {
			double daily = 1 + 0.4 * Math.sin(2 * Math.PI * (s % 86_400_000L) / 86_400_000.0);
			int k = poisson(e.perMinute() / 60 * daily);
			for (int i = 0; i < k; i++) {
				if (n == ts.length) {
					ts = Arrays.copyOf(ts, n * 2);
					lat = Arrays.copyOf(lat, n * 2);
					err = Arrays.copyOf(err, n * 2);
				}
				ts[n] = s + this.random.nextInt(1000);
				double l = e.medianSeconds() * Math.exp(0.35 * this.random.nextGaussian());
				lat[n] = Math.max(0.001, Math.round(l * 1000) / 1000.0);
				err[n] = this.random.nextDouble() < e.errorRate();
				n++;
			}
		}
		times.clear();
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		long[] fts = ts;
		Arrays.sort(order, (a, b) -> Long.compare(fts[a], fts[b]));
		long[] t2 = new long[n];
		double[] l2 = new double[n];
		boolean[] e2 = new boolean[n];
		for (int i = 0; i < n; i++) {
			t2[i] = ts[order[i]];
			l2[i] = lat[order[i]];
			e2[i] = err[order[i]];
		}
		return new Requests(e, t2, l2, e2);
	}

	/**
	 * The endpoint's counters at each scrape (a request counts once its time is <= the
	 * scrape).
	 */
	public Scraped scrape(Requests r) {
		int m = this.scrapeTimes.length;
		double[] count = new double[m];
		double[] sum = new double[m];
		double[] errors = new double[m];
		double[][] buckets = new double[m][BUCKETS.length];
		double c = 0;
		double s = 0;
		double e = 0;
		double[] b = new double[BUCKETS.length];
		int i = 0;
		for (int j = 0; j < m; j++) {
			while (i < r.times().length && r.times()[i] <= this.scrapeTimes[j]) {
				c++;
				s += r.latencies()[i];
				e += r.errors()[i] ? 1 : 0;
				for (int k = 0; k < BUCKETS.length; k++) {
					if (r.latencies()[i] <= BUCKETS[k]) {
						b[k]++;
					}
				}
				i++;
			}
			count[j] = c;
			sum[j] = s;
			errors[j] = e;
			buckets[j] = b.clone();
		}
		return new Scraped(this.scrapeTimes, count, sum, errors, buckets);
	}

	/**
	 * A gauge sampled every second: a slow daily wave plus noise.
	 * @param base the level
	 * @param amplitude the wave's amplitude
	 * @param noise the per-second noise
	 * @return value per second from the start
	 */
	/**
	 * One whole minute of a gauge sampled every second.
	 *
	 * @param offsetSeconds the minute's start, in seconds from the simulation's start
	 * @param sum the sum of its 60 samples
	 * @param min the smallest
	 * @param max the largest
	 */
	record Minute(long offsetSeconds, double sum, double min, double max) {

	}

	/**
	 * @param gauge value per second from the start
	 * @return its whole minutes, as a per-minute aggregator (CloudWatch's or Azure
	 * Monitor's) holds them
	 */
	static List<Minute> minutes(double[] gauge) {
		List<Minute> out = new java.util.ArrayList<>();
		for (int from = 0; from + 60 <= gauge.length; from += 60) {
			double sum = 0;
			double min = Double.POSITIVE_INFINITY;
			double max = Double.NEGATIVE_INFINITY;
			for (int i = from; i < from + 60; i++) {
				sum += gauge[i];
				min = Math.min(min, gauge[i]);
				max = Math.max(max, gauge[i]);
			}
			out.add(new Minute(from, sum, min, max));
		}
		return out;
	}

	double[] gauge(double base, double amplitude, double noise) {
		int n = (int) ((this.endMillis - this.startMillis) / 1000);
		double[] v = new double[n];
		for (int i = 0; i < n; i++) {
			long t = this.startMillis + i * 1000L;
			v[i] = Math.max(0, base + amplitude * Math.sin(2 * Math.PI * (t % 86_400_000L) / 86_400_000.0)
					+ noise * this.random.nextGaussian());
		}
		return v;
	}

	/**
	 * Evaluates {@code f(x[range])} at each grid instant over the scraped gauge samples
	 * in {@code [t - range, t]}.
	 * @param gauge value per second from the start
	 * @param periodSeconds the period (step and range)
	 * @param max true for max_over_time, false for avg_over_time
	 * @return evaluation instant (epoch s) to value; instants with no sample are absent
	 */
	TreeMap<Long, Double> overTime(double[] gauge, long periodSeconds, boolean max) {
		TreeMap<Long, Double> out = new TreeMap<>();
		for (long t = firstGrid(periodSeconds); t * 1000 <= this.endMillis; t += periodSeconds) {
			double acc = max ? Double.NEGATIVE_INFINITY : 0;
			int n = 0;
			for (long s : this.scrapeTimes) {
				if (s >= (t - periodSeconds) * 1000 && s <= t * 1000) {
					int i = (int) ((s - this.startMillis) / 1000);
					if (i >= 0 && i < gauge.length) {
						acc = max ? Math.max(acc, gauge[i]) : acc + gauge[i];
						n++;
					}
				}
			}
			if (n > 0) {
				out.put(t, max ? acc : acc / n);
			}
		}
		return out;
	}

	long firstGrid(long periodSeconds) {
		long p = periodSeconds * 1000;
		return (Math.floorDiv(this.startMillis, p) * p + p) / 1000;
	}

	long endMillis() {
		return this.endMillis;
	}

	long startMillis() {
		return this.startMillis;
	}

	private int poisson(double lambda) {
		return poisson(this.random, lambda);
	}

	/**
	 * A Poisson-distributed count (Knuth's method; fine for the small means of per-second
	 * traffic).
	 * @param random the random source
	 * @param lambda the mean
	 * @return the count
	 */
	public static int poisson(java.util.Random random, double lambda) {
		double l = Math.exp(-lambda);
		int k = 0;
		double p = 1;
		do {
			k++;
			p *= random.nextDouble();
		}
		while (p > l);
		return k - 1;
	}

}
