package dev.dualrun.parity.batch;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.dualrun.parity.config.ConfigurationException;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunPairRow;

/**
 * One partition of a run's pairs, for a remote worker: the pairs of one quota of the old
 * side (an account and region, a subscription) whose plan ordinals lie from {@code first}
 * to {@code last}, allowed {@code share} of that quota. Only these keys travel in the
 * partition's step execution context; the pairs themselves are read from the shared
 * store.
 *
 * @param type the old side's source type
 * @param scope the quota, as its source names it ({@code cloudwatch us-east-1})
 * @param first the first plan ordinal
 * @param last the last plan ordinal, inclusive
 * @param share the share of the quota's rate and calls in flight (more than 0, at most 1)
 */
record PairPartition(String type, String scope, int first, int last, double share) {

	private static final String TYPE = "parity.partition.type";

	private static final String SCOPE = "parity.partition.scope";

	private static final String FIRST = "parity.partition.first";

	private static final String LAST = "parity.partition.last";

	private static final String SHARE = "parity.partition.share";

	ExecutionContext toContext() {
		ExecutionContext context = new ExecutionContext();
		context.putString(TYPE, this.type);
		context.putString(SCOPE, this.scope);
		context.putInt(FIRST, this.first);
		context.putInt(LAST, this.last);
		context.putDouble(SHARE, this.share);
		return context;
	}

	/**
	 * @param context a step execution's context
	 * @return its partition, or null when the step works on the whole run
	 */
	static PairPartition of(ExecutionContext context) {
		if (context == null || !context.containsKey(SCOPE)) {
			return null;
		}
		return new PairPartition(context.getString(TYPE), context.getString(SCOPE), context.getInt(FIRST),
				context.getInt(LAST), context.getDouble(SHARE));
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
	ParityProperties settings(ParityProperties properties) {
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
	static List<RunPairRow> unjudged(ParityStore store, long runId, PairPartition partition,
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
