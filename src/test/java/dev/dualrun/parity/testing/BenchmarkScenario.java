package dev.dualrun.parity.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import dev.dualrun.parity.demo.FlaskSimulation;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * The labelled corpus of the accuracy benchmark: one metric per pair, seen by both
 * pipelines under realistic noise (15 s scrapes at :07 with jitter, 1 % dropped scrapes,
 * process restarts resetting counters, latencies on bucket edges, CloudWatch datums
 * published out of order), and each discrepancy class at several sizes. Every pair knows
 * what the validator should say.
 */
public final class BenchmarkScenario {

	public static final long PERIOD = 300;

	/**
	 * A labelled pair: its mapping, its data on both sides (the old side's late datums
	 * published only once the job has read it), and the expected outcome.
	 */
	public record Pair(String id, String clazz, String size, String expectedDiagnosis, String yaml, String azureYaml,
			List<MetricDatum> datums, java.util.Map<String, StringBuilder> families, List<MetricDatum> lateDatums) {

		Pair(String id, String clazz, String size, String expectedDiagnosis, String yaml, String azureYaml,
				List<MetricDatum> datums, java.util.Map<String, StringBuilder> families) {
			this(id, clazz, size, expectedDiagnosis, yaml, azureYaml, datums, families, List.of());
		}

		public boolean equivalent() {
			return this.expectedDiagnosis == null;
		}

		/**
		 * @return the verdict that finds the pair's discrepancy: UNSETTLED for data still
		 * arriving, FAIL for the others, PASS for an equivalent pair
		 */
		public String expectedVerdict() {
			return equivalent() ? "PASS" : "UNSETTLED".equals(this.expectedDiagnosis) ? "UNSETTLED" : "FAIL";
		}

	}

	/**
	 * The classes held to 95 % right first diagnoses: those that name a fix, and
	 * percentiles outside their histogram's bucket.
	 */
	public static final java.util.Set<String> FIRST_DIAGNOSIS = java.util.Set.of("period factor", "missing series",
			"late end", "percentile");

	/** Realistic bucket layouts of a latency histogram, in seconds. */
	static final Map<String, double[]> LAYOUTS = layouts();

	private static Map<String, double[]> layouts() {
		Map<String, double[]> out = new LinkedHashMap<>();
		// the Prometheus client libraries' default
		out.put("default",
				new double[] { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, Double.POSITIVE_INFINITY });
		// OpenTelemetry's default explicit buckets, milliseconds as seconds
		out.put("opentelemetry", new double[] { 0, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5,
				7.5, 10, Double.POSITIVE_INFINITY });
		// doubling from 1 ms, as an exponential layout
		double[] doubling = new double[16];
		for (int k = 0; k < 15; k++) {
			doubling[k] = 0.001 * (1 << k);
		}
		doubling[15] = Double.POSITIVE_INFINITY;
		out.put("doubling", doubling);
		return out;
	}

	/** Statistics of the equivalent pairs. */
	public enum Stat {

		SUM, SAMPLE_COUNT, AVERAGE, MAXIMUM, P95

	}

	private final long start;

	private final long end;

	private final long windowStart;

	private final List<Pair> pairs = new ArrayList<>();

	/**
	 * @param now the current time
	 * @param hours the compared window's length
	 */
	public BenchmarkScenario(Instant now, int hours) {
		long p = PERIOD * 1000;
		long windowEnd = Math.floorDiv(now.toEpochMilli() - 20 * 60_000L, p) * p;
		this.windowStart = windowEnd - hours * 3_600_000L;
		this.start = this.windowStart - 30 * 60_000L;
		this.end = now.toEpochMilli();
	}

	public Instant from() {
		return Instant.ofEpochMilli(this.windowStart);
	}

	public Instant to() {
		return Instant.ofEpochMilli(this.windowStart + (this.end - this.windowStart) / p() * p());
	}

	private static long p() {
		return PERIOD * 1000;
	}

