package dev.dualrun.parity.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/**
 * A labelled corpus of edge-to-store pairs for the accuracy benchmark: an edge Prometheus
 * (external label {@code cluster="edge-1"}) and the store it feeds, each from its own
 * backfilled TSDB, six hours at five-minute periods. The edge scrapes every 15 s with
 * jitter and a dropped scrape now and then; the store holds the same samples with the
 * edge's external label, except where a class says otherwise: a family dropped on the
 * way, labels renamed by a federation without {@code honor_labels}, a stretch lost, the
 * newest minutes late (they arrive when read again) or lost at the window's end. Every
 * pair knows the verdict and the first diagnosis the validator should give.
 */
public final class EdgeBenchmarkScenario {

	/** The period of every pair, in seconds. */
	public static final long PERIOD = 300;

	/**
	 * The edge's external label, in its configuration and on every series in the store.
	 */
	public static final Map<String, String> EXTERNAL = Map.of("cluster", "edge-1");

	/** A metric name's part that the late-data proxy answers late for. */
	public static final String LATE = "late_";

	/** How much of the window's end the store answers late, in seconds. */
	public static final long LATE_SECONDS = 15 * 60;

	/**
	 * A labelled pair.
	 *
	 * @param id the pair's id
	 * @param clazz its class
	 * @param size the size of its defect
	 * @param verdict the verdict expected
	 * @param diagnosis the first diagnosis expected, or null for PASS
	 * @param yaml its mapping
	 */
	public record Pair(String id, String clazz, String size, String verdict, String diagnosis, String yaml) {

	}

	private final long windowStart;

	private final long windowEnd;

	private final long start;

	private final Random random = new Random(20261207);

	private final List<Pair> pairs = new ArrayList<>();

	private final StringBuilder edge = new StringBuilder();

	private final StringBuilder store = new StringBuilder();

	/**
	 * @param now the current time
	 */
	public EdgeBenchmarkScenario(Instant now) {
		long p = PERIOD * 1000;
		this.windowEnd = Math.floorDiv(now.toEpochMilli() - 20 * 60_000L, p) * p;
		this.windowStart = this.windowEnd - 6 * 3_600_000L;
		this.start = this.windowStart - 30 * 60_000L;
	}

	public Instant from() {
		return Instant.ofEpochMilli(this.windowStart);
	}

	public Instant to() {
		return Instant.ofEpochMilli(this.windowEnd);
	}

	public List<Pair> pairs() {
		return this.pairs;
	}

	/**
	 * @return the edge's samples, OpenMetrics to backfill
	 */
	public String edgeOpenMetrics() {
		return this.edge + "# EOF\n";
	}

	/**
	 * @return the store's samples, OpenMetrics to backfill
	 */
	public String storeOpenMetrics() {
		return this.store + "# EOF\n";
	}

	/**
	 * @return the mapping of every pair
	 */
	public String mapping() {
		return "defaults: { period: 5m }\npairs:\n" + this.pairs.stream().map(Pair::yaml).collect(Collectors.joining());
	}

	/**
	 * Builds the corpus: equivalent counters and gauges, then each class at its sizes.
	 * @return this scenario
	 */
	public EdgeBenchmarkScenario build() {
		int n = 0;
		for (int i = 0; i < 20; i++) {
			add(n++, (i % 2 == 0) ? "c" : "g", 1 + i % 3, "equivalent", "-", "PASS", null, Map.of(), (t) -> true);
		}
		for (int series : new int[] { 1, 3 }) {
			for (int i = 0; i < 5; i++) {
				add(n++, "c", series, "dropped family", series + " series", "FAIL", "FAMILY_MISSING", null,
						(t) -> false);
			}
		}
		for (int series : new int[] { 1, 3 }) {
			for (int i = 0; i < 5; i++) {
				add(n++, "c", series, "renamed label", series + " series", "FAIL", "IDENTITY",
						Map.of("job", "federate", "instance", "store:9090", "exported_job", "app"), (t) -> true);
			}
		}
		for (int series : new int[] { 1, 3 }) {
			for (int i = 0; i < 5; i++) {
				add(n++, "c", series, "added label", series + " series", "FAIL", "IDENTITY", Map.of("region", "eu"),
						(t) -> true);
			}
		}
		for (int periods : new int[] { 2, 6, 12 }) {
			for (int i = 0; i < 5; i++) {
				long from = this.windowStart + (20 + i) * PERIOD * 1000;
				long to = from + periods * PERIOD * 1000;
				add(n++, "c", 1, "gap", periods + " periods", "FAIL", "GAP_NEW", Map.of(), (t) -> t < from || t >= to);
			}
		}
		for (int i = 0; i < 5; i++) {
			add(n++, "c" + LATE, 1, "late", "arrives when read again", "UNSETTLED", "UNSETTLED", Map.of(), (t) -> true);
		}
		for (int i = 0; i < 5; i++) {
			long cut = this.windowEnd - LATE_SECONDS * 1000;
			add(n++, "c", 1, "late", "never arrives", "FAIL", "GAP_AT_END", Map.of(), (t) -> t < cut);
		}
		return this;
	}

