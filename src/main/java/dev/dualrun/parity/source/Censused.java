package dev.dualrun.parity.source;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.dualrun.parity.config.ParityProperties;

/**
 * A capability of a source: a census of what it holds, the number of series of each
 * metric family by group (a job), as they stand at an instant. An old side counts all it
 * holds; a new side counts the families the old side named, among the series that carry
 * the old side's identifying labels (an edge's external labels), so that what the new
 * side lacks shows.
 */
public interface Censused {

	/**
	 * @param properties the settings
	 * @param families the families to count, or null for every family the source holds
	 * @param identity labels every counted series must carry (the other side's
	 * identifying labels), empty for none
	 * @param at the instant
	 * @return the census
	 */
	Census census(ParityProperties properties, List<String> families, Map<String, String> identity, Instant at);

	/**
	 * A pair of a mapping file to review that compares a family of this old side with the
	 * new side's copy of it, in YAML (the same query on both sides, the new side's
	 * restricted to the old side's identifying labels).
	 * @param family the family
	 * @param identity the old side's identifying labels
	 * @return the pair's lines, or null when the family is not paired on its own (a
	 * histogram's buckets)
	 */
	default String draftPair(Family family, Map<String, String> identity) {
		return null;
	}

	/**
	 * A family of a group.
	 *
	 * @param group the group (a job), as an exclusion's namespace names it
	 * @param name the family
	 */
	record Family(String group, String name) implements Comparable<Family> {

		@Override
		public int compareTo(Family o) {
			int c = this.group.compareTo(o.group);
			return (c != 0) ? c : this.name.compareTo(o.name);
		}

	}

	/**
	 * What a source holds.
	 *
	 * @param system the system, as reports name it
	 * @param location where it was read
	 * @param identity the labels that identify its series on the other side (an edge's
	 * external labels), empty for none
	 * @param series the series of each family
	 * @param calls the calls it took
	 */
	record Census(String system, String location, Map<String, String> identity, SortedMap<Family, Long> series,
			long calls) {

		public Census {
			identity = Map.copyOf(identity);
			series = new TreeMap<>(series);
		}

	}

}