	/**
	 * @param pairs the scenario's pairs
	 * @return the new side's samples of every pair, one OpenMetrics text to backfill
	 */
	public static String openMetrics(List<Pair> pairs) {
		Map<String, StringBuilder> families = new LinkedHashMap<>();
		for (Pair p : pairs) {
			p.families()
				.forEach((name, lines) -> families.computeIfAbsent(name, (k) -> new StringBuilder()).append(lines));
		}
		StringBuilder om = new StringBuilder();
		families.forEach((name, lines) -> om.append("# TYPE ").append(name).append(" unknown\n").append(lines));
		return om.append("# EOF\n").toString();
	}

	public List<Pair> pairs() {
		return this.pairs;
	}

	/**
	 * Builds the corpus: equivalent pairs per statistic, then each class at each size.
	 */
	public BenchmarkScenario build(int equivalentPerStat) {
		int n = 0;
		for (Stat stat : Stat.values()) {
			for (int i = 0; i < equivalentPerStat; i++) {
				this.pairs.add(pair(n++, stat, "equivalent", stat.name().toLowerCase(Locale.ROOT), null, 0));
			}
		}
		for (double bias : new double[] { 0.01, 0.02, 0.03, 0.05, 0.10 }) {
			for (int i = 0; i < 8; i++) {
				Stat stat = (i % 2 == 0) ? Stat.SUM : Stat.AVERAGE;
				this.pairs.add(pair(n++, stat, "bias", pct(bias), "BIAS", bias));
			}
		}
		for (int gap : new int[] { 1, 2, 5, 10, 30 }) {
			for (int i = 0; i < 6; i++) {
				this.pairs.add(pair(n++, (i % 2 == 0) ? Stat.SUM : Stat.SAMPLE_COUNT, "gap", gap + " periods",
						"GAP_NEW", gap));
			}
		}
		for (int shift : new int[] { 1, -1 }) {
			for (int i = 0; i < 10; i++) {
				this.pairs
					.add(pair(n++, Stat.SUM, "shift", ((shift > 0) ? "+" : "") + shift + " period", "SHIFT", shift));
			}
		}
		for (double factor : new double[] { 1000, 60, 8, 1024, 100 }) {
			for (int i = 0; i < 6; i++) {
				Stat stat = (factor == 1000 || factor == 60) ? Stat.AVERAGE : Stat.MAXIMUM;
				this.pairs.add(pair(n++, stat, "unit", "x" + (long) factor, "UNIT_FACTOR", factor));
			}
		}
		for (String side : new String[] { "Prometheus", "CloudWatch" }) {
			for (int i = 0; i < 8; i++) {
				this.pairs
					.add(pair(n++, Stat.SUM, "spike", "x8 on " + side, "SPIKE", side.equals("Prometheus") ? 1 : -1));
			}
		}
		for (int i = 0; i < 10; i++) {
			this.pairs.add(pair(n++, Stat.SUM, "reset", "raw difference", "COUNTER_RESET", 0));
		}
		for (int i = 0; i < 10; i++) {
			this.pairs.add(pair(n++, Stat.SUM, "second series", "2 instances", "CARDINALITY", 0));
		}
		return buildNamedFixes(n);
	}

	/**
	 * Only the factor tied to an hourly period, with its controls: a window of at least
	 * 10 hours.
	 * @return this scenario
	 */
	public BenchmarkScenario buildHourly() {
		int n = 900;
		for (int i = 0; i < 6; i++) {
			this.pairs.add(periodPair(n++, "1h", false));
		}
		for (int i = 0; i < 8; i++) {
			this.pairs.add(periodPair(n++, "1h", true));
		}
		return this;
	}

	/**
	 * The classes whose diagnosis names a fix, each with its equivalent control: a rate
	 * per second against a Sum per period (1 and 5 minutes), one of two or three hosts
	 * missing, and the newest periods late on the old side (arriving while the job waits
	 * to read again, and never).
	 */
	private BenchmarkScenario buildNamedFixes(int first) {
		int n = first;
		for (String period : new String[] { "1m", "5m" }) {
			for (int i = 0; i < 6; i++) {
				this.pairs.add(periodPair(n++, period, false));
			}
			for (int i = 0; i < 8; i++) {
				this.pairs.add(periodPair(n++, period, true));
			}
		}
		for (int hosts : new int[] { 2, 3 }) {
			for (int i = 0; i < 6; i++) {
				this.pairs.add(hostsPair(n++, hosts, false));
			}
			for (int i = 0; i < 8; i++) {
				this.pairs.add(hostsPair(n++, hosts, true));
			}
		}
		for (boolean arriving : new boolean[] { false, true }) {
			for (int i = 0; i < 8; i++) {
				this.pairs.add(latePair(n++, arriving));
			}
		}
		for (int q : new int[] { 50, 90, 99 }) {
			for (String layout : LAYOUTS.keySet()) {
				for (int shift : new int[] { 0, 0, 0, 1, 1, 1, 2, 2 }) {
					this.pairs.add(percentilePair(n++, q, layout, shift));
				}
			}
		}
		return this;
	}

