package dev.dualrun.parity.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunPairRow;

/**
 * Splits a run's pairs for remote workers: first by the quota of the old side each pair's
 * calls count against (CloudWatch: account and region; Azure Monitor: subscription), so a
 * partition never mixes two, then into ranges of at most {@code pairsPerPartition} pairs
 * in plan order. The partitions of one quota that may run at once (no more than the
 * workers) share its rate: each gets {@code 1 / min(ranges, workers)} of it.
 * Deterministic: a restart finds the same names for the same pairs, so Spring Batch
 * starts again only the partitions not completed.
 */
final class PairPartitioner implements Partitioner {

	private final ParityStore store;

	private final ParityProperties properties;

	private final long runId;

	private final int pairsPerPartition;

	private final int workers;

	/**
	 * @param store the store
	 * @param properties the settings
	 * @param runId the run
	 * @param partitioning the workers and the partition size, as the job's parameters
	 * keep them (the same for its restarts)
	 */
	PairPartitioner(ParityStore store, ParityProperties properties, long runId,
			ParityJobParameters.Partitioning partitioning) {
		this.store = store;
		this.properties = properties;
		this.runId = runId;
		this.pairsPerPartition = partitioning.partitionSize();
		this.workers = partitioning.workers();
	}

	/**
	 * @param gridSize not used: the job's parameters name the workers
	 * @return the partitions by name, e.g. {@code cloudwatch-us-east-1-002}
	 */
	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		int workers = this.workers;
		Map<String, List<Integer>> ordinals = new LinkedHashMap<>();
		Map<String, String> types = new LinkedHashMap<>();
		for (RunPairRow row : this.store.runs().pairs(this.runId)) {
			PairMapping pair = PairDefinitions.fromJson(row.definition());
			String scope = Sources.quotaScope(pair, this.properties);
			types.put(scope, pair.oldType());
			ordinals.computeIfAbsent(scope, (s) -> new ArrayList<>()).add(row.ordinal());
		}
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		ordinals.forEach((scope, list) -> {
			int ranges = (list.size() + this.pairsPerPartition - 1) / this.pairsPerPartition;
			double share = 1.0 / Math.max(1, Math.min(ranges, workers));
			for (int k = 0; k < ranges; k++) {
				List<Integer> range = list.subList(k * this.pairsPerPartition,
						Math.min(list.size(), (k + 1) * this.pairsPerPartition));
				PairPartition partition = new PairPartition(types.get(scope), scope, range.get(0),
						range.get(range.size() - 1), share);
				partitions.put(String.format(Locale.ROOT, "%s-%03d", slug(scope), k + 1), partition.toContext());
			}
		});
		return partitions;
	}

	private static String slug(String scope) {
		return scope.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}

}
