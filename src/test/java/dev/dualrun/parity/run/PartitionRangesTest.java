package dev.dualrun.parity.run;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's partitions hold whole calls of the old side, so that their calls add up to
 * those of one process: 250 CloudWatch pairs of a day at one minute make 4 calls of at
 * most 70 pairs; ranges of 100 pairs cut 3 of them and made 5 calls.
 */
class PartitionRangesTest {

	private static final List<List<Integer>> CALLS = calls(70, 70, 70, 40);

	@Test
	void rangesHoldWholeCallsUpToTheirSize() {
		assertThat(sizes(Partition.ranges(CALLS, 100))).containsExactly(70, 70, 70, 40);
		assertThat(sizes(Partition.ranges(CALLS, 150))).containsExactly(140, 110);
		assertThat(sizes(Partition.ranges(CALLS, 500))).containsExactly(250);
		assertThat(Partition.ranges(CALLS, 150).get(1)).startsWith(140).endsWith(249);
	}

	@Test
	void aCallOfMorePairsThanARangeIsCut() {
		assertThat(sizes(Partition.ranges(CALLS, 50))).containsExactly(50, 20, 50, 20, 50, 20, 40);
		assertThat(sizes(Partition.ranges(calls(1, 1, 1, 1, 1), 2))).containsExactly(2, 2, 1);
	}

	private static List<List<Integer>> calls(int... sizes) {
		List<List<Integer>> calls = new ArrayList<>();
		int next = 0;
		for (int size : sizes) {
			calls.add(IntStream.range(next, next + size).boxed().toList());
			next += size;
		}
		return calls;
	}

	private static List<Integer> sizes(List<List<Integer>> ranges) {
		return ranges.stream().map(List::size).toList();
	}

}
