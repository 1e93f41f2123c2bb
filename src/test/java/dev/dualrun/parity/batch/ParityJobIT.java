package dev.dualrun.parity.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.demo.CloudWatchCompatibleServer;
import dev.dualrun.parity.store.PairResultRow;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.StoreJson;
import dev.dualrun.parity.store.RunRow;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.DualRunBackends;
import dev.dualrun.parity.testing.DualRunFixture;
import dev.dualrun.parity.testing.Fixtures;
import dev.dualrun.parity.testing.RealPrometheus;

/**
 * The whole job through the CLI: the real Prometheus (backfilled TSDB, scrapes off the
 * grid) and the CloudWatch-compatible server filled through the real SDK, on a dataset
 * with known answers; then bad input, a backend down, and a restart.
 */
class ParityJobIT {

	@TempDir
	static Path work;

	private static DualRunBackends backends;

	private static CloudWatchCompatibleServer cloudwatch;

	private static RealPrometheus prometheus;

	private static DualRunFixture fixture;

	private static Instant from;

	private static Instant to;

	private static Path mapping;

	@BeforeAll
	static void startBackends() throws Exception {
		Instant now = Clock.systemUTC().instant();
		backends = DualRunBackends.start(work, now, 7);
		fixture = backends.fixture;
		cloudwatch = backends.cloudwatch;
		prometheus = backends.prometheus;
		// a Prometheus that is down is tried again with short pauses in these tests
		System.setProperty("parity.prometheus.retry.initial-backoff", "20ms");
		long p = 300;
		from = Instant.ofEpochSecond((fixture.start.getEpochSecond() / p + 12) * p);
		to = Instant.ofEpochSecond((now.getEpochSecond() - 900) / p * p);
		mapping = work.resolve("mapping.yml");
		Files.copy(Path.of("src/test/resources/it/dual-run-mapping.yml"), mapping);
	}

	@AfterAll
	static void stopBackends() throws Exception {
		backends.close();
		System.clearProperty("parity.prometheus.retry.initial-backoff");
	}

	@Test
	void judgesKnownAnswersAgainstRealPrometheus() {
		CliRun run = run(List.of("--mapping", mapping.toString()), prometheus.url(), "main");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
		assertThat(run.out()).contains("report: ");
		RunRow row = store("main").latestRuns(1).get(0);
		Map<String, PairResultRow> results = results("main", row.id());
		assertThat(results).hasSize(10);
		for (String pass : List.of("latency-root-get", "requests-root-get", "latency-p95-users-get",
				"errors-orders-post", "latency-ms-orders-post-math")) {
			assertThat(results.get(pass).verdict().name()).as(pass + ": " + results.get(pass).summary())
				.isEqualTo("PASS");
		}
		assertVerdict(results, "latency-users-get", "FAIL", "BIAS");
		assertThat(results.get("latency-users-get").bias()).isBetween(0.05, 0.07);
		assertVerdict(results, "requests-orders-get", "FAIL", "GAP_NEW");
		assertVerdict(results, "requests-users-get", "FAIL", "SHIFT");
		assertThat(results.get("requests-users-get").bestLag()).isEqualTo(1);
		assertVerdict(results, "payment-latency-orders-post", "FAIL", "UNIT_FACTOR");
		assertVerdict(results, "requests-all-by-path", "FAIL", "CARDINALITY");
		assertThat(results.get("requests-all-by-path").summary())
			.contains("8 series where one was meant", "path=/api/users")
			.contains("sum by the labels that map the CloudWatch dimensions");
		assertThat(row.old().calls()).isEqualTo(row.oldMinCalls()).isEqualTo(1);
		assertThat(row.neu().version()).startsWith("2.");
		assertThat(results.get("requests-orders-get").summary()).contains("(9 periods)");
		// the percentile is held to the buckets real Prometheus lists for its histogram
		assertThat(results.get("latency-p95-users-get").notes())
			.contains("judged against the buckets of the Prometheus histogram (18 bounds, 0.005 s to 5 s)");
		assertThat(store("main").results().evidence(row.id(), "latency-p95-users-get", EvidenceRow.Side.NEW))
			.hasValueSatisfying((e) -> assertThat(e.bucketBounds()).startsWith("[0.005,0.01,0.02,"));
	}