	/**
	 * A latency percentile against histogram_quantile over one of the realistic bucket
	 * layouts: the same requests on both sides, or the new side's observations each
	 * counted {@code shift} buckets higher (a distribution really shifted).
	 */
	private Pair percentilePair(int index, int q, String layout, int shift) {
		String clazz = (shift == 0) ? "equivalent" : "percentile";
		String id = String.format(Locale.ROOT, "b%03d-p%d-%s-%s", index, q, layout,
				(shift == 0) ? "control" : "shift" + shift);
		Random random = new Random(1000L + index);
		double[] edges = LAYOUTS.get(layout);
		Series s = new Series(random, 20 + random.nextInt(100), 0.02 + random.nextDouble() * 0.4, 0, 0, edges);
		List<MetricDatum> datums = new ArrayList<>();
		java.util.Map<String, StringBuilder> om = new java.util.LinkedHashMap<>();
		String label = "pair=\"" + id + "\"";
		s.latencyData(datums, Dimension.builder().name("Pair").value(id).build());
		s.bucketScrapes(om, label, edges, shift);
		String yaml = yaml(
				id, "Latency", "p" + q, "Seconds", "histogram_quantile(0." + q
						+ ", sum by (le, pair) (increase(bench_latency_seconds_bucket{" + label + "}[${period}])))",
				null);
		Collections.shuffle(datums, random);
		return new Pair(id, clazz, "p" + q + " " + layout + ((shift == 0) ? "" : " +" + shift + " bucket"),
				(shift == 0) ? null : "OUTSIDE_BUCKET", yaml, azureYaml(yaml), datums, om);
	}

	/** A request count per period against rate() (per second) or increase(). */
	private Pair periodPair(int index, String period, boolean rate) {
		String clazz = rate ? "period factor" : "equivalent";
		String id = String.format(Locale.ROOT, "b%03d-%s", index, rate ? "period-factor" : "period-control");
		Random random = new Random(1000L + index);
		Series s = new Series(random, 20 + random.nextInt(100), 0.1, 0);
		List<MetricDatum> datums = new ArrayList<>();
		java.util.Map<String, StringBuilder> om = new java.util.LinkedHashMap<>();
		String label = "pair=\"" + id + "\"";
		s.requestData(datums, Dimension.builder().name("Pair").value(id).build());
		s.requestScrapes(om, "bench_requests_total", label, 1, this, clazz, 0);
		String query = "sum by (pair) (" + (rate ? "rate" : "increase") + "(bench_requests_total{" + label
				+ "}[${period}]))";
		String yaml = yaml(id, "Requests", "Sum", "Count", query, null) + "    period: " + period + "\n";
		Collections.shuffle(datums, random);
		return new Pair(id, clazz, rate ? "rate at " + period : "increase at " + period, rate ? "PERIOD_FACTOR" : null,
				yaml, azureYaml(yaml), datums, om);
	}