	/**
	 * One pair and its samples on both sides.
	 * @param kind {@code c} a counter read as a rate, {@code g} a gauge read as its
	 * maximum; a name part may follow
	 * @param series how many series the family has
	 * @param renamed the store's labels instead of {@code job} and {@code instance}, or
	 * added to them; null when the family never reaches the store
	 * @param kept whether the store holds a sample of this time
	 */
	private void add(int n, String kind, int series, String clazz, String size, String verdict, String diagnosis,
			Map<String, String> renamed, LongPredicate kept) {
		boolean counter = kind.startsWith("c");
		String family = "edge_" + kind.substring(1) + (counter ? "c" : "g") + n + (counter ? "_total" : "");
		this.edge.append("# TYPE ").append(family).append(" unknown\n");
		StringBuilder stored = new StringBuilder("# TYPE " + family + " unknown\n");
		for (int s = 0; s < series; s++) {
			Map<String, String> labels = new TreeMap<>(Map.of("job", "app", "instance", "h" + s + ":8080"));
			Map<String, String> atStore = new TreeMap<>(labels);
			atStore.putAll(EXTERNAL);
			if (renamed != null && renamed.containsKey("exported_job")) {
				atStore.put("exported_instance", labels.get("instance"));
			}
			if (renamed != null) {
				atStore.putAll(renamed);
			}
			samples(family, counter, labels, atStore, renamed != null, kept);
		}
		if (renamed != null) {
			this.store.append(stored).append(this.pending);
		}
		this.pending.setLength(0);
		String metric = counter ? family.replace("_total", "") : family;
		String query = counter ? "sum(rate(" + family + "{job=\"app\"}[${period}]))"
				: "max(max_over_time(" + family + "{job=\"app\"}[${period}]))";
		String id = String.format(Locale.ROOT, "e%03d-%s", n, clazz.replace(' ', '-'));
		this.pairs.add(new Pair(id, clazz, size, verdict, diagnosis, "  - id: " + id + "\n    description: " + metric
				+ "\n    edge: { query: '" + query + "' }\n    prometheus: { query: '" + query + "' }\n"));
	}

	private final StringBuilder pending = new StringBuilder();

	private void samples(String family, boolean counter, Map<String, String> labels, Map<String, String> atStore,
			boolean toStore, LongPredicate kept) {
		double rate = 1 + this.random.nextDouble() * 20;
		double value = counter ? 0 : 50;
		for (long t = this.start + 7_000; t <= this.windowEnd + 60_000; t += 15_000) {
			long at = t + this.random.nextInt(800);
			value = counter ? value + rate * 15 * (0.8 + 0.4 * this.random.nextDouble())
					: Math.max(0, value + this.random.nextGaussian() * 3);
			if (this.random.nextDouble() < 0.01) {
				continue;
			}
			String v = String.format(Locale.ROOT, "%.3f", value);
			String seconds = String.format(Locale.ROOT, "%.3f", at / 1000.0);
			this.edge.append(family)
				.append(text(labels))
				.append(' ')
				.append(v)
				.append(' ')
				.append(seconds)
				.append('\n');
			if (toStore && kept.test(at)) {
				this.pending.append(family)
					.append(text(atStore))
					.append(' ')
					.append(v)
					.append(' ')
					.append(seconds)
					.append('\n');
			}
		}
	}

	private static String text(Map<String, String> labels) {
		return labels.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=\"" + e.getValue() + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * @param pairs the pairs
	 * @param verdicts each pair's verdict
	 * @param firstDiagnoses each pair's first diagnosis code, or null
	 * @return one row per class and size: verdicts, detection (the expected verdict) and
	 * the right first diagnosis
	 */
	public static String matrix(List<Pair> pairs, Map<String, String> verdicts, Map<String, String> firstDiagnoses) {
		Map<String, int[]> rows = new LinkedHashMap<>();
		List<String> misses = new ArrayList<>();
		for (Pair p : pairs) {
			int[] c = rows.computeIfAbsent(p.clazz() + "|" + p.size(), (k) -> new int[7]);
			String verdict = verdicts.getOrDefault(p.id(), "MISSING");
			c[0]++;
			c[switch (verdict) {
				case "PASS" -> 1;
				case "FAIL" -> 2;
				case "UNSETTLED" -> 3;
				default -> 4;
			}]++;
			boolean detected = verdict.equals(p.verdict());
			boolean right = detected && (p.diagnosis() == null || p.diagnosis().equals(firstDiagnoses.get(p.id())));
			c[5] += detected ? 1 : 0;
			c[6] += right ? 1 : 0;
			if (!right) {
				misses.add(p.id() + ": " + verdict + " " + firstDiagnoses.get(p.id()));
			}
		}
		StringBuilder out = new StringBuilder(
				"| class | size | pairs | PASS | FAIL | UNSETTLED | other | as expected | right diagnosis (first) |\n"
						+ "|---|---|---|---|---|---|---|---|---|\n");
		rows.forEach((key,
				c) -> out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %s | %s |%n",
						key.substring(0, key.indexOf('|')), key.substring(key.indexOf('|') + 1), c[0], c[1], c[2], c[3],
						c[4], c[5] + "/" + c[0], c[6] + "/" + c[0])));
		if (!misses.isEmpty()) {
			out.append("\nPairs not as expected:\n");
			misses.forEach((m) -> out.append("- ").append(m).append('\n'));
		}
		return out.toString();
	}

}
