package dev.dualrun.parity.discover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.source.Catalog;
import dev.dualrun.parity.source.Discoverable;
import dev.dualrun.parity.source.InventoryItem;
import dev.dualrun.parity.source.QueryWriter;
import dev.dualrun.parity.source.QueryWriter.Family;
import dev.dualrun.parity.source.QueryWriter.Kind;

/**
 * Proposes, for each listed old-side metric, the new side's query that should reproduce
 * it:
 * <ol>
 * <li>a series an exporter copied it into (the old side names its exporters' copies, the
 * dimensions in their labels) is paired exactly; samples stamped at the old side's bucket
 * starts are read as the new side reads each period's last sample, and the period is the
 * exporter's; samples stamped at scrape time cannot be aligned exactly and are proposed
 * below the threshold;</li>
 * <li>otherwise the application's own metrics are ranked by evidence: the words of the
 * names ({@code EndpointLatency} ~ {@code http_request_duration_seconds}), the kind the
 * name implies (a latency is a histogram, a count a counter, a depth a gauge), and labels
 * that carry the dimensions' values. The best candidate is proposed with its score; below
 * the threshold, or with no candidate, the pair is written commented out.</li>
 * </ol>
 * The old side's source ({@link Discoverable}) and the new side's ({@link QueryWriter})
 * bring what is theirs: the exporters and statistics, the families and queries.
 */
public final class Discovery {

	/**
	 * A proposed pair: what to write, why, and how sure.
	 *
	 * @param metric the listed metric
	 * @param id the pair's id
	 * @param statistic the old side's statistic
	 * @param unit the old side's unit, or null
	 * @param query the new side's query, its period as {@code ${period}}; null for no
	 * candidate
	 * @param period the period
	 * @param confidence 0 to 1
	 * @param why the evidence, in words
	 * @param exactFrom the exporter whose copy is paired exactly, or null
	 * @param target the new side's series or family
	 */
	public record Proposal(InventoryItem metric, String id, String statistic, String unit, String query, String period,
			double confidence, List<String> why, String exactFrom, String target) {

		/**
		 * @param threshold the confidence a pair needs to be written active
		 * @return true if it is
		 */
		public boolean confident(double threshold) {
			return this.query != null && this.confidence >= threshold;
		}

	}

	private static final Set<String> UNIT_WORDS = Set.of("seconds", "milliseconds", "bytes", "total", "count", "sum",
			"bucket", "ratio", "percent", "info");