	/**
	 * Requests of several hosts behind one balancer: the old side's metric sums the
	 * datums of all, the new side's query sums one series per instance, the last host's
	 * never scraped when {@code oneMissing}.
	 */
	private Pair hostsPair(int index, int hosts, boolean oneMissing) {
		String clazz = oneMissing ? "missing series" : "equivalent";
		String id = String.format(Locale.ROOT, "b%03d-%s", index, oneMissing ? "missing-series" : "hosts-control");
		Random random = new Random(1000L + index);
		double perMinute = 20 + random.nextInt(100);
		List<MetricDatum> datums = new ArrayList<>();
		java.util.Map<String, StringBuilder> om = new java.util.LinkedHashMap<>();
		String label = "pair=\"" + id + "\"";
		Dimension dim = Dimension.builder().name("Pair").value(id).build();
		for (int h = 1; h <= hosts; h++) {
			Series s = new Series(new Random(1000L * index + h), perMinute, 0.1, 0);
			s.requestData(datums, dim);
			if (!oneMissing || h < hosts) {
				s.requestScrapes(om, "bench_requests_total", label + ",instance=\"h" + h + "\"", 1, this, clazz, 0);
			}
		}
		String yaml = yaml(id, "Requests", "Sum", "Count",
				"sum by (pair) (increase(bench_requests_total{" + label + "}[${period}]))", null);
		Collections.shuffle(datums, random);
		return new Pair(id, clazz, oneMissing ? "1 of " + hosts + " hosts" : "sum of " + hosts + " hosts",
				oneMissing ? "SERIES_SHARE" : null, yaml, azureYaml(yaml), datums, om);
	}

	/**
	 * A request count whose old side lacks its newest three periods of the window and
	 * everything after: published once the job has read the old side (it arrives while
	 * the job waits to read again: UNSETTLED), or never (a gap at the window's end). The
	 * Azure Monitor benchmark leaves them out: it publishes before the job only.
	 */
	private Pair latePair(int index, boolean arriving) {
		String id = String.format(Locale.ROOT, "b%03d-late-%s", index, arriving ? "arriving" : "never");
		Random random = new Random(1000L + index);
		Series s = new Series(random, 20 + random.nextInt(100), 0.1, 0);
		List<MetricDatum> all = new ArrayList<>();
		java.util.Map<String, StringBuilder> om = new java.util.LinkedHashMap<>();
		String label = "pair=\"" + id + "\"";
		s.requestData(all, Dimension.builder().name("Pair").value(id).build());
		s.requestScrapes(om, "bench_requests_total", label, 1, this, "late end", 0);
		long lateFrom = jobWindowEnd() - 3 * p();
		List<MetricDatum> early = all.stream().filter((d) -> d.timestamp().toEpochMilli() < lateFrom).toList();
		List<MetricDatum> late = all.stream().filter((d) -> d.timestamp().toEpochMilli() >= lateFrom).toList();
		String yaml = yaml(id, "Requests", "Sum", "Count",
				"sum by (pair) (increase(bench_requests_total{" + label + "}[${period}]))", null);
		return new Pair(id, "late end", arriving ? "arriving while read again" : "never arriving",
				arriving ? "UNSETTLED" : "GAP_AT_END", yaml, null, new ArrayList<>(early), om,
				arriving ? late : List.of());
	}

	/**
	 * The end of the job's window: the last period boundary 10 minutes (the default
	 * settle) before now, or the requested end if earlier.
	 */
	private long jobWindowEnd() {
		long settled = Math.floorDiv(this.end - 10 * 60_000L, p()) * p();
		return Math.min(settled, to().toEpochMilli());
	}