	@Test
	void aDryRunStatesCallsMetricsAndTheirPriceWithoutAnyDataCall() {
		long before = cloudwatch.calls("GetMetricData");
		CliRun run = run(List.of("--mapping", mapping.toString(), "--dry-run"), prometheus.url(), "dry");
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("dry run: 10 pair(s) of " + mapping, "no data call made",
				"CloudWatch: at least 1 call(s), 11 metric(s) requested; 0.00011 USD at 0.01 USD per 1,000 metrics "
						+ "requested (list prices as known on 2026-12-01, not re-checked",
				"Prometheus: 10 query_range request(s)");
		assertThat(cloudwatch.calls("GetMetricData")).isEqualTo(before);
		CliRun priced = run(List.of("--mapping", mapping.toString(), "--dry-run", "--pair", "latency-root-get"),
				prometheus.url(), "dry-priced");
		assertThat(priced.out()).contains("dry run: 1 pair(s)");
		assertThat(store("main").latestRuns(100).stream().noneMatch((r) -> r.mappingSource().contains("dry"))).isTrue();
	}

	@Test
	void theVerdictsGoToATextfileThatPromtoolParses() throws Exception {
		Path prom = work.resolve("textfile").resolve("parity.prom");
		CliRun run = run(List.of("--mapping", mapping.toString(), "--textfile", prom.toString()), prometheus.url(),
				"textfile");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
		String text = Files.readString(prom);
		String m = "mapping=\"" + mapping + "\"";
		assertThat(text).contains("parity_pair_verdict{" + m + ",pair=\"latency-users-get\",verdict=\"FAIL\"} 1",
				"parity_pair_passing{" + m + ",pair=\"latency-root-get\"} 1",
				"parity_pair_passing{" + m + ",pair=\"latency-users-get\"} 0",
				"parity_run_pairs{" + m + ",verdict=\"FAIL\"} 5", "parity_run_completed{" + m + "} 1",
				"# TYPE parity_run_timestamp_seconds gauge");
		assertThat(promtool(text)).as("promtool check metrics").isEmpty();
		// and promtool does refuse what is not the text format
		assertThat(promtool(text + "parity_broken{pair=\"x} 1\n")).isNotEmpty();
	}

