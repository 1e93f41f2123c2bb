package dev.dualrun.parity.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.demo.CloudWatchCompatibleServer;
import dev.dualrun.parity.store.PairResultRow;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunRow;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.DualRunBackends;
import dev.dualrun.parity.testing.DualRunFixture;
import dev.dualrun.parity.testing.FaultyProxy;
import dev.dualrun.parity.testing.RealPrometheus;

/**
 * The night under faults, through the CLI against the real Prometheus and the
 * CloudWatch-compatible server: 20 % of the requests to either backend failing with 503,
 * 429, 500 or throttling give the verdicts of a clean run (the retries are counted), and
 * one query that CloudWatch refuses in a call of 500 costs only its own pair.
 */
class FaultToleranceIT {

	@TempDir
	static Path work;

	private static DualRunBackends backends;

	private static CloudWatchCompatibleServer cloudwatch;

	private static RealPrometheus prometheus;

	private static Instant from;

	private static Instant to;

	private static Path mapping;

	private static Map<String, String> clean;

	@BeforeAll
	static void startBackends() throws Exception {
		Instant now = Clock.systemUTC().instant();
		backends = DualRunBackends.start(work, now, 7);
		DualRunFixture fixture = backends.fixture;
		cloudwatch = backends.cloudwatch;
		prometheus = backends.prometheus;
		// short pauses between attempts keep the suite fast; the strategy is the same
		System.setProperty("parity.prometheus.retry.initial-backoff", "20ms");
		System.setProperty("parity.prometheus.retry.max-attempts", "6");
		long p = 300;
		from = Instant.ofEpochSecond((fixture.start.getEpochSecond() / p + 12) * p);
		to = Instant.ofEpochSecond((now.getEpochSecond() - 900) / p * p);
		mapping = work.resolve("mapping.yml");
		Files.copy(Path.of("src/test/resources/it/dual-run-mapping.yml"), mapping);
		CliRun run = run(mapping, prometheus.url(), "clean");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
		clean = verdicts("clean");
		assertThat(clean).hasSize(10).doesNotContainValue("ERROR");
	}

	@AfterAll
	static void stopBackends() throws Exception {
		backends.close();
		System.clearProperty("parity.prometheus.retry.initial-backoff");
		System.clearProperty("parity.prometheus.retry.max-attempts");
	}

	@AfterEach
	void clearFaults() {
		cloudwatch.faults().clear();
	}

	@Test
	void prometheusFailing20PercentWith503GivesTheVerdictsOfACleanRun() throws Exception {
		assertSameVerdictsThroughProxy(503, "p503");
	}

	@Test
	void prometheusFailing20PercentWith429GivesTheVerdictsOfACleanRun() throws Exception {
		assertSameVerdictsThroughProxy(429, "p429");
	}

	private static void assertSameVerdictsThroughProxy(int status, String name) throws Exception {
		try (FaultyProxy proxy = FaultyProxy.start(prometheus.url(), 0.2, status, 11)) {
			CliRun run = run(mapping, proxy.url(), name);
			assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
			assertThat(verdicts(name)).isEqualTo(clean);
			RunRow row = store(name).latestRuns(1).get(0);
			assertThat(proxy.failed()).isPositive();
			assertThat(row.neu().retries()).isEqualTo(proxy.failed());
			assertThat(run.out()).contains("(" + proxy.failed() + " retried)");
		}
	}

	@Test
	void cloudWatchFailing20PercentWithErrorsOrThrottlingGivesTheVerdictsOfACleanRun() {
		for (boolean throttling : List.of(false, true)) {
			String name = throttling ? "cwthrottle" : "cw500";
			long before = cloudwatch.calls("GetMetricData");
			cloudwatch.faults().failRandomly(0.2, throttling, 5);
			// a mapping of 500 pairs makes several calls, so some of them fail
			Path many = manyPairs(120, null, name);
			CliRun run = run(many, prometheus.url(), name);
			cloudwatch.faults().clear();
			assertThat(run.exitCode()).as(run.err()).isZero();
			RunRow row = store(name).latestRuns(1).get(0);
			assertThat(row.passCount()).isEqualTo(120);
			assertThat(row.old().calls() + row.old().retries()).isEqualTo(cloudwatch.calls("GetMetricData") - before);
		}
	}