	private Pair pair(int index, Stat stat, String clazz, String size, String expected, double amount) {
		String id = String.format(Locale.ROOT, "b%03d-%s", index, clazz.replace(' ', '-'));
		Random random = new Random(1000L + index);
		double perMinute = 20 + random.nextInt(100);
		double median = 0.03 + random.nextDouble() * 0.25;
		Series s = new Series(random, perMinute, median, clazz.equals("spike") ? (int) amount : 0,
				clazz.equals("shift") ? 2 * p() : 0);
		List<MetricDatum> datums = new ArrayList<>();
		java.util.Map<String, StringBuilder> om = new java.util.LinkedHashMap<>();
		String yaml;
		String label = "pair=\"" + id + "\"";
		Dimension dim = Dimension.builder().name("Pair").value(id).build();
		switch (stat) {
			case MAXIMUM -> {
				double scale = clazz.equals("unit") ? amount : 1;
				s.gaugeData(datums, dim);
				s.gaugeScrapes(om, "bench_queue_depth", label, scale);
				yaml = yaml(id, "QueueDepth", "Maximum", "Count",
						"max_over_time(bench_queue_depth{" + label + "}[${period}])", null);
			}
			case AVERAGE -> {
				double factor = 1 + (clazz.equals("bias") ? amount : 0);
				double scale = clazz.equals("unit") ? amount : 1;
				s.latencyData(datums, dim);
				s.counterScrapes(om, label, factor * scale, 1);
				yaml = yaml(id, "Latency", "Average", "Seconds",
						"sum by (pair) (increase(bench_latency_seconds_sum{" + label
								+ "}[${period}])) / sum by (pair) (increase(bench_latency_seconds_count{" + label
								+ "}[${period}]))",
						null);
			}
			case P95 -> {
				s.latencyData(datums, dim);
				s.counterScrapes(om, label, 1, 1);
				s.bucketScrapes(om, label, FlaskSimulation.BUCKETS, 0);
				yaml = yaml(id, "Latency", "p95", "Seconds",
						"histogram_quantile(0.95, sum by (le, pair) (increase(bench_latency_seconds_bucket{" + label
								+ "}[${period}])))",
						null);
			}
			default -> {
				double factor = 1 + (clazz.equals("bias") ? amount : 0);
				boolean count = stat == Stat.SAMPLE_COUNT;
				if (count) {
					s.latencyData(datums, dim);
				}
				else {
					s.requestData(datums, dim);
				}
				String metric = count ? "bench_latency_seconds_count" : "bench_requests_total";
				String selector = metric + "{" + label + "}";
				String query = "sum by (pair) (increase(" + selector + "[${period}]))";
				if (clazz.equals("reset")) {
					query = "sum by (pair) (" + selector + " - " + selector + " offset ${period})";
				}
				if (clazz.equals("second series")) {
					query = "increase(" + selector + "[${period}])";
				}
				s.requestScrapes(om, metric, label, factor, this, clazz, amount);
				yaml = yaml(id, count ? "Latency" : "Requests", count ? "SampleCount" : "Sum",
						count ? "Seconds" : "Count", query, null);
			}
		}
		Collections.shuffle(datums, random);
		return new Pair(id, clazz, size, expected, yaml, azureYaml(yaml), datums, om);
	}

	private static String yaml(String id, String metric, String stat, String unit, String query, String tolerance) {
		return "  - id: " + id + "\n    cloudwatch: { namespace: Bench, metric: " + metric + ", dimensions: { Pair: "
				+ id + " }, statistic: " + stat + ", unit: " + unit + " }\n    prometheus:\n      query: '" + query
				+ "'\n" + ((tolerance != null) ? "    tolerance: " + tolerance + "\n" : "");
	}

	/** The subscription of the benchmark's Azure resources. */
	public static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000be0c";

	/**
	 * @param id a pair
	 * @return the resource its metric belongs to on the Azure side: one App Service each
	 */
	public static String resource(String id) {
		return "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/bench/providers/Microsoft.Web/sites/" + id;
	}