	/**
	 * @return promtool's complaints, empty when it accepts the text
	 */
	private static String promtool(String text) throws Exception {
		Process p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
		try (var in = p.getOutputStream()) {
			in.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		return (p.waitFor() == 0) ? out.strip() : "exit " + p.exitValue() + ": " + out.strip();
	}

	@Test
	void pushesTheVerdictsToAPushgatewayThatPrometheusScrapes() throws Exception {
		try (dev.dualrun.parity.testing.RealPushgateway gateway = dev.dualrun.parity.testing.RealPushgateway
			.start(work.resolve("pushgateway"));
				dev.dualrun.parity.testing.RealPrometheus scraper = dev.dualrun.parity.testing.RealPrometheus
					.launch(work.resolve("scraper"), """
							global: { scrape_interval: 1s }
							scrape_configs:
							  - job_name: pushgateway
							    honor_labels: true
							    static_configs: [ { targets: [ '%s' ] } ]
							""".formatted(gateway.target()), List.of())) {
			CliRun pushed = run(List.of("--mapping", mapping.toString(), "--metric",
					"latency-root-get,latency-users-get", "--pushgateway", gateway.url()), prometheus.url(), "pushed");
			assertThat(pushed.exitCode()).as(pushed.out() + pushed.err()).isEqualTo(1);
			// what the Pushgateway holds, as Prometheus scraped it
			String query = scraper.url() + "/api/v1/query?query=" + java.net.URLEncoder
				.encode("parity_pair_passing{job=\"parity-validator\"}", java.nio.charset.StandardCharsets.UTF_8);
			String body = "";
			for (int i = 0; i < 100 && !body.contains("latency-users-get"); i++) {
				Thread.sleep(200);
				body = new String(java.net.URI.create(query).toURL().openStream().readAllBytes(),
						java.nio.charset.StandardCharsets.UTF_8);
			}
			assertThat(body).contains("\"pair\":\"latency-root-get\"", "\"pair\":\"latency-users-get\"",
					"\"mapping\":\"" + mapping + "\"");
			assertThat(body).containsPattern("\"pair\":\"latency-users-get\"[^}]*\\},\"value\":\\[[0-9.]+,\"0\"\\]");
		}
	}

	@Test
	void exitZeroMakesACompletedRunWithAFailingPairExitZero() {
		CliRun plain = run(List.of("--mapping", mapping.toString(), "--metric", "latency-users-get"), prometheus.url(),
				"exit-zero");
		assertThat(plain.exitCode()).as(plain.out() + plain.err()).isEqualTo(1);
		CliRun zero = run(List.of("--mapping", mapping.toString(), "--metric", "latency-users-get", "--exit-zero"),
				prometheus.url(), "exit-zero");
		assertThat(zero.exitCode()).as(zero.out() + zero.err()).isZero();
		assertThat(zero.out()).contains("NOT ALL PASS", "1 fail");
	}

	@Test
	void aPushgatewayThatCannotBeReachedIsExit3NamingWhyAndTheRunIsStored() {
		CliRun run = run(List.of("--mapping", mapping.toString(), "--metric", "latency-root-get", "--pushgateway",
				"http://127.0.0.1:1"), prometheus.url(), "pushgateway-down");
		assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
		assertThat(run.out()).contains("PASS").doesNotContain("did not take the verdicts");
		assertThat(run.errLines()).as("standard error").hasSize(1);
		assertThat(run.errLines().get(0)).startsWith("parity-validator: run 1 completed, but its verdicts were not "
				+ "delivered: the Pushgateway at http://127.0.0.1:1 did not take the verdicts: ");
		assertThat(store("pushgateway-down").latestRuns(1).get(0).status()).isEqualTo("COMPLETED");
	}

	@Test
	void aTextfileThatCannotBeWrittenIsExit3NamingWhyAndTheRunIsStored() throws IOException {
		Path notADirectory = Files.writeString(work.resolve("textfile-parent-is-a-file"), "x");
		CliRun run = run(
				List.of("--mapping", mapping.toString(), "--metric", "latency-root-get", "--textfile",
						notADirectory.resolve("parity.prom").toString(), "--exit-zero"),
				prometheus.url(), "textfile-unwritable");
		assertThat(run.exitCode()).as("even with --exit-zero: " + run.out() + run.err()).isEqualTo(3);
		assertThat(run.errLines()).as("standard error").hasSize(1);
		assertThat(run.errLines().get(0))
			.startsWith("parity-validator: run 1 completed, but its verdicts were not delivered: "
					+ "cannot write the textfile ")
			.contains("not a directory");
		assertThat(run.out()).as("said once").doesNotContain("cannot write the textfile");
		long runId = store("textfile-unwritable").latestRuns(1).get(0).id();
		assertThat(store("textfile-unwritable").run(runId).orElseThrow().status()).isEqualTo("COMPLETED");
		assertThat(Files.readString(work.resolve("textfile-unwritable-reports").resolve("index.html")))
			.contains("COMPLETED");
	}

	@Test
	void reRendersAStoredRunWithoutBackends() throws IOException {
		run(List.of("--mapping", mapping.toString(), "--metric", "latency-root-get"), prometheus.url(), "rerender");
		long runId = store("rerender").latestRuns(1).get(0).id();
		Path reports = work.resolve("rerender-reports");
		Files.delete(reports.resolve("run-" + runId + ".html"));
		CliRun report = CliRun.of(List.of("report", "--run", Long.toString(runId), "--data-dir",
				work.resolve("rerender").toString(), "--reports-dir", reports.toString()));
		assertThat(report.exitCode()).as(report.err()).isZero();
		String html = Files.readString(reports.resolve("run-" + runId + ".html"));
		assertThat(html).contains("latency-root-get", "Content-Security-Policy", "1 of 1 pairs pass");
		assertThat(Files.readString(reports.resolve("run-" + runId + ".json")))
			.contains("\"schemaVersion\" : 2", "\"old\" : {\n      \"system\" : \"CloudWatch\"", "\"oldQuery\" : ")
			.contains("\"schema\" : \"parity-validator/run\"", "\"verdict\" : \"PASS\"")
			.doesNotContain("\"cloudwatch\" : {\n      \"d\"");
		assertThat(Files.readString(reports.resolve("run-" + runId + ".junit.xml")))
			.contains("<testcase classname=\"parity\" name=\"latency-root-get\"");
		assertThat(Files.readString(reports.resolve("index.html"))).contains("href=\"run-" + runId + ".html\"");
		assertThat(html).contains("title=\"run " + runId + ": PASS\"");
		// the real 2.42 said its version: the report names the range-selector rule it
		// applied
		assertThat(html).contains("closed [t-P, t] (the Prometheus 2 rule)");
		assertThat(Files.readString(reports.resolve("run-" + runId + ".json")))
			.contains("\"rangeSelectors\" : \"closed [t-P, t] (the Prometheus 2 rule)\"");
	}

	@Test
	void rejudgesAStoredRunWithOtherTolerancesWithoutCallingABackend() {
		CliRun first = run(List.of("--mapping", mapping.toString(), "--metric", "latency-users-get,latency-root-get"),
				prometheus.url(), "rejudge");
		assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
		long runId = store("rejudge").latestRuns(1).get(0).id();
		long getMetricData = cloudwatch.calls("GetMetricData");
		CliRun again = CliRun.of(List.of("rejudge", "--run", Long.toString(runId), "--max-bias", "0.08", "--relative",
				"0.1", "--data-dir", work.resolve("rejudge").toString(), "--reports-dir",
				work.resolve("rejudge-reports").toString()));
		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(again.out()).contains(
				"judgement of run " + runId + " with relative 0.1, max-bias 0.08 (for every pair, in place of its own)",
				"2 pair(s): 2 pass", "changed: 1 pair(s): latency-users-get FAIL -> PASS");
		assertThat(cloudwatch.calls("GetMetricData")).isEqualTo(getMetricData);
		RunRow judgement = store("rejudge").latestRuns(1).get(0);
		assertThat(judgement.judgedFrom()).isEqualTo(runId);
		assertThat(results("rejudge", runId).get("latency-users-get").verdict().name()).as("the original stays")
			.isEqualTo("FAIL");
		assertThat(results("rejudge", judgement.id()).get("latency-users-get").verdict().name()).isEqualTo("PASS");
	}

	@Test
	void aPairFailingOnlyInItsNewestPeriodsThatChangeOnReReadIsUnsettled() throws IOException {
		Instant cut = to.minusSeconds(20 * 60);
		try (CloudWatchCompatibleServer late = CloudWatchCompatibleServer.start(Clock.systemUTC(), null);
				CloudWatchClient client = client(late)) {
			fixture.publish(client, (t) -> t.isBefore(cut));
			late.afterNextCall("GetMetricData", () -> fixture.publish(client, (t) -> !t.isBefore(cut)));
			List<String> args = new ArrayList<>(List.of("run", "--from", from.toString(), "--to", to.toString(),
					"--prometheus-url", prometheus.url(), "--cloudwatch-endpoint", late.endpoint().toString(),
					"--cloudwatch-region", "us-east-1", "--data-dir", work.resolve("late").toString(), "--reports-dir",
					work.resolve("late-reports").toString(), "--settle-recheck", "1s", "--mapping", mapping.toString(),
					"--metric", "requests-root-get"));
			CliRun run = CliRun.of(args);
			assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
			PairResultRow r = results("late", store("late").latestRuns(1).get(0).id()).get("requests-root-get");
			assertThat(r.verdict().name()).as(r.summary()).isEqualTo("UNSETTLED");
			assertThat(r.summary()).contains("newest 30 minutes changed when read again", "CloudWatch: 4 period(s)");
			assertThat(late.calls("GetMetricData")).isEqualTo(2);
		}
	}

	private static CloudWatchClient client(CloudWatchCompatibleServer server) {
		return DualRunBackends.client(server);
	}

	@Test
	void adHocRerunOfOneMetricPasses() {
		CliRun run = run(List.of("--mapping", mapping.toString(), "--metric", "latency-root-get"), prometheus.url(),
				"adhoc");
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("1 pair(s): 1 pass");
	}

	@Test
	void prometheusDownFailsTheRunWithExitCode3AndOneLine() {
		CliRun run = run(List.of("--mapping", mapping.toString(), "--metric", "latency-root-get,requests-root-get"),
				"http://127.0.0.1:1", "down");
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).hasSize(1);
		assertThat(run.errLines().get(0)).contains("every pair errored",
				"Prometheus not reachable at http://127.0.0.1:1");
		assertThat(store("down").latestRuns(1).get(0).status()).isEqualTo("FAILED");
	}