	private static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("latency", "duration"),
			Map.entry("time", "duration"), Map.entry("elapsed", "duration"), Map.entry("req", "request"),
			Map.entry("failure", "error"), Map.entry("fault", "error"), Map.entry("utilization", "usage"),
			Map.entry("util", "usage"), Map.entry("mem", "memory"), Map.entry("conn", "connection"));

	/** Candidates of an own metric whose series are compared. */
	static final int CHECKED = 3;

	/**
	 * The comparison of a candidate's series with the old metric's, over the last hours.
	 *
	 * @param correlation Pearson's correlation of the common periods
	 * @param ratio the median of new / old
	 * @param points the common periods
	 */
	public record Check(double correlation, double ratio, int points) {

	}

	/** Reads both sides of a candidate pair and compares them. */
	@FunctionalInterface
	public interface SeriesCheck {

		/**
		 * @param metric the old side's metric
		 * @param statistic the statistic the candidate reproduces
		 * @param query the candidate's query, with {@code ${period}}
		 * @return the comparison, or null when a side has no data
		 */
		Check compare(InventoryItem metric, String statistic, String query);

	}

	private final Catalog catalog;

	private final Sides sides;

	private final SeriesCheck check;

	private final Instant now;

	private final double threshold;

	private final Set<String> names;

	private List<Family> families;

	/**
	 * The label sets of each family read so far: a family is read once, and only when a
	 * name shares a word with it.
	 */
	private final Map<String, List<Map<String, String>>> seriesOf = new HashMap<>();

	/**
	 * The two sides of the discovered pairs, as their sources contribute to discovery.
	 *
	 * @param old the old side's source
	 * @param oldName the old system's name
	 * @param neu the new side's source
	 * @param newName the new system's name
	 */
	public record Sides(Discoverable old, String oldName, QueryWriter neu, String newName) {

	}

	/**
	 * @param catalog the new side's catalog
	 * @param sides the two sides
	 * @param now the present (series are read over the last day)
	 * @param threshold the confidence a pair needs to be written active
	 * @param check compares the series of the best candidates, or null not to
	 */
	public Discovery(Catalog catalog, Sides sides, Instant now, double threshold, SeriesCheck check) {
		this.check = check;
		this.catalog = catalog;
		this.sides = sides;
		this.now = now;
		this.threshold = threshold;
		this.names = new HashSet<>(catalog.metricNames());
	}

	/**
	 * @param metrics the listed metrics to pair
	 * @return a proposal for each, in order
	 */
	public List<Proposal> propose(List<InventoryItem> metrics) {
		List<Proposal> out = new ArrayList<>();
		Map<String, Integer> ids = new HashMap<>();
		for (InventoryItem item : metrics) {
			Proposal p = exporter(item);
			if (p == null) {
				p = ownMetric(item);
			}
			String id = p.id();
			int n = ids.merge(id, 1, Integer::sum);
			if (n > 1) {
				p = new Proposal(p.metric(), id + "-" + n, p.statistic(), p.unit(), p.query(), p.period(),
						p.confidence(), p.why(), p.exactFrom(), p.target());
			}
			out.add(p);
		}
		return out;
	}

	private Instant from() {
		return this.now.minusSeconds(86_400);
	}

	/** A series an exporter made of this metric, paired exactly. */
	private Proposal exporter(InventoryItem item) {
		for (Discoverable.Copy copy : this.sides.old().copies(item)) {
			if (this.names.contains(copy.name())) {
				Proposal p = copy(item, copy);
				if (p != null) {
					return p;
				}
			}
		}
		return null;
	}

	private Proposal copy(InventoryItem item, Discoverable.Copy copy) {
		Map<String, String> matchers = new LinkedHashMap<>();
		copy.labels().forEach((dim, label) -> matchers.put(label, item.dimensions().get(dim)));
		List<String> labels = new ArrayList<>(matchers.keySet());
		String selector = this.sides.neu().selector(copy.name(), matchers);
		List<Map<String, String>> series = this.catalog.series(selector, from(), this.now);
		// the exporter's series carry exactly the metric's dimensions
		if (copy.dimensionPrefix() != null) {
			series.removeIf((s) -> s.keySet()
				.stream()
				.anyMatch((k) -> k.startsWith(copy.dimensionPrefix()) && !labels.contains(k)));
		}
		if (series.isEmpty()) {
			return null;
		}
		List<Long> times = this.catalog.sampleTimes(selector, this.now, 3 * 3600);
		long spacing = spacing(times);
		boolean bucketStamped = !times.isEmpty() && times.stream().allMatch((t) -> t % 60_000 == 0);
		List<String> why = new ArrayList<>();
		why.add(copy.exporter() + " series " + copy.name() + " with the dimensions as labels " + labels);
		String period = (spacing >= 60_000 && spacing % 60_000 == 0)
				? dev.dualrun.parity.config.Durations.compact(java.time.Duration.ofMillis(spacing)) : "5m";
		String query = this.sides.neu().lastSample(copy.name(), matchers, bucketStamped);
		double confidence;
		if (bucketStamped) {
			confidence = (series.size() == 1) ? 1.0 : 0.9;
			why.add("samples stamped at " + this.sides.oldName() + "'s bucket starts every " + period + ": "
					+ this.sides.neu().lastSampleNote());
		}
		else {
			confidence = 0.5;
			why.add("samples stamped at scrape time: the exporter's delay shifts them by an unknown part of a "
					+ "period; " + this.sides.old().stampAdvice());
		}
		if (series.size() > 1) {
			why.add(series.size() + " series match (regions or accounts): sum by keeps the dimensions only");
		}
		return new Proposal(item, this.sides.old().id(item), copy.statistic(), null, query, period, confidence, why,
				copy.exporter(), copy.name());
	}

	private static long spacing(List<Long> times) {
		List<Long> sorted = new ArrayList<>(new java.util.TreeSet<>(times));
		if (sorted.size() < 2) {
			return 0;
		}
		List<Long> gaps = new ArrayList<>();
		for (int i = 1; i < sorted.size(); i++) {
			gaps.add(sorted.get(i) - sorted.get(i - 1));
		}
		Collections.sort(gaps);
		return gaps.get(gaps.size() / 2);
	}

	/** The application's own metric that best matches, by names, kind and labels. */
	private Proposal ownMetric(InventoryItem item) {
		Set<String> words = words(item.metric());
		Kind implied = implied(words);
		record Scored(Family family, double score, double name, double kind, Map<String, String[]> labels,
				double labelShare) {
		}
		List<Scored> scored = new ArrayList<>();
		for (Family f : families()) {
			Set<String> fw = words(f.name());
			double name = jaccard(words, fw);
			if (name == 0) {
				continue;
			}
			double kind = (implied == null) ? 0.5 : (implied == f.kind()) ? 1 : 0;
			Map<String, String[]> labels = new LinkedHashMap<>();
			double found = 0;
			for (Map.Entry<String, String> d : item.dimensions().entrySet()) {
				String[] label = labelCarrying(f, d.getKey(), d.getValue());
				if (label != null) {
					labels.put(d.getKey(), label);
					// a value in another case is weaker evidence
					found += label[1].equals(d.getValue()) ? 1 : 0.5;
				}
			}
			double share = item.dimensions().isEmpty() ? 1 : found / item.dimensions().size();
			double score = 0.5 * name + 0.2 * kind + 0.3 * share;
			// a name that shares little, or dimensions no label carries, is not enough
			if (name < 0.3 || (!item.dimensions().isEmpty() && labels.isEmpty())) {
				score *= 0.5;
			}
			scored.add(new Scored(f, score, name, kind, labels, share));
		}
		scored.sort((a, b) -> Double.compare(b.score(), a.score()));
		if (scored.isEmpty()) {
			return new Proposal(item, this.sides.old().id(item), null, null, null, "5m", 0,
					List.of("no " + this.sides.newName() + " metric shares a word with " + item.metric()), null, null);
		}
		// the series themselves, for the best candidates: a name and a label value can
		// both be shared by the wrong metric, a day of data rarely is
		Map<Family, Check> checks = new HashMap<>();
		if (this.check != null) {
			List<Scored> rechecked = new ArrayList<>();
			for (int k = 0; k < scored.size(); k++) {
				Scored c = scored.get(k);
				if (k < CHECKED && c.score() >= 0.2) {
					Candidate q = candidate(c.family(), c.labels());
					Check r = this.check.compare(item, q.statistic(), q.query());
					if (r != null) {
						checks.put(c.family(), r);
						double factor = (r.points() < 6) ? 0.8
								: (r.correlation() >= 0.8) ? 1.15 : (r.correlation() >= 0.5) ? 0.9 : 0.4;
						c = new Scored(c.family(), Math.min(1, c.score() * factor), c.name(), c.kind(), c.labels(),
								c.labelShare());
					}
				}
				rechecked.add(c);
			}
			rechecked.sort((a, b) -> Double.compare(b.score(), a.score()));
			scored = rechecked;
		}
		Scored top = scored.get(0);
		double margin = (scored.size() > 1) ? top.score() - scored.get(1).score() : 1;
		double confidence = Math.max(0, top.score() - Math.max(0, 0.1 - margin));
		List<String> why = new ArrayList<>();
		why.add(String.format(Locale.ROOT, "names %.0f %% alike (%s ~ %s)", 100 * top.name(), item.metric(),
				top.family().name()));
		why.add("a " + top.family().kind().name().toLowerCase(Locale.ROOT) + ((top.kind() == 1)
				? ", as the name implies" : (top.kind() == 0) ? ", not what the name implies" : ""));
		if (!item.dimensions().isEmpty()) {
			Map<String, String> shown = new LinkedHashMap<>();
			top.labels()
				.forEach((d, l) -> shown.put(d,
						l[0] + (l[1].equals(item.dimensions().get(d)) ? "" : " (as " + l[1] + ")")));
			why.add(String.format(Locale.ROOT, "%d of %d dimension values found in labels %s", top.labels().size(),
					item.dimensions().size(), shown));
		}
		Check c = checks.get(top.family());
		if (c != null) {
			why.add(String.format(Locale.ROOT,
					"series over the last hours: correlation %.2f, median ratio %s over %d " + "period(s)%s",
					c.correlation(), dev.dualrun.parity.config.Durations.trim(round(c.ratio())), c.points(),
					(c.ratio() > 2 || c.ratio() < 0.5) ? " (a unit factor?)" : ""));
		}
		else if (this.check != null) {
			why.add("series not compared (no data on one side)");
		}
		if (scored.size() > 1) {
			why.add(String.format(Locale.ROOT, "runner-up %s at %.2f", scored.get(1).family().name(),
					scored.get(1).score()));
		}
		Candidate q = candidate(top.family(), top.labels());
		return new Proposal(item, this.sides.old().id(item), q.statistic(), q.unit(), q.query(), "5m", confidence, why,
				null, top.family().name());
	}

	/** A family's query, with the old side's statistic and unit it reproduces. */
	private record Candidate(String statistic, String unit, String query) {

	}

	private Candidate candidate(Family f, Map<String, String[]> labels) {
		Map<String, String> matchers = new LinkedHashMap<>();
		labels.values().forEach((label) -> matchers.put(label[0], label[1]));
		QueryWriter.Written written = this.sides.neu().query(f, matchers);
		return new Candidate(this.sides.old().statistic(written.kind()), this.sides.old().unit(written.baseUnit()),
				written.template());
	}

	/**
	 * @return {label, its value}: the label whose values hold the dimension's, exactly or
	 * in another case; null if none does
	 */
	private String[] labelCarrying(Family f, String dimension, String value) {
		Map<String, Integer> hits = new TreeMap<>();
		Map<String, String> seen = new HashMap<>();
		for (Map<String, String> s : series(f)) {
			s.forEach((k, v) -> {
				if (!k.equals("__name__") && v.equalsIgnoreCase(value)) {
					hits.merge(k, v.equals(value) ? 2 : 1, Integer::sum);
					seen.merge(k, v, (a, b) -> a.equals(value) ? a : b);
				}
			});
		}
		if (hits.isEmpty()) {
			return null;
		}
		// a label named like the dimension wins a tie
		String dim = dimension.toLowerCase(Locale.ROOT);
		String label = hits.entrySet()
			.stream()
			.max((a, b) -> (a.getValue().equals(b.getValue()))
					? Boolean.compare(a.getKey().toLowerCase(Locale.ROOT).contains(dim),
							b.getKey().toLowerCase(Locale.ROOT).contains(dim))
					: Integer.compare(a.getValue(), b.getValue()))
			.get()
			.getKey();
		return new String[] { label, seen.get(label) };
	}

	private List<Map<String, String>> series(Family f) {
		return this.seriesOf.computeIfAbsent(f.selector(), (k) -> this.catalog.series(k, from(), this.now));
	}

	private List<Family> families() {
		if (this.families == null) {
			this.families = this.sides.neu()
				.families(this.names.stream().filter((n) -> !this.sides.old().isCopy(n)).toList());
		}
		return this.families;
	}

	/** The words of a metric name of either side, canonical. */
	static Set<String> words(String name) {
		Set<String> out = new LinkedHashSet<>();
		for (String w : name.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
			.replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
			.toLowerCase(Locale.ROOT)
			.split("[^a-z0-9]+")) {
			if (w.isEmpty() || UNIT_WORDS.contains(w)) {
				continue;
			}
			String s = (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) ? w.substring(0, w.length() - 1) : w;
			out.add(SYNONYMS.getOrDefault(s, s));
		}
		return out;
	}

	private static Kind implied(Set<String> words) {
		if (words.contains("duration")) {
			return Kind.HISTOGRAM;
		}
		for (String w : List.of("request", "error", "count", "order", "hit", "miss", "invocation", "sent", "received",
				"placed", "event", "message", "throttle")) {
			if (words.contains(w)) {
				return Kind.COUNTER;
			}
		}
		for (String w : List.of("depth", "size", "usage", "connection", "active", "open", "queue", "memory", "free",
				"cpu", "temperature", "lag")) {
			if (words.contains(w)) {
				return Kind.GAUGE;
			}
		}
		return null;
	}

	/**
	 * How alike two names are: the mean of their words' Jaccard index and overlap
	 * coefficient, so that a new side's name with a prefix of its own
	 * ({@code flask_http_request_duration}) still matches the old side's name it contains
	 * ({@code EndpointLatency}: endpoint, duration).
	 */
	static double jaccard(Set<String> a, Set<String> b) {
		Set<String> inter = new HashSet<>(a);
		inter.retainAll(b);
		Set<String> union = new HashSet<>(a);
		union.addAll(b);
		if (union.isEmpty() || inter.isEmpty()) {
			return 0;
		}
		return 0.5 * inter.size() / union.size() + 0.5 * inter.size() / Math.min(a.size(), b.size());
	}

	private static double round(double v) {
		return (Double.isFinite(v) && v != 0) ? Math.round(v * 1000) / 1000.0 : v;
	}

	/**
	 * @param proposals the proposals
	 * @param source where the inventory came from, for the header
	 * @return a mapping file to review: confident pairs active, the others commented out
	 */
	public String mapping(List<Proposal> proposals, String source) {
		StringBuilder y = new StringBuilder();
		long active = proposals.stream().filter((p) -> p.confident(this.threshold)).count();
		y.append("# Generated by parity-validator discover from ")
			.append(source)
			.append(" and ")
			.append(this.catalog.location())
			.append(".\n# Review every pair before trusting it: ")
			.append(active)
			.append(" of ")
			.append(proposals.size())
			.append(" are at or above the confidence ")
			.append(this.threshold)
			.append("; the others are commented out.\nversion: 1\npairs:\n");
		for (Proposal p : proposals) {
			boolean on = p.confident(this.threshold);
			String c = on ? "" : "# ";
			y.append("  # ").append(p.metric().describe()).append('\n');
			y.append(String.format(Locale.ROOT, "  # confidence %.2f%s%n", p.confidence(),
					(p.exactFrom() != null) ? " (" + p.exactFrom() + " copy)" : ""));
			for (String w : p.why()) {
				y.append("  #   ").append(w.replace('\n', ' ')).append('\n');
			}
			if (p.query() == null) {
				y.append("  # no candidate: pair it by hand or exclude it\n");
				continue;
			}
			y.append(c).append("  - id: ").append(p.id()).append('\n');
			y.append(c).append("    period: ").append(p.period()).append('\n');
			List<String> block = new ArrayList<>(
					this.sides.old().yaml(this.sides.old().query(p.metric(), p.statistic(), p.unit())));
			block.addAll(this.sides.neu().yaml(p.query()));
			for (String line : block) {
				y.append(c).append("    ").append(line).append('\n');
			}
		}
		return y.toString();
	}

}
