package dev.dualrun.parity.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.dualrun.parity.config.Sides;

/**
 * Series parity: the stored series the pair's query read on each side (their labels),
 * compared as sets once the labels the old side's source knows are added on the way (an
 * edge's external labels) are accounted for. Each old series is looked for on the new
 * side as itself, or with labels added, renamed ({@code job} kept as
 * {@code exported_job}) or dropped, never with a value changed (that is another series,
 * e.g. another edge's). It names the cause where one shows: a family missing on the new
 * side, one change of labels common to every series, or the series found on one side
 * only.
 */
public final class SeriesParityCheck {

	/** Label sets a message shows at most. */
	private static final int SHOWN = 3;

	private static final String NAME = "__name__";

	private SeriesParityCheck() {
	}

	/**
	 * @param oldRead the labels of each series the old side read
	 * @param newRead the labels of each series the new side read
	 * @param sides what the two systems are called
	 * @return the diagnosis, or empty if every series is on both sides as itself
	 */
	public static Optional<Diagnosis> of(List<Map<String, String>> oldRead, List<Map<String, String>> newRead,
			Sides sides) {
		Set<Map<String, String>> onlyOld = new LinkedHashSet<>(sorted(oldRead));
		onlyOld.removeAll(Set.copyOf(newRead));
		Set<Map<String, String>> onlyNew = new LinkedHashSet<>(sorted(newRead));
		onlyNew.removeAll(Set.copyOf(oldRead));
		if (onlyOld.isEmpty() && onlyNew.isEmpty()) {
			return Optional.empty();
		}
		Set<String> missing = missingFamilies(onlyOld, newRead);
		if (!missing.isEmpty()) {
			return Optional.of(familyMissing(missing, onlyOld, sides));
		}
		Set<String> changes = new TreeSet<>();
		List<Map<String, String>> unmatched = new ArrayList<>();
		for (Map<String, String> o : onlyOld) {
			Optional<Set<String>> change = onlyNew.stream()
				.map((n) -> change(o, n))
				.flatMap(Optional::stream)
				.min(Comparator.comparingInt(Set::size));
			change.ifPresentOrElse(changes::addAll, () -> unmatched.add(o));
		}
		if (!onlyOld.isEmpty() && unmatched.isEmpty()) {
			return Optional.of(new Diagnosis(Diagnosis.Code.IDENTITY, "the " + sides.oldName() + " series are on the "
					+ sides.newName() + " side with their labels changed on the way: " + String.join("; ", changes)
					+ (changes.stream().anyMatch((c) -> c.startsWith("added"))
							? "; declare a label that is meant in " + "the pair's external-labels" : "")
					+ (changes.stream().anyMatch((c) -> c.startsWith("renamed"))
							? "; a federation scrape without " + "honor_labels: true renames clashing labels" : "")
					+ " (the identity rule)"));
		}
		return Optional.of(oneSideOnly(unmatched, onlyOld.isEmpty() ? onlyNew : Set.of(), oldRead, sides));
	}

	/**
	 * The labels the way added to every series, the same labels with the same values on
	 * each (a label a remote-write relabelling or a federation job adds), when that is
	 * the only difference of the two sides: what the old side's source may declare so
	 * that its series are compared with them.
	 * @param oldRead the labels of each series the old side read
	 * @param newRead the labels of each series the new side read
	 * @return the labels added, or empty when the sides differ otherwise or not at all
	 */
	public static Optional<Map<String, String>> addedOnTheWay(List<Map<String, String>> oldRead,
			List<Map<String, String>> newRead) {
		Set<Map<String, String>> onlyNew = new LinkedHashSet<>(newRead);
		onlyNew.removeAll(Set.copyOf(oldRead));
		if (oldRead.isEmpty() || onlyNew.size() != oldRead.size()) {
			return Optional.empty();
		}
		Set<Map<String, String>> added = new java.util.HashSet<>();
		for (Map<String, String> o : oldRead) {
			Optional<Map<String, String>> extra = onlyNew.stream()
				.filter((n) -> n.entrySet().containsAll(o.entrySet()))
				.map((n) -> extra(n, o))
				.min(Comparator.comparingInt(Map::size));
			if (extra.isEmpty()) {
				return Optional.empty();
			}
			added.add(extra.get());
		}
		if (added.size() != 1) {
			return Optional.empty();
		}
		Map<String, String> labels = added.iterator().next();
		return labels.isEmpty() ? Optional.empty() : Optional.of(labels);
	}