	@Test
	void queryErrorNamesTheQueryAndTheCause() throws IOException {
		Path bad = Fixtures.copy("mappings/job/query-refused-by-prometheus.yml", work.resolve("bad-query.yml"));
		CliRun run = run(List.of("--mapping", bad.toString()), prometheus.url(), "badquery");
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.errLines()).hasSize(1);
		assertThat(run.errLines().get(0)).contains("HTTP 400", "bad_data", "range vector",
				"sum by (path, method) (x[1m])");
	}

	@Test
	void aPromQlSyntaxErrorIsRefusedBeforeAnyCallWithExitCode2() throws IOException {
		Path bad = Fixtures.copy("mappings/job/promql-syntax-error.yml", work.resolve("bad-syntax.yml"));
		long before = cloudwatch.calls("GetMetricData");
		CliRun run = run(List.of("--mapping", bad.toString()), prometheus.url(), "badsyntax");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).hasSize(1);
		assertThat(run.errLines().get(0)).contains(
				bad + ":" + Fixtures.markedLine(bad) + ": broken: ERROR promql-syntax: PromQL does not parse",
				"column 14");
		assertThat(cloudwatch.calls("GetMetricData")).isEqualTo(before);
	}

	@Test
	void malformedMappingGivesExitCode2NamingFileLineAndField() throws IOException {
		Path bad = Fixtures.copy("mappings/job/statistic-avg.yml", work.resolve("bad-stat.yml"));
		CliRun run = run(List.of("--mapping", bad.toString()), prometheus.url(), "badmapping");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).hasSize(1);
		assertThat(run.errLines().get(0)).contains(
				bad + ":" + Fixtures.markedLine(bad) + ": pairs[0].cloudwatch.statistic: unknown statistic 'Avg'");
		// bad input is not a run: nothing is stored
		assertThat(store("badmapping").latestRuns(1)).isEmpty();
	}

	@Test
	void restartJudgesThePairsThatErrored() {
		CliRun first = run(List.of("--mapping", mapping.toString(), "--metric", "latency-root-get"),
				"http://127.0.0.1:1", "restart");
		assertThat(first.exitCode()).isEqualTo(3);
		long runId = store("restart").latestRuns(1).get(0).id();
		CliRun restart = CliRun.of(List.of("restart", "--run", Long.toString(runId), "--prometheus-url",
				prometheus.url(), "--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region",
				"us-east-1", "--data-dir", work.resolve("restart").toString(), "--reports-dir",
				work.resolve("restart-reports").toString()));
		assertThat(restart.exitCode()).as(restart.err()).isZero();
		RunRow row = store("restart").run(runId).orElseThrow();
		assertThat(row.status()).isEqualTo("COMPLETED");
		assertThat(row.passCount()).isEqualTo(1);
		assertThat(store("restart").latestRuns(5)).hasSize(1);
	}

	@Test
	void pruneDeletesOldRunsWithTheirEvidenceButNotWhatASignOffNeeds() throws IOException {
		for (int i = 0; i < 3; i++) {
			run(List.of("--mapping", mapping.toString(), "--metric", "latency-root-get"), prometheus.url(), "prune");
		}
		List<String> prune = List.of("prune", "--keep-runs", "1", "--data-dir", work.resolve("prune").toString(),
				"--reports-dir", work.resolve("prune-reports").toString());
		CliRun kept = CliRun.of(prune);
		assertThat(kept.exitCode()).as(kept.err()).isZero();
		assertThat(kept.out()).contains("prune: 2 run(s) kept for a sign-off (the newest 7 completed runs",
				"--signoff-runs 0 lets them go)", "prune: deleted 0 run(s)");
		List<String> all = new ArrayList<>(prune);
		all.addAll(List.of("--signoff-runs", "1"));
		CliRun pruned = CliRun.of(all);
		assertThat(pruned.exitCode()).as(pruned.err()).isZero();
		assertThat(pruned.out()).contains("deleting run 1 ", "deleting run 2 ", "prune: deleted 2 run(s)");
		assertThat(store("prune").latestRuns(10)).extracting(RunRow::id).containsExactly(3L);
		assertThat(store("prune").results().results(1)).isEmpty();
		assertThat(store("prune").results().evidence(1, "latency-root-get", EvidenceRow.Side.OLD)).isEmpty();
		assertThat(work.resolve("prune-reports").resolve("run-1.html")).doesNotExist();
		assertThat(work.resolve("prune-reports").resolve("run-3.html")).exists();
		assertThat(store("prune").results().results(3)).hasSize(1);
		// the index shows each run as it ended, and links no deleted report
		String index = Files.readString(work.resolve("prune-reports").resolve("index.html"));
		assertThat(index).contains("href=\"run-3.html\"", ">COMPLETED<")
			.doesNotContain("href=\"run-1.html\"", "href=\"run-2.html\"", ">RUNNING<");
	}

	private static void assertVerdict(Map<String, PairResultRow> results, String id, String verdict, String code) {
		PairResultRow r = results.get(id);
		assertThat(r.verdict().name()).as(id + ": " + r.summary()).isEqualTo(verdict);
		assertThat(StoreJson.diagnoses(r.diagnoses()).get(0).code().name()).as(id + ": " + r.summary()).isEqualTo(code);
	}

	private static CliRun run(List<String> extra, String prometheusUrl, String name) {
		List<String> args = new ArrayList<>(List.of("run", "--from", from.toString(), "--to", to.toString(),
				"--prometheus-url", prometheusUrl, "--cloudwatch-endpoint", cloudwatch.endpoint().toString(),
				"--cloudwatch-region", "us-east-1", "--data-dir", work.resolve(name).toString(), "--reports-dir",
				work.resolve(name + "-reports").toString()));
		args.addAll(extra);
		return CliRun.of(args);
	}

	private static ParityStore store(String name) {
		return backends.store(name);
	}

	private static Map<String, PairResultRow> results(String name, long runId) {
		Map<String, PairResultRow> byId = new HashMap<>();
		store(name).results().results(runId).forEach((r) -> byId.put(r.pairId(), r));
		return byId;
	}

}