	/**
	 * The same pair with Azure Monitor as its old side: the metric of the pair's resource
	 * in custom namespace Bench, the statistic as its aggregation (Sum is Total,
	 * SampleCount is Count); null for a percentile, which Azure Monitor does not compute.
	 */
	private static String azureYaml(String cloudWatchYaml) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile(
				"  - id: (\\S+)\n    cloudwatch: \\{ namespace: Bench, metric: (\\w+), dimensions: \\{ Pair: \\S+ \\}, "
						+ "statistic: (\\w+), unit: (\\w+) \\}\n")
			.matcher(cloudWatchYaml);
		if (!m.find()) {
			throw new IllegalStateException("not a benchmark pair: " + cloudWatchYaml);
		}
		String aggregation = switch (m.group(3)) {
			case "Sum" -> "Total";
			case "SampleCount" -> "Count";
			case "Average", "Maximum" -> m.group(3);
			default -> null;
		};
		if (aggregation == null) {
			return null;
		}
		return "  - id: " + m.group(1) + "\n    azure-monitor: { resource: " + resource(m.group(1))
				+ ", namespace: Bench, metric: " + m.group(2) + ", aggregation: " + aggregation
				+ ", region: westeurope, unit: " + m.group(4) + " }\n" + cloudWatchYaml.substring(m.end());
	}

	/**
	 * Publishes the pairs' old-side data to an Azure-Monitor-compatible server, minute by
	 * minute as Azure Monitor holds it (count, total, minimum, maximum of the minute).
	 * @param server the server
	 * @param pairs the pairs with an Azure side
	 */
	public static void publishAzure(dev.dualrun.parity.demo.AzureMonitorCompatibleServer server, List<Pair> pairs) {
		for (Pair p : pairs) {
			if (p.azureYaml() == null) {
				continue;
			}
			for (MetricDatum d : p.datums()) {
				double count;
				double total;
				double min;
				double max;
				if (d.statisticValues() != null) {
					count = d.statisticValues().sampleCount();
					total = d.statisticValues().sum();
					min = d.statisticValues().minimum();
					max = d.statisticValues().maximum();
				}
				else if (d.hasValues()) {
					count = 0;
					total = 0;
					min = Double.POSITIVE_INFINITY;
					max = Double.NEGATIVE_INFINITY;
					for (int i = 0; i < d.values().size(); i++) {
						double c = d.hasCounts() ? d.counts().get(i) : 1;
						count += c;
						total += c * d.values().get(i);
						min = Math.min(min, d.values().get(i));
						max = Math.max(max, d.values().get(i));
					}
				}
				else {
					count = 1;
					total = d.value();
					min = d.value();
					max = d.value();
				}
				server.publish(resource(p.id()), "westeurope", "Bench", d.metricName(), d.unitAsString(),
						java.util.Map.of(), d.timestamp(), count, total, min, max);
			}
		}
	}

	private static String pct(double v) {
		return String.format(Locale.ROOT, "%.0f %%", v * 100);
	}

	/** Where a gap starts: two hours into the window, on a period boundary. */
	public long gapStart() {
		return this.windowStart + 2 * 3_600_000L;
	}

	/** One pair's traffic: requests per second with latencies, and a gauge per second. */
	private final class Series {

		private final Random random;

		private final long[] times;

		private final double[] latencies;

		private final double[] gauge;

		private final long restart;

		private final long spikeMinute;

		private final long ahead;

		private final int spikeSide;

		Series(Random random, double perMinute, double median, int spikeSide) {
			this(random, perMinute, median, spikeSide, 0);
		}

		Series(Random random, double perMinute, double median, int spikeSide, long ahead) {
			this(random, perMinute, median, spikeSide, ahead, FlaskSimulation.BUCKETS);
		}

		/**
		 * @param ahead how long the traffic goes on after now: a counter scraped ahead of
		 * its time (a shift) counts requests up to a period after its scrape
		 * @param edges the bucket bounds some requests land on exactly
		 */
		Series(Random random, double perMinute, double median, int spikeSide, long ahead, double[] edges) {
			this.random = random;
			this.spikeSide = spikeSide;
			this.ahead = ahead;
			this.spikeMinute = BenchmarkScenario.this.windowStart + 3 * 3_600_000L + 2 * 60_000L;
			List<Long> ts = new ArrayList<>();
			List<Double> ls = new ArrayList<>();
			for (long s = BenchmarkScenario.this.start; s < BenchmarkScenario.this.end + ahead; s += 1000) {
				double daily = 1 + 0.3 * Math.sin(2 * Math.PI * (s % 86_400_000L) / 86_400_000.0);
				int k = poisson(perMinute / 60 * daily);
				for (int i = 0; i < k; i++) {
					ts.add(s + random.nextInt(1000));
					double l = median * Math.exp(0.35 * random.nextGaussian());
					if (random.nextDouble() < 0.05) {
						l = nearestEdge(edges, l);
					}
					ls.add(Math.max(0.001, Math.round(l * 1000) / 1000.0));
				}
			}
			this.times = ts.stream().mapToLong(Long::longValue).toArray();
			this.latencies = ls.stream().mapToDouble(Double::doubleValue).toArray();
			int n = (int) ((BenchmarkScenario.this.end - BenchmarkScenario.this.start) / 1000);
			this.gauge = new double[n];
			double level = 40 + random.nextInt(40);
			for (int i = 0; i < n; i++) {
				this.gauge[i] = Math.max(0,
						level * (1 + 0.3 * Math.sin(2 * Math.PI * i / 7200.0)) + 0.5 * random.nextGaussian());
			}
			this.restart = (random.nextInt(3) == 0)
					? BenchmarkScenario.this.windowStart + (long) (random.nextDouble() * 5 * 3_600_000L)
					: Long.MAX_VALUE;
		}

		/** A request that lands exactly on the bucket bound nearest its latency. */
		private static double nearestEdge(double[] edges, double l) {
			double best = edges[0];
			for (int i = 0; i < edges.length - 1; i++) {
				if (Math.abs(edges[i] - l) < Math.abs(best - l)) {
					best = edges[i];
				}
			}
			return best;
		}

		private int poisson(double lambda) {
			return FlaskSimulation.poisson(this.random, lambda);
		}

		/** Requests per minute as a Value (a counter published by the old pipeline). */
		public void requestData(List<MetricDatum> out, Dimension dim) {
			TreeMap<Long, Double> perMinute = new TreeMap<>();
			for (long t : this.times) {
				if (t < BenchmarkScenario.this.end) {
					perMinute.merge(t - t % 60_000, 1.0, Double::sum);
				}
			}
			if (this.spikeSide < 0) {
				perMinute.merge(this.spikeMinute, 8 * perMinute.getOrDefault(this.spikeMinute, 10.0), Double::sum);
			}
			perMinute.forEach((m, n) -> out.add(datum(dim, "Requests", m, "Count").value(n).build()));
		}

		/** Latency per minute as Values/Counts. */
		public void latencyData(List<MetricDatum> out, Dimension dim) {
			TreeMap<Long, TreeMap<Double, Double>> perMinute = new TreeMap<>();
			for (int i = 0; i < this.times.length; i++) {
				perMinute.computeIfAbsent(this.times[i] - this.times[i] % 60_000, (m) -> new TreeMap<>())
					.merge(this.latencies[i], 1.0, Double::sum);
			}
			perMinute.forEach((m, dist) -> {
				List<Double> values = new ArrayList<>(dist.keySet());
				List<Double> counts = new ArrayList<>(dist.values());
				for (int from = 0; from < values.size(); from += 150) {
					int to = Math.min(values.size(), from + 150);
					out.add(datum(dim, "Latency", m, "Seconds").values(values.subList(from, to))
						.counts(counts.subList(from, to))
						.build());
				}
			});
		}

		/** The gauge per minute as a statistic set. */
		public void gaugeData(List<MetricDatum> out, Dimension dim) {
			for (int from = 0; from + 60 <= this.gauge.length; from += 60) {
				double sum = 0;
				double min = Double.POSITIVE_INFINITY;
				double max = Double.NEGATIVE_INFINITY;
				for (int i = from; i < from + 60; i++) {
					sum += this.gauge[i];
					min = Math.min(min, this.gauge[i]);
					max = Math.max(max, this.gauge[i]);
				}
				out.add(datum(dim, "QueueDepth", BenchmarkScenario.this.start + from * 1000L, "Count")
					.statisticValues(
							StatisticSet.builder().sampleCount(60.0).sum(sum).minimum(min).maximum(max).build())
					.build());
			}
		}

		public void gaugeScrapes(java.util.Map<String, StringBuilder> om, String metric, String label, double scale) {
			for (long s : scrapes()) {
				int i = (int) ((s - BenchmarkScenario.this.start) / 1000);
				if (i >= 0 && i < this.gauge.length) {
					line(om, metric, label, this.gauge[i] * scale, s);
				}
			}
		}

		/** Number of requests with time <= t. */
		private int upTo(long t) {
			int lo = 0;
			int hi = this.times.length;
			while (lo < hi) {
				int mid = (lo + hi) >>> 1;
				if (this.times[mid] <= t) {
					lo = mid + 1;
				}
				else {
					hi = mid;
				}
			}
			return lo;
		}

		/**
		 * Index of the first request the counter counts at t: after a restart, only later
		 * ones.
		 */
		private int origin(long restartAt, long t) {
			return (t >= restartAt) ? upTo(restartAt) : 0;
		}

		/** A request counter at each scrape, with the class's distortion. */
		public void requestScrapes(java.util.Map<String, StringBuilder> om, String metric, String label, double factor,
				BenchmarkScenario sc, String clazz, double amount) {
			long gapFrom = Long.MAX_VALUE;
			long gapTo = Long.MIN_VALUE;
			if (clazz.equals("gap")) {
				gapFrom = sc.gapStart() + 10_000;
				gapTo = sc.gapStart() + (long) amount * PERIOD * 1000 - 20_000;
			}
			long shift = clazz.equals("shift") ? (long) amount * PERIOD * 1000 : 0;
			long restartAt = clazz.equals("reset") ? sc.windowStart + 2 * 3_600_000L + 100_000 : this.restart;
			double burst = 8 * Math.max(10, upTo(this.spikeMinute + 59_999) - upTo(this.spikeMinute - 1));
			String[] instances = clazz.equals("second series") ? new String[] { "a", "b" } : new String[] { null };
			for (int inst = 0; inst < instances.length; inst++) {
				String l = (instances[inst] != null) ? label + ",instance=\"" + instances[inst] + "\"" : label;
				for (long s : scrapes()) {
					if (s >= gapFrom && s < gapTo) {
						continue;
					}
					long t = s - shift;
					double count = upTo(t) - origin(restartAt, t);
					if (this.spikeSide > 0 && t >= this.spikeMinute + 60_000) {
						count += burst;
					}
					if (instances.length > 1) {
						count = Math.floor(count / 2) + ((inst == 0) ? count % 2 : 0);
					}
					line(om, metric, l, count * factor, s);
				}
			}
		}

		/**
		 * Latency _count and _sum counters (the _sum scaled by the class's distortion).
		 */
		public void counterScrapes(java.util.Map<String, StringBuilder> om, String label, double sumFactor,
				double countFactor) {
			double[] prefix = new double[this.times.length + 1];
			for (int i = 0; i < this.times.length; i++) {
				prefix[i + 1] = prefix[i] + this.latencies[i];
			}
			for (long s : scrapes()) {
				int to = upTo(s);
				int from = origin(this.restart, s);
				line(om, "bench_latency_seconds_count", label, (to - from) * countFactor, s);
				line(om, "bench_latency_seconds_sum", label, (prefix[to] - prefix[from]) * sumFactor, s);
			}
		}

		/**
		 * The histogram's cumulative buckets at each scrape, each request counted
		 * {@code shift} buckets above its own (a distribution shifted) .
		 */
		public void bucketScrapes(java.util.Map<String, StringBuilder> om, String label, double[] edges, int shift) {
			int[] own = new int[this.times.length];
			for (int i = 0; i < own.length; i++) {
				while (this.latencies[i] > edges[own[i]]) {
					own[i]++;
				}
			}
			for (int b = 0; b < edges.length; b++) {
				String le = Double.isInfinite(edges[b]) ? "+Inf" : Double.toString(edges[b]);
				int[] prefix = new int[this.times.length + 1];
				for (int i = 0; i < this.times.length; i++) {
					boolean counted = Double.isInfinite(edges[b]) || own[i] + shift <= b;
					prefix[i + 1] = prefix[i] + (counted ? 1 : 0);
				}
				for (long s : scrapes()) {
					line(om, "bench_latency_seconds_bucket", label + ",le=\"" + le + "\"",
							prefix[upTo(s)] - prefix[origin(this.restart, s)], s);
				}
			}
		}

		private List<Long> scrapes() {
			List<Long> out = new ArrayList<>();
			Random r = new Random(this.times.length);
			long first = BenchmarkScenario.this.start - BenchmarkScenario.this.start % 15_000 + 7_000;
			// a series read ahead of its time is scraped on after now, as it is by the
			// time a run reads it (the window ends a settle delay before the run)
			for (long s = first; s < BenchmarkScenario.this.end + this.ahead; s += 15_000) {
				if (r.nextDouble() >= 0.01) {
					out.add(s + (long) (r.nextGaussian() * 150));
				}
			}
			return out;
		}

	}

	private static MetricDatum.Builder datum(Dimension dim, String metric, long epochMillis, String unit) {
		return MetricDatum.builder()
			.metricName(metric)
			.dimensions(dim)
			.timestamp(Instant.ofEpochMilli(epochMillis))
			.unit(unit);
	}

	private static void line(java.util.Map<String, StringBuilder> families, String name, String labels, double value,
			long millis) {
		families.computeIfAbsent(name, (k) -> new StringBuilder())
			.append(name)
			.append('{')
			.append(labels)
			.append("} ")
			.append(String.format(Locale.ROOT, "%.6f %.3f", value, millis / 1000.0))
			.append('\n');
	}

}
