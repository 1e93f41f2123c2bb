package dev.dualrun.parity.source.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pairs of several regions: calls never mix two, and each region keeps its own client.
 */
class RegionalCloudWatchSourceTest {

	@Test
	void callsNeverMixRegionsAndThePairsOfTheRunsRegionNeedNoRegion() {
		List<PairMapping> pairs = dev.dualrun.parity.source.Sources.mappingLoader()
			.load(Fixtures.mappingPath("cloudwatch/regions.yml"))
			.pairs();
		assertThat(((CloudWatchQuery) pairs.get(1).old()).describe()).endsWith(" in eu-west-1");
		Instant start = Instant.parse("2026-11-30T00:00:00Z");
		QueryWindow window = new QueryWindow(start, start.plus(Duration.ofHours(1)), Duration.ofMinutes(1));
		try (RegionalCloudWatchSource source = new RegionalCloudWatchSource(
				CloudWatchSettings.of("us-east-1", "http://127.0.0.1:9", null))) {
			List<List<PairMapping>> calls = source.plan(pairs, window);
			assertThat(calls).hasSize(2);
			assertThat(calls.get(0)).extracting(PairMapping::id).containsExactly("a", "c");
			assertThat(calls.get(1)).extracting(PairMapping::id).containsExactly("b", "d");
			// no call made yet: the run's region alone
			assertThat(source.backend().region()).isEqualTo("us-east-1");
		}
	}

}
