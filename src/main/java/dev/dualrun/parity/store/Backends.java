package dev.dualrun.parity.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run read of one side, summed over its steps and partitions: the systems (a run
 * may read several old systems), where, at which version, and the calls it made.
 *
 * @param system the systems, e.g. {@code A + B}, or null if the side was not read
 * @param location where each was read
 * @param region the regions read, the first system's first, or null
 * @param version the versions read
 * @param semantics what the version means for the comparison, or null
 * @param calls calls made
 * @param metrics metrics requested
 * @param retries calls that were retries
 * @param splits calls split to isolate a refused query
 */
public record Backends(String system, String location, String region, String version, String semantics, long calls,
		long metrics, long retries, long splits) {

	/** A side not read. */
	public static final Backends NONE = new Backends(null, null, null, null, null, 0, 0, 0, 0);

	/**
	 * @param rows a run's rows of one side
	 * @return them summed; several systems are named each with its location
	 */
	static Backends of(List<BackendRow> rows) {
		if (rows.isEmpty()) {
			return NONE;
		}
		Set<String> systems = new TreeSet<>();
		rows.forEach((r) -> systems.add(r.system()));
		boolean several = systems.size() > 1;
		Set<String> locations = new LinkedHashSet<>();
		Set<String> regions = new LinkedHashSet<>();
		Set<String> versions = new LinkedHashSet<>();
		Set<String> semantics = new LinkedHashSet<>();
		long calls = 0;
		long metrics = 0;
		long retries = 0;
		long splits = 0;
		for (BackendRow r : rows.stream()
			.sorted(java.util.Comparator.comparing(BackendRow::system).thenComparing(BackendRow::stepExecutionId))
			.toList()) {
			add(locations, several ? r.system() + " " + r.location() : r.location());
			if (r.region() != null) {
				for (String region : r.region().split(",")) {
					add(regions, region.strip());
				}
			}
			add(versions, r.version());
			add(semantics, r.semantics());
			calls += r.calls();
			metrics += r.metrics();
			retries += r.retries();
			splits += r.splits();
		}
		return new Backends(String.join(" + ", systems), join(locations, "; "), join(regions, ", "),
				join(versions, "; "), join(semantics, "; "), calls, metrics, retries, splits);
	}

	private static void add(Set<String> set, String value) {
		if (value != null && !value.isBlank()) {
			set.add(value);
		}
	}

	private static String join(Set<String> values, String separator) {
		return values.isEmpty() ? null : String.join(separator, values);
	}

}
