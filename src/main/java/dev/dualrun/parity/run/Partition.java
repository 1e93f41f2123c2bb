package dev.dualrun.parity.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunPairRow;

/**
 * One partition of a run's pairs, for a remote worker: the pairs of one quota of the old
 * side (an account's region, a subscription) whose plan ordinals lie from {@code first}
 * to {@code last}, allowed {@code share} of that quota. Only these keys travel with the
 * partition; the pairs themselves are read from the shared store.
 *
 * @param type the old side's source type
 * @param scope the quota, as its source names it
 * @param first the first plan ordinal
 * @param last the last plan ordinal, inclusive
 * @param share the share of the quota's rate and calls in flight (more than 0, at most 1)
 */
public record Partition(String type, String scope, int first, int last, double share) {

	/**
	 * Splits a run's pairs: first by the quota each pair's old-side calls count against,
	 * so a partition never mixes two, then into ranges of at most {@code size} pairs in
	 * plan order, each of whole calls of the old side (as its source groups pairs into
	 * calls), so that the partitions' calls add up to those of one process; a call of
	 * more than {@code size} pairs is cut. The partitions of one quota that may run at
	 * once (no more than the workers) share its rate: each gets
	 * {@code 1 / min(ranges, workers)} of it. Deterministic: a restart finds the same
	 * names for the same pairs.
	 * @param store the store
	 * @param properties the settings
	 * @param runId the run
	 * @param size pairs of one partition at most
	 * @param workers the workers at work at once
	 * @return the partitions by name, e.g. the quota and {@code -002}
	 */
	public static Map<String, Partition> split(ParityStore store, ParityProperties properties, long runId, int size,
			int workers) {
		Map<String, List<RunPairRow>> rows = new LinkedHashMap<>();
		Map<String, List<PairMapping>> pairs = new LinkedHashMap<>();
		Map<String, String> types = new LinkedHashMap<>();
		for (RunPairRow row : store.runs().pairs(runId)) {
			PairMapping pair = PairDefinitions.fromJson(row.definition());
			String scope = Sources.quotaScope(pair, properties);
			types.put(scope, pair.oldType());
			rows.computeIfAbsent(scope, (s) -> new ArrayList<>()).add(row);
			pairs.computeIfAbsent(scope, (s) -> new ArrayList<>()).add(pair);
		}
		Map<String, Partition> partitions = new LinkedHashMap<>();
		rows.forEach((scope, list) -> {
			List<List<Integer>> ranges = ranges(calls(list, pairs.get(scope), types.get(scope)), size);
			double share = 1.0 / Math.max(1, Math.min(ranges.size(), workers));
			for (int k = 0; k < ranges.size(); k++) {
				List<Integer> range = ranges.get(k);
				partitions.put(String.format(Locale.ROOT, "%s-%03d", slug(scope), k + 1),
						new Partition(types.get(scope), scope, range.get(0), range.get(range.size() - 1), share));
			}
		});
		return partitions;
	}

	/**
	 * @return the ordinals of each call the old side's source makes for these pairs of
	 * one quota, in plan order: its calls for each run of pairs of one window
	 */
	private static List<List<Integer>> calls(List<RunPairRow> rows, List<PairMapping> pairs, String type) {
		List<List<Integer>> calls = new ArrayList<>();
		int from = 0;
		while (from < rows.size()) {
			QueryWindow window = rows.get(from).window();
			int to = from + 1;
			while (to < rows.size() && rows.get(to).window().equals(window)) {
				to++;
			}
			List<PairMapping> group = pairs.subList(from, to);
			List<List<PairMapping>> planned = Sources.provider(type).calls(group, window);
			if (!planned.stream().flatMap(List::stream).toList().equals(group)) {
				// not the pairs in their order: one pair a call
				planned = group.stream().map(List::of).toList();
			}
			int at = from;
			for (List<PairMapping> call : planned) {
				List<Integer> ordinals = new ArrayList<>();
				for (int i = 0; i < call.size(); i++) {
					ordinals.add(rows.get(at++).ordinal());
				}
				calls.add(ordinals);
			}
			from = to;
		}
		return calls;
	}

	/**
	 * Packs whole calls into ranges of at most {@code size} pairs, in order; a call of
	 * more pairs is cut into ranges of {@code size}.
	 * @param calls the ordinals of each call, in plan order
	 * @param size pairs of one range at most
	 * @return the ordinals of each range
	 */
	static List<List<Integer>> ranges(List<List<Integer>> calls, int size) {
		List<List<Integer>> ranges = new ArrayList<>();
		List<Integer> current = new ArrayList<>();
		for (List<Integer> call : calls) {
			if (!current.isEmpty() && current.size() + call.size() > size) {
				ranges.add(current);
				current = new ArrayList<>();
			}
			if (call.size() > size) {
				for (int k = 0; k < call.size(); k += size) {
					ranges.add(List.copyOf(call.subList(k, Math.min(call.size(), k + size))));
				}
				continue;
			}
			current.addAll(call);
		}
		if (!current.isEmpty()) {
			ranges.add(current);
		}
		return ranges;
	}

	private static String slug(String scope) {
		return scope.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}

	/**
	 * @param row a planned pair
	 * @param pair its definition
	 * @param properties this process's settings
	 * @return whether the pair is this partition's
	 */
	boolean holds(RunPairRow row, PairMapping pair, ParityProperties properties) {
		return row.ordinal() >= this.first && row.ordinal() <= this.last && this.type.equals(pair.oldType())
				&& this.scope.equals(Sources.quotaScope(pair, properties));
	}

	/**
	 * @param properties this process's settings
	 * @return them with the partition's source limited to its share of the quota
	 */
	public ParityProperties settings(ParityProperties properties) {
		return Sources.share(this.type, properties, this.share);
	}

	/**
	 * @param store the store
	 * @param runId the run
	 * @param partition a partition, or null for the whole run
	 * @param properties this process's settings
	 * @return the pairs of the run (of the partition) not judged yet, in plan order
	 * @throws ConfigurationException if this process's settings put none of the
	 * partition's pairs in its quota (a worker set up for another region than the
	 * manager's)
	 */
	public static List<RunPairRow> unjudged(ParityStore store, long runId, Partition partition,
			ParityProperties properties) {
		if (partition == null) {
			return store.runs().unjudgedPairs(runId);
		}
		// the partition's range only, not the whole run's pairs
		Set<String> held = new HashSet<>();
		for (RunPairRow row : store.runs().pairsBetween(runId, partition.first, partition.last)) {
			if (partition.holds(row, PairDefinitions.fromJson(row.definition()), properties)) {
				held.add(row.pairId());
			}
		}
		if (held.isEmpty()) {
			throw new ConfigurationException("partition " + partition + " of run " + runId
					+ ": this worker's settings put none of its pairs in '" + partition.scope
					+ "' (is the worker set up for the same region and account as the manager?)");
		}
		return store.runs()
			.unjudgedPairsBetween(runId, partition.first, partition.last)
			.stream()
			.filter((row) -> held.contains(row.pairId()))
			.toList();
	}

	@Override
	public String toString() {
		return this.scope + ", pairs " + this.first + " to " + this.last;
	}

}
