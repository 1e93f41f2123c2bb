package dev.dualrun.parity.batch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.run.Partition;
import dev.dualrun.parity.store.ParityStore;

/**
 * Spring Batch's partitioner of a run's pairs for remote workers: the partitions of
 * {@link Partition#split}, each as its keys in a step execution context.
 */
final class PairPartitioner implements Partitioner {

	private final ParityStore store;

	private final ParityProperties properties;

	private final long runId;

	private final ParityJobParameters.Partitioning partitioning;

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
		this.partitioning = partitioning;
	}

	/**
	 * @param gridSize not used: the job's parameters name the workers
	 * @return the partitions by name
	 */
	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
		Partition
			.split(this.store, this.properties, this.runId, this.partitioning.partitionSize(),
					this.partitioning.workers())
			.forEach((name, partition) -> contexts.put(name, PartitionContext.of(partition)));
		return contexts;
	}

}
