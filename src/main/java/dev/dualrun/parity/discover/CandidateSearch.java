package dev.dualrun.parity.discover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.dualrun.parity.discover.Discovery.Check;
import dev.dualrun.parity.discover.Discovery.Proposal;
import dev.dualrun.parity.discover.Discovery.SeriesCheck;
import dev.dualrun.parity.discover.Discovery.Sides;
import dev.dualrun.parity.source.Catalog;
import dev.dualrun.parity.source.InventoryItem;
import dev.dualrun.parity.source.QueryWriter;
import dev.dualrun.parity.source.QueryWriter.Family;
import dev.dualrun.parity.source.QueryWriter.Kind;

/**
 * Ranks the application's own metrics as candidates for an old-side metric, by evidence:
 * the words of the names, the kind the name implies, labels that carry the dimensions'
 * values, and for the best few the series themselves. Proposes the best with its score.
 */
final class CandidateSearch {

	/** Candidates of an own metric whose series are compared. */
	static final int CHECKED = 3;

	private final Catalog catalog;

	private final Sides sides;

	private final SeriesCheck check;

	private final Set<String> names;

	private final Instant from;

	private final Instant now;

	private List<Family> families;

	/**
	 * The label sets of each family read so far: a family is read once, and only when a
	 * name shares a word with it.
	 */
	private final Map<String, List<Map<String, String>>> seriesOf = new HashMap<>();

	/** A candidate family with its evidence. */
	private record Scored(Family family, double score, double name, double kind, Map<String, String[]> labels,
			double labelShare) {
	}

	/** A family's query, with the old side's statistic and unit it reproduces. */
	private record Candidate(String statistic, String unit, String query) {

	}

	/**
	 * @param catalog the new side's catalog
	 * @param sides the two sides
	 * @param check compares the series of the best candidates, or null not to
	 * @param names the new side's metric names
	 * @param from the start of the series read
	 * @param now the present
	 */
	CandidateSearch(Catalog catalog, Sides sides, SeriesCheck check, Set<String> names, Instant from, Instant now) {
		this.catalog = catalog;
		this.sides = sides;
		this.check = check;
		this.names = names;
		this.from = from;
		this.now = now;
	}

	/**
	 * @param item a listed metric
	 * @return the application's own metric that best matches, by names, kind and labels
	 */
	Proposal propose(InventoryItem item) {
		List<Scored> scored = scored(item);
		if (scored.isEmpty()) {
			return new Proposal(item, this.sides.old().id(item), null, null, null, "5m", 0,
					List.of("no " + this.sides.newName() + " metric shares a word with " + item.metric()), null, null);
		}
		// the series themselves, for the best candidates: a name and a label value can
		// both be shared by the wrong metric, a day of data rarely is
		Map<Family, Check> checks = new HashMap<>();
		if (this.check != null) {
			scored = recheck(item, scored, checks);
		}
		Scored top = scored.get(0);
		double margin = (scored.size() > 1) ? top.score() - scored.get(1).score() : 1;
		double confidence = Math.max(0, top.score() - Math.max(0, 0.1 - margin));
		List<String> why = why(item, scored, checks);
		Candidate q = candidate(top.family(), top.labels());
		return new Proposal(item, this.sides.old().id(item), q.statistic(), q.unit(), q.query(), "5m", confidence, why,
				null, top.family().name());
	}

	/** The families that share a word with the metric, best first. */
	private List<Scored> scored(InventoryItem item) {
		Set<String> words = MetricNames.words(item.metric());
		Kind implied = MetricNames.implied(words);
		List<Scored> scored = new ArrayList<>();
		for (Family f : families()) {
			Set<String> fw = MetricNames.words(f.name());
			double name = MetricNames.jaccard(words, fw);
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
		return scored;
	}

	/**
	 * Compares the series of the best candidates and scores them again.
	 * @param checks receives each compared family's comparison
	 * @return the candidates, best first
	 */
	private List<Scored> recheck(InventoryItem item, List<Scored> scored, Map<Family, Check> checks) {
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
		return rechecked;
	}

	/** The evidence for the best candidate, in words. */
	private List<String> why(InventoryItem item, List<Scored> scored, Map<Family, Check> checks) {
		Scored top = scored.get(0);
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
		return why;
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
		return this.seriesOf.computeIfAbsent(f.selector(), (k) -> this.catalog.series(k, this.from, this.now));
	}

	private List<Family> families() {
		if (this.families == null) {
			this.families = this.sides.neu()
				.families(this.names.stream().filter((n) -> !this.sides.old().isCopy(n)).toList());
		}
		return this.families;
	}

	private static double round(double v) {
		return (Double.isFinite(v) && v != 0) ? Math.round(v * 1000) / 1000.0 : v;
	}

}
