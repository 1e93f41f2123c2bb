package dev.dualrun.parity.estate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.dualrun.parity.config.Exclusion;
import dev.dualrun.parity.config.MetricIdentity;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.InventoryItem;

/**
 * The coverage of an inventory by a mapping: each listed metric is covered by the pairs
 * that read it (namespace, name and exact dimension set, as CloudWatch identifies a
 * metric), excluded on purpose by an exclusion that holds, or neither. A migration can be
 * signed off only when no listed metric is neither (an expired exclusion counts as none).
 *
 * @param inventoryId the inventory
 * @param takenAt when it was listed
 * @param system the system listed
 * @param today the day of the check (exclusions expire)
 * @param entries one per listed metric, in namespace and name order
 * @param unlisted pairs of the inventoried system whose old-side metric the inventory
 * does not list (renamed, or no data for two weeks); pairs of other old systems are not
 * counted
 */
public record Coverage(long inventoryId, Instant takenAt, String system, LocalDate today, List<Entry> entries,
		List<String> unlisted) {

	/** What became of a listed metric. */
	public enum Status {

		/** A pair reads it. */
		COVERED,
		/** Left out on purpose, by an exclusion that holds. */
		EXCLUDED,
		/** Its exclusion has expired: it blocks like an uncovered metric. */
		EXCLUSION_EXPIRED,
		/** Neither paired nor excluded. */
		UNCOVERED

	}

	/**
	 * @param metric the listed metric
	 * @param status what became of it
	 * @param by the pairs that read it, or the exclusion's reason, owner and expiry
	 */
	public record Entry(InventoryItem metric, Status status, String by) {

	}

	/**
	 * @param namespace a namespace
	 * @param covered its covered metrics
	 * @param excluded excluded
	 * @param expired excluded by an expired exclusion
	 * @param uncovered neither
	 */
	public record NamespaceCount(String namespace, int covered, int excluded, int expired, int uncovered) {

		/**
		 * @return all its metrics
		 */
		public int total() {
			return this.covered + this.excluded + this.expired + this.uncovered;
		}

		/**
		 * @return the share of its metrics covered or excluded, 0 to 1
		 */
		public double done() {
			return (total() == 0) ? 1 : (this.covered + this.excluded) / (double) total();
		}

		/**
		 * @return the share done in whole percent, rounded down: 100 only when done
		 */
		public int donePercent() {
			return (int) Math.floor(100 * done());
		}

	}

	/**
	 * @param inventoryId the inventory
	 * @param takenAt when it was listed
	 * @param system the system listed
	 * @param items its metrics
	 * @param pairs the mapping's pairs
	 * @param exclusions the exclusions
	 * @param today the day of the check
	 * @return the coverage
	 */
	public static Coverage of(long inventoryId, Instant takenAt, String system, List<InventoryItem> items,
			List<PairMapping> pairs, List<Exclusion> exclusions, LocalDate today) {
		Map<MetricIdentity, List<String>> readBy = new HashMap<>();
		for (PairMapping p : pairs) {
			for (MetricIdentity id : p.old().identities()) {
				readBy.computeIfAbsent(id, (k) -> new ArrayList<>()).add(p.id());
			}
		}
		List<InventoryItem> sorted = new ArrayList<>(items);
		sorted.sort(java.util.Comparator.comparing(InventoryItem::namespace)
			.thenComparing(InventoryItem::metric)
			.thenComparing((i) -> i.dimensions().toString()));
		List<Entry> entries = new ArrayList<>(sorted.size());
		Set<MetricIdentity> listed = new java.util.HashSet<>();
		for (InventoryItem item : sorted) {
			MetricIdentity id = new MetricIdentity(item.namespace(), item.metric(), item.dimensions());
			listed.add(id);
			List<String> by = readBy.get(id);
			if (by != null) {
				entries.add(new Entry(item, Status.COVERED, String.join(", ", by)));
				continue;
			}
			Exclusion holding = null;
			Exclusion expired = null;
			for (Exclusion e : exclusions) {
				if (e.matches(item.namespace(), item.metric(), item.dimensions())) {
					if (!e.expired(today)) {
						holding = e;
						break;
					}
					expired = e;
				}
			}
			if (holding != null) {
				entries.add(new Entry(item, Status.EXCLUDED, why(holding)));
			}
			else if (expired != null) {
				entries.add(new Entry(item, Status.EXCLUSION_EXPIRED, why(expired)));
			}
			else {
				entries.add(new Entry(item, Status.UNCOVERED, ""));
			}
		}
		List<String> unlisted = new ArrayList<>();
		for (PairMapping p : pairs) {
			// a pair of another old system is not in this inventory at all: not unlisted
			boolean inventoried = dev.dualrun.parity.source.Sources.provider(p.oldType()).displayName().equals(system);
			if (inventoried && p.old().identities().stream().anyMatch((id) -> !listed.contains(id))) {
				unlisted.add(p.id());
			}
		}
		return new Coverage(inventoryId, takenAt, system, today, List.copyOf(entries), List.copyOf(unlisted));
	}

	private static String why(Exclusion e) {
		return e.reason() + " (" + e.owner() + ", until " + e.expires() + ")";
	}

	/**
	 * @param status a status
	 * @return the listed metrics of that status
	 */
	public long count(Status status) {
		return this.entries.stream().filter((e) -> e.status() == status).count();
	}

	/**
	 * @return true when every listed metric is covered or excluded by an exclusion that
	 * holds
	 */
	public boolean complete() {
		return blocking() == 0;
	}

	/**
	 * @return the listed metrics that block: neither paired nor excluded by an exclusion
	 * that holds
	 */
	public long blocking() {
		return count(Status.UNCOVERED) + count(Status.EXCLUSION_EXPIRED);
	}

	/**
	 * @return the counts of each namespace, by name
	 */
	public List<NamespaceCount> byNamespace() {
		Map<String, int[]> counts = new TreeMap<>();
		for (Entry e : this.entries) {
			counts.computeIfAbsent(e.metric().namespace(), (k) -> new int[4])[e.status().ordinal()]++;
		}
		List<NamespaceCount> out = new ArrayList<>();
		counts.forEach((ns, c) -> out.add(new NamespaceCount(ns, c[0], c[1], c[2], c[3])));
		return out;
	}

	/**
	 * @return the coverage as a text table, a line per namespace and one in all
	 */
	public List<String> table() {
		List<NamespaceCount> rows = byNamespace();
		int width = Math.max(9, rows.stream().mapToInt((r) -> r.namespace().length()).max().orElse(0));
		String format = "%-" + width + "s %8s %8s %8s %8s %9s %6s";
		List<String> out = new ArrayList<>();
		out.add(String.format(java.util.Locale.ROOT, format, "namespace", "metrics", "covered", "excluded", "expired",
				"uncovered", "done"));
		int[] all = new int[4];
		for (NamespaceCount r : rows) {
			out.add(String.format(java.util.Locale.ROOT, format, r.namespace(), r.total(), r.covered(), r.excluded(),
					r.expired(), r.uncovered(), r.donePercent() + " %"));
			all[0] += r.covered();
			all[1] += r.excluded();
			all[2] += r.expired();
			all[3] += r.uncovered();
		}
		NamespaceCount total = new NamespaceCount("all", all[0], all[1], all[2], all[3]);
		out.add(String.format(java.util.Locale.ROOT, format, "all", total.total(), total.covered(), total.excluded(),
				total.expired(), total.uncovered(), total.donePercent() + " %"));
		return out;
	}

	/**
	 * The metrics that block, as a list to feed back in: each entry is an exclusion
	 * without its reason, owner and expiry (add them to exclude it), or a metric to pair.
	 * @return YAML
	 */
	public String blockingList() {
		StringBuilder out = new StringBuilder("# old-side metrics neither covered by a pair nor excluded (inventory "
				+ this.inventoryId + " of " + this.takenAt + ")\n# pair them, or move them to exclusions.yml with "
				+ "reason, owner and expires\nexclusions:\n");
		for (Entry e : this.entries) {
			if (e.status() == Status.UNCOVERED || e.status() == Status.EXCLUSION_EXPIRED) {
				out.append("  - namespace: ").append(quote(e.metric().namespace())).append('\n');
				out.append("    metric: ").append(quote(e.metric().metric())).append('\n');
				if (!e.metric().dimensions().isEmpty()) {
					out.append("    dimensions: {");
					String sep = " ";
					for (var d : e.metric().dimensions().entrySet()) {
						out.append(sep).append(quote(d.getKey())).append(": ").append(quote(d.getValue()));
						sep = ", ";
					}
					out.append(" }\n");
				}
				if (e.status() == Status.EXCLUSION_EXPIRED) {
					out.append("    # expired: ").append(e.by().replace('\n', ' ')).append('\n');
				}
			}
		}
		return out.toString();
	}

	private static String quote(String s) {
		return "'" + s.replace("'", "''") + "'";
	}

}
