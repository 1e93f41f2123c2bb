package dev.dualrun.parity.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.dualrun.parity.testing.Fixtures;
import dev.dualrun.parity.testing.TestStore;
import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.run.Partition;
import dev.dualrun.parity.source.cloudwatch.CloudWatchSettings;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunPairRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.dualrun.parity.testing.TestStore;

/**
 * The partitions of remote workers: by the old side's quota first (a CloudWatch region,
 * an Azure subscription), then ranges in plan order; each partition's share of its quota;
 * the same partitions every time; and each worker's pairs exactly its partition's.
 */
class PairPartitionerTest {

	private static final Instant T = Instant.parse("2026-11-30T00:00:00Z");

	private ParityStore store;

	private long runId;

	private final ParityProperties home = properties("us-east-1");

	@BeforeEach
	void planARun() {
		// plan order: us-east-1 (the run's), eu-west-1, us-east-1 again, then Azure
		List<PairMapping> pairs = Fixtures.mapping("batch/partitions.yml").pairs();
		this.store = ParityStore.open(TestStore.fresh(), Clock.systemUTC());
		this.runId = this.store.runs().insert("m.yml", null, null, null, 600, T, 1L);
		List<RunPairRow> rows = new ArrayList<>();
		for (int i = 0; i < pairs.size(); i++) {
			rows.add(new RunPairRow(this.runId, pairs.get(i).id(), i, 60, T, T.plusSeconds(3600),
					PairDefinitions.toJson(pairs.get(i)), null));
		}
		this.store.plan(this.runId, rows);
	}

	@Test
	void partitionsSplitByQuotaThenRangesAndShareEachQuotaAmongTheWorkers() {
		Map<String, ExecutionContext> partitions = partitioner(2, 4).partition(99);
		assertThat(partitions).containsOnlyKeys("cloudwatch-us-east-1-001", "cloudwatch-us-east-1-002",
				"cloudwatch-us-east-1-003", "cloudwatch-eu-west-1-001", "azure-monitor-aaaa-1-001",
				"azure-monitor-bbbb-2-001");
		// us-east-1: ordinals 0, 1, 2, 5, 6 in ranges of 2 (the explicit region is the
		// run's)
		Partition first = PartitionContext.partition(partitions.get("cloudwatch-us-east-1-001"));
		Partition second = PartitionContext.partition(partitions.get("cloudwatch-us-east-1-002"));
		assertThat(first).isEqualTo(new Partition("cloudwatch", "cloudwatch us-east-1", 0, 1, 1.0 / 3));
		assertThat(second.first()).isEqualTo(2);
		assertThat(second.last()).isEqualTo(5);
		assertThat(PartitionContext.partition(partitions.get("cloudwatch-eu-west-1-001")).share()).isEqualTo(1.0);
		// a subscription's id is case-insensitive
		assertThat(PartitionContext.partition(partitions.get("azure-monitor-aaaa-1-001")).last()).isEqualTo(8);
		// only keys travel in a partition's context
		assertThat(partitions.get("cloudwatch-us-east-1-002").entrySet()).hasSize(5);
		// the same partitions every time: a restart finds the same names
		assertThat(partitioner(2, 4).partition(1)).isEqualTo(partitions);
	}

	@Test
	void aQuotaSharedByAsManyPartitionsAsWorkersGivesEachItsShare() {
		Map<String, ExecutionContext> byTwo = partitioner(2, 2).partition(2);
		Partition p = PartitionContext.partition(byTwo.get("cloudwatch-us-east-1-001"));
		assertThat(p.share()).isEqualTo(0.5);
		CloudWatchSettings shared = p.settings(this.home).sources().get(CloudWatchSettings.class).orElseThrow();
		assertThat(shared.maxTps()).isEqualTo(5.0);
		assertThat(shared.concurrency()).isEqualTo(2);
		// one worker: the whole quota
		assertThat(PartitionContext.partition(partitioner(2, 1).partition(1).get("cloudwatch-us-east-1-001")).share())
			.isEqualTo(1.0);
	}

	@Test
	void aWorkerTakesExactlyItsPartitionsPairsAndRefusesAPartitionOfAnotherRegion() {
		Map<String, ExecutionContext> partitions = partitioner(2, 2).partition(2);
		List<String> taken = new ArrayList<>();
		partitions.values()
			.forEach((c) -> Partition.unjudged(this.store, this.runId, PartitionContext.partition(c), this.home)
				.forEach((row) -> taken.add(row.pairId())));
		assertThat(taken).hasSize(10).doesNotHaveDuplicates();
		assertThat(Partition.unjudged(this.store, this.runId,
				PartitionContext.partition(partitions.get("cloudwatch-us-east-1-002")), this.home))
			.extracting(RunPairRow::pairId)
			.containsExactly("cw-2", "cw-5");
		// a worker set up for another region than the manager
		assertThatThrownBy(() -> Partition.unjudged(this.store, this.runId,
				PartitionContext.partition(partitions.get("cloudwatch-us-east-1-001")), properties("eu-north-1")))
			.isInstanceOf(ConfigurationException.class)
			.hasMessageContaining("none of its pairs in 'cloudwatch us-east-1'");
	}

	private PairPartitioner partitioner(int size, int workers) {
		return new PairPartitioner(this.store, this.home, this.runId,
				new ParityJobParameters.Partitioning(workers, size));
	}

	private static ParityProperties properties(String region) {
		return SettingsBinding.of(Map.of("parity.cloudwatch.region", region));
	}

}
