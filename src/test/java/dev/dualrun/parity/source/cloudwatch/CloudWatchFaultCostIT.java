package dev.dualrun.parity.source.cloudwatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.demo.CloudWatchCompatibleServer;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.Sources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a fault costs in requests, counted by the CloudWatch-compatible server through the
 * real SDK: a query the service fails on every attempt is isolated at one request per
 * half that holds it once its first call has used its attempts, and a call too large to
 * be answered within the attempt timeout is split until its halves are answered.
 */
class CloudWatchFaultCostIT {

	private static final int ATTEMPTS = 3;

	@TempDir
	Path work;

	private CloudWatchCompatibleServer server;

	@BeforeEach
	void start() throws Exception {
		System.setProperty("aws.accessKeyId", "fault-cost");
		System.setProperty("aws.secretAccessKey", "fault-cost");
		this.server = CloudWatchCompatibleServer.start(Clock.systemUTC(), null);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aQueryTheServiceFailsOnCostsOneRequestPerHalfThatHoldsIt() throws Exception {
		this.server.faults().failMetric("M5");
		List<SeriesResult> results = fetch(13, Duration.ofSeconds(30));
		assertThat(results).hasSize(13);
		assertThat(results.stream().filter((r) -> !r.isOk()).map(SeriesResult::pairId)).containsExactly("m5");
		// the first call's attempts, then two halves at each of ceil(log2 13) = 4 levels,
		// the query alone with its attempts
		long requests = this.server.calls("GetMetricData");
		System.out.println("one failing query among 13: " + requests + " GetMetricData requests");
		assertThat(requests).isLessThanOrEqualTo(ATTEMPTS + 2 * 4 + ATTEMPTS - 1);
	}

	@Test
	void aCallEightTimesTooSlowIsSplitThreeTimes() throws Exception {
		// 32 queries take 3.2 s; 4 take 0.4 s, within the attempt timeout
		this.server.faults().delayPerQuery(Duration.ofMillis(100));
		List<SeriesResult> results = fetch(32, Duration.ofMillis(600));
		assertThat(results).hasSize(32).allMatch(SeriesResult::isOk);
		assertThat(this.server.calls("GetMetricData")).isEqualTo(ATTEMPTS + 2 + 4 + 8);
	}

	@Test
	void aCallNotAnsweredInTimeIsSplitUntilItsHalvesAre() throws Exception {
		// 16 queries take 3.2 s and 8 take 1.6 s, over the attempt timeout; 4 take 0.8 s
		this.server.faults().delayPerQuery(Duration.ofMillis(200));
		List<SeriesResult> results = fetch(16, Duration.ofMillis(1200));
		assertThat(results).hasSize(16).allMatch(SeriesResult::isOk);
		long requests = this.server.calls("GetMetricData");
		System.out.println("a call of 16 queries too slow for its attempts: " + requests + " GetMetricData requests");
		// the first call's attempts, its two halves once each, their four halves
		assertThat(requests).isEqualTo(ATTEMPTS + 2 + 4);
	}

	private List<SeriesResult> fetch(int pairs, Duration attemptTimeout) throws Exception {
		String mapping = "defaults: { period: 1m }\npairs:\n" + IntStream.range(0, pairs)
			.mapToObj((i) -> "  - id: m" + i + "\n    cloudwatch: { namespace: Cost, metric: M" + i
					+ ", statistic: Sum }\n    prometheus: { query: 'sum(m" + i + ")' }\n")
			.collect(Collectors.joining());
		List<PairMapping> pairList = Sources.mappingLoader()
			.load(Files.writeString(this.work.resolve("cost.yml"), mapping))
			.pairs();
		CloudWatchSettings settings = new CloudWatchSettings("us-east-1", this.server.endpoint().toString(), null, null,
				ATTEMPTS, 100.0, null, null, attemptTimeout);
		Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		QueryWindow window = new QueryWindow(end.minus(Duration.ofHours(1)), end, Duration.ofMinutes(1));
		List<SeriesResult> results = new ArrayList<>();
		try (CloudWatchClient client = CloudWatchClientFactory.create(settings)) {
			new CloudWatchSource(client, "test", new CloudWatchClientFactory.AttemptCounter()).fetch(pairList, window,
					results::add);
		}
		return results;
	}

}