	@Test
	void aQueryCloudWatchRefusesInACallOf500CostsOnlyItsOwnPair() {
		cloudwatch.faults().refuseMetric("RefusedOnPurpose");
		long before = cloudwatch.calls("GetMetricData");
		Path many = manyPairs(499, "RefusedOnPurpose", "refused");
		CliRun run = run(many, prometheus.url(), "refused");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
		RunRow row = store("refused").latestRuns(1).get(0);
		Map<String, PairResultRow> results = new TreeMap<>();
		store("refused").results().results(row.id()).forEach((r) -> results.put(r.pairId(), r));
		assertThat(results).hasSize(500);
		assertThat(results.get("refused").verdict().name()).isEqualTo("ERROR");
		assertThat(results.get("refused").error()).contains("InvalidParameterValue", "RefusedOnPurpose",
				"pair 'refused'");
		assertThat(results.values().stream().filter((r) -> r.verdict().name().equals("PASS")).count()).isEqualTo(499);
		assertThat(row.errorCount()).isEqualTo(1);
		long calls = cloudwatch.calls("GetMetricData") - before;
		assertThat(row.old().calls()).isEqualTo(calls);
		// one whole call, then halves down to the one query: at most 2 calls per level
		assertThat(calls).isBetween(3L, 1L + 2 * 9);
		assertThat(run.out()).contains("1 error");
	}

	/**
	 * A mapping of copies of an equivalent pair, and optionally one pair whose metric the
	 * server refuses, placed in the middle.
	 */
	private static Path manyPairs(int copies, String refusedMetric, String name) {
		StringBuilder yaml = new StringBuilder("defaults: { period: 5m }\npairs:\n");
		for (int i = 0; i < copies; i++) {
			if (refusedMetric != null && i == copies / 2) {
				pair(yaml, "refused", refusedMetric);
			}
			pair(yaml, "latency-root-get-" + i, "EndpointLatency");
		}
		Path file = work.resolve(name + "-mapping.yml");
		try {
			Files.writeString(file, yaml);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return file;
	}

	private static void pair(StringBuilder yaml, String id, String metric) {
		yaml.append("  - id: ").append(id).append("\n");
		yaml.append("    cloudwatch: { namespace: FlaskApp, metric: ")
			.append(metric)
			.append(", dimensions: { Endpoint: \"/\", Method: GET }, statistic: Average, unit: Seconds }\n");
		yaml.append("    prometheus:\n      query: 'sum by (path, method) (increase(flask_http_request_duration_"
				+ "seconds_sum{path=\"/\",method=\"GET\"}[${period}])) / sum by (path, method) (increase(flask_http_"
				+ "request_duration_seconds_count{path=\"/\",method=\"GET\"}[${period}]))'\n");
	}

	private static CliRun run(Path mappingFile, String prometheusUrl, String name) {
		List<String> args = new ArrayList<>(List.of("run", "--from", from.toString(), "--to", to.toString(),
				"--prometheus-url", prometheusUrl, "--cloudwatch-endpoint", cloudwatch.endpoint().toString(),
				"--cloudwatch-region", "us-east-1", "--data-dir", work.resolve(name).toString(), "--reports-dir",
				work.resolve(name + "-reports").toString(), "--mapping", mappingFile.toString()));
		return CliRun.of(args);
	}

	private static Map<String, String> verdicts(String name) {
		ParityStore store = store(name);
		Map<String, String> byId = new TreeMap<>();
		store.results()
			.results(store.latestRuns(1).get(0).id())
			.forEach((r) -> byId.put(r.pairId(), r.verdict().name()));
		return byId;
	}

	private static ParityStore store(String name) {
		return backends.store(name);
	}

}