	private static Map<String, String> extra(Map<String, String> n, Map<String, String> o) {
		Map<String, String> extra = new TreeMap<>(n);
		extra.keySet().removeAll(o.keySet());
		return extra;
	}

	/**
	 * @param onlyOld the old series with no equal on the new side
	 * @param newRead every new series
	 * @return the families of those old series of which the new side has no series at all
	 */
	private static Set<String> missingFamilies(Set<Map<String, String>> onlyOld, List<Map<String, String>> newRead) {
		Set<String> present = newRead.stream().map((s) -> s.getOrDefault(NAME, "")).collect(Collectors.toSet());
		Set<String> missing = new TreeSet<>();
		onlyOld.stream().map((s) -> s.getOrDefault(NAME, "")).filter((f) -> !present.contains(f)).forEach(missing::add);
		missing.remove("");
		return missing;
	}

	private static Diagnosis familyMissing(Set<String> families, Set<Map<String, String>> onlyOld, Sides sides) {
		long count = onlyOld.stream().filter((s) -> families.contains(s.get(NAME))).count();
		return new Diagnosis(Diagnosis.Code.FAMILY_MISSING,
				"the family " + String.join(", ", families) + " (" + count + " series on the " + sides.oldName()
						+ " side) has no series on the " + sides.newName() + " side: dropped on the way "
						+ "(write_relabel_configs, a metric_relabel_configs drop, a federation match[] that does not "
						+ "select it) or never sent");
	}

	/**
	 * How a new series carries an old one: every old label is there with its value, under
	 * its name or another (renamed), or is gone (dropped); labels the new series has
	 * beyond those are added.
	 * @param o an old series
	 * @param n a new series of the same family
	 * @return the changes, or empty if a value differs (another series)
	 */
	static Optional<Set<String>> change(Map<String, String> o, Map<String, String> n) {
		if (!o.getOrDefault(NAME, "").equals(n.getOrDefault(NAME, ""))) {
			return Optional.empty();
		}
		Set<String> changes = new TreeSet<>();
		Set<String> explained = new java.util.HashSet<>();
		for (Map.Entry<String, String> e : o.entrySet()) {
			String label = e.getKey();
			if (e.getValue().equals(n.get(label))) {
				explained.add(label);
				continue;
			}
			Optional<String> renamed = n.entrySet()
				.stream()
				.filter((m) -> !o.containsKey(m.getKey()) && m.getValue().equals(e.getValue()))
				.map(Map.Entry::getKey)
				.findFirst();
			if (renamed.isPresent()) {
				changes.add("renamed " + label + " as " + renamed.get());
				explained.add(renamed.get());
				if (n.containsKey(label)) {
					explained.add(label);
					changes.add("set " + label + "=\"" + n.get(label) + "\"");
				}
			}
			else if (n.containsKey(label)) {
				return Optional.empty();
			}
			else {
				changes.add("dropped " + label);
			}
		}
		n.forEach((label, value) -> {
			if (!explained.contains(label)) {
				changes.add("added " + label + "=\"" + value + "\"");
			}
		});
		return Optional.of(changes);
	}

	private static Diagnosis oneSideOnly(List<Map<String, String>> onlyOld, Set<Map<String, String>> onlyNew,
			List<Map<String, String>> oldRead, Sides sides) {
		List<String> parts = new ArrayList<>();
		if (!onlyOld.isEmpty()) {
			parts.add(onlyOld.size() + " of the " + oldRead.size() + " " + sides.oldName()
					+ " series have no counterpart on the " + sides.newName() + " side (" + shown(onlyOld)
					+ "): not sent, or dropped on the way");
		}
		if (!onlyNew.isEmpty()) {
			parts.add(onlyNew.size() + " " + sides.newName() + " series are not on the " + sides.oldName() + " side ("
					+ shown(onlyNew) + "): the query selects more there (another source's series: match the "
					+ sides.oldName() + " side's identifying labels)");
		}
		return new Diagnosis(Diagnosis.Code.SERIES_PARITY, String.join("; ", parts));
	}

	private static String shown(java.util.Collection<Map<String, String>> sets) {
		String shown = sets.stream().limit(SHOWN).map(Object::toString).collect(Collectors.joining(", "));
		return (sets.size() > SHOWN) ? shown + ", ..." : shown;
	}

	private static List<Map<String, String>> sorted(List<Map<String, String>> sets) {
		return sets.stream()
			.<Map<String, String>>map(TreeMap::new)
			.sorted(Comparator.comparing(Object::toString))
			.toList();
	}

}
