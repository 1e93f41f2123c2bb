package dev.dualrun.parity.source.prometheus.edge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.store.PairResultRow;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunRow;
import dev.dualrun.parity.store.StoreJson;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.Fixtures;
import dev.dualrun.parity.testing.LiveExporter;
import dev.dualrun.parity.testing.RealPrometheus;
import dev.dualrun.parity.testing.TestStore;
import dev.dualrun.parity.testing.WriteGate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edge Prometheus against the stores it feeds, all real Prometheus 2.42 servers on
 * loopback: the edge scrapes a live exporter every second and remote-writes to a central
 * store (dropping one family and adding a label to another on the way) and, through a
 * gate, to a second one; a third store federates the edge. The central store is stopped
 * for two minutes and started again, and the gate refuses writes for 30 s, while the
 * window passes. Then the job judges the window against each store.
 */
class EdgeCentreIT {

	private static final Duration PERIOD = Duration.ofSeconds(5);

	private static Path work;

	private static LiveExporter exporter;

	private static RealPrometheus central;

	private static RealPrometheus lossy;

	private static WriteGate gate;

	private static RealPrometheus edge;

	private static RealPrometheus federating;

	private static Instant from;

	private static Instant to;

	private static Instant refusedFrom;

	private static Instant refusedTo;

	@BeforeAll
	static void dualRun() throws Exception {
		work = Files.createTempDirectory("edge-centre");
		exporter = new LiveExporter(Map.of("app_jobs_total{kind=\"a\"}", 10.0, "app_jobs_total{kind=\"b\"}", 4.0,
				"app_dropped_total", 2.0, "app_labelled_total", 3.0));
		List<String> receiver = List.of("--web.enable-remote-write-receiver");
		central = RealPrometheus.launch(work.resolve("central"), "global: {}\n", receiver);
		lossy = RealPrometheus.launch(work.resolve("lossy"), "global: {}\n", receiver);
		gate = new WriteGate(lossy.url());
		edge = RealPrometheus.launch(work.resolve("edge"), edgeConfig(), List.of());
		federating = RealPrometheus.launch(work.resolve("federating"), federationConfig(), List.of());
		Instant started = Instant.now();
		from = align(started.plusSeconds(15)).plus(PERIOD);
		Thread.sleep(25_000);
		central.stop();
		Thread.sleep(30_000);
		refusedFrom = Instant.now();
		gate.open(false);
		Thread.sleep(30_000);
		gate.open(true);
		refusedTo = Instant.now();
		Thread.sleep(60_000);
		central.startAgain();
		Thread.sleep(10_000);
		to = align(Instant.now().minusSeconds(5));
		awaitCaughtUp(central, to);
		awaitCaughtUp(lossy, to);
	}

	private static String edgeConfig() {
		return """
				global:
				  scrape_interval: 1s
				  evaluation_interval: 1s
				  external_labels: { cluster: edge-1 }
				scrape_configs:
				  - job_name: app
				    static_configs: [ { targets: [ '%s' ] } ]
				  - job_name: edge
				    static_configs: [ { targets: [ '${self}' ] } ]
				remote_write:
				  - url: %s/api/v1/write
				    queue_config: { batch_send_deadline: 1s, min_backoff: 100ms, max_backoff: 2s }
				    write_relabel_configs:
				      - { source_labels: [ __name__ ], regex: app_dropped_total, action: drop }
				      - { source_labels: [ __name__ ], regex: app_labelled_total, target_label: region, replacement: eu }
				  - url: %s/api/v1/write
				    queue_config: { batch_send_deadline: 1s, min_backoff: 100ms, max_backoff: 2s }
				"""
			.formatted(exporter.target(), central.url(), gate.url());
	}

	private static String federationConfig() {
		return """
				global: { scrape_interval: 1s }
				scrape_configs:
				  - job_name: federate
				    honor_labels: true
				    metrics_path: /federate
				    params: { 'match[]': [ '{job="app"}' ] }
				    static_configs: [ { targets: [ '%s' ] } ]
				""".formatted(URI.create(edge.url()).getAuthority());
	}

	private static Instant align(Instant t) {
		long p = PERIOD.toSeconds();
		return Instant.ofEpochSecond(t.getEpochSecond() / p * p);
	}

	/** Waits until the store holds the edge's samples up to the window's end. */
	private static void awaitCaughtUp(RealPrometheus store, Instant end) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String query = URI.create(store.url() + "/api/v1/query?query=max(timestamp(app_jobs_total))").toString();
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			String body = http
				.send(HttpRequest.newBuilder(URI.create(query)).build(), HttpResponse.BodyHandlers.ofString())
				.body();
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([0-9.]+)\"\\]").matcher(body);
			if (m.find() && Double.parseDouble(m.group(1)) >= end.getEpochSecond() + 2) {
				return;
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException("the store at " + store.url() + " did not catch up with the edge by " + end);
	}

	@AfterAll
	static void stop() throws Exception {
		for (AutoCloseable c : new AutoCloseable[] { federating, edge, gate, lossy, central, exporter }) {
			if (c != null) {
				c.close();
			}
		}
	}

	private static Map<String, PairResultRow> run(String name, String centre, String... more) {
		return run(Fixtures.mappingPath("edge/centre.yml"), name, centre, more);
	}

	private static Map<String, PairResultRow> run(Path mapping, String name, String centre, String... more) {
		List<String> args = new ArrayList<>(List.of("run", "--mapping", mapping.toString(), "--from", from.toString(),
				"--to", to.toString(), "--edge-url", edge.url(), "--prometheus-url", centre, "--data-dir",
				work.resolve(name).toString(), "--reports-dir", work.resolve(name + "-reports").toString(), "--settle",
				"5s", "--settle-recheck", "0"));
		args.addAll(List.of(more));
		CliRun run = CliRun.of(args);
		assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 1);
		ParityStore store = ParityStore.open(TestStore.dataSource(work.resolve(name)), Clock.systemUTC());
		RunRow row = store.latestRuns(1).get(0);
		Map<String, PairResultRow> results = new HashMap<>();
		store.results().results(row.id()).forEach((r) -> results.put(r.pairId(), r));
		return results;
	}

	private static List<Diagnosis> diagnoses(PairResultRow row) {
		return StoreJson.diagnoses(row.diagnoses());
	}

	@Test
	void theCentralStoreHoldsWhatTheEdgeSawOnceItCaughtUpExceptWhatWasChangedOnTheWay() {
		Map<String, PairResultRow> results = run("central", central.url());
		assertThat(results.get("jobs").verdict().name()).as(results.get("jobs").summary()).isEqualTo("PASS");
		assertThat(results.get("queue-depth").verdict().name()).as(results.get("queue-depth").summary())
			.isEqualTo("PASS");
		PairResultRow dropped = results.get("dropped");
		assertThat(dropped.verdict().name()).isEqualTo("FAIL");
		assertThat(diagnoses(dropped).get(0).code()).as(dropped.summary()).isEqualTo(Diagnosis.Code.FAMILY_MISSING);
		assertThat(diagnoses(dropped).get(0).message()).contains("the family app_dropped_total");
		PairResultRow labelled = results.get("labelled");
		assertThat(labelled.verdict().name()).isEqualTo("FAIL");
		assertThat(diagnoses(labelled).get(0).code()).as(labelled.summary()).isEqualTo(Diagnosis.Code.IDENTITY);
		assertThat(diagnoses(labelled).get(0).message()).contains("added region=\"eu\"");
		assertThat(results.get("labelled-declared").verdict().name()).as(results.get("labelled-declared").summary())
			.isEqualTo("PASS");
	}

	@Test
	void aLabelAddedOnTheWayIsDeclaredByTheWrittenFixAndThePairThenPasses() throws Exception {
		assertThat(run("labelled", central.url(), "--pair", "labelled").get("labelled").verdict().name())
			.isEqualTo("FAIL");
		Path fixed = work.resolve("centre.fixed.yml");
		CliRun fix = CliRun.of(List.of("fix", "--run", "1", "--data-dir", work.resolve("labelled").toString(),
				"--mapping", Fixtures.mappingPath("edge/centre.yml").toString(), "--out", fixed.toString()));
		assertThat(fix.exitCode()).as(fix.out() + fix.err()).isZero();
		assertThat(fix.out()).contains("labelled (IDENTITY): external-labels {region: \"eu\"} declared");
		assertThat(Files.readString(fixed))
			.contains("edge: { query: 'sum(rate(app_labelled_total[${period}]))', external-labels: {region: \"eu\"} }");
		PairResultRow again = run(fixed, "labelled-fixed", central.url(), "--pair", "labelled").get("labelled");
		assertThat(again.verdict().name()).as(again.summary()).isEqualTo("PASS");
	}

	@Test
	void aStretchTheStoreRefusedIsAGapWithItsTimes() {
		PairResultRow jobs = run("lossy", gate.url(), "--pair", "jobs").get("jobs");
		assertThat(gate.refused()).isPositive();
		assertThat(jobs.verdict().name()).isEqualTo("FAIL");
		System.out.println(String.join("\n", StoreJson.strings(jobs.notes())));
		Diagnosis gap = diagnoses(jobs).get(0);
		assertThat(gap.code()).as(jobs.summary()).isEqualTo(Diagnosis.Code.GAP_NEW);
		// the gap's times lie within the stretch the store refused
		java.util.regex.Matcher times = java.util.regex.Pattern.compile(
				"no data (\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}) to (\\d{2}:\\d{2}:\\d{2}) UTC \\((\\d+) periods\\)")
			.matcher(gap.message());
		assertThat(times.find()).as(gap.message()).isTrue();
		Instant start = Instant.parse(times.group(1) + "T" + times.group(2) + "Z");
		Instant end = Instant.parse(times.group(1) + "T" + times.group(3) + "Z");
		assertThat(start).isBetween(refusedFrom.minus(PERIOD.multipliedBy(2)), refusedTo);
		assertThat(end).isBetween(refusedFrom, refusedTo.plus(PERIOD.multipliedBy(2)));
		assertThat(Integer.parseInt(times.group(4))).isBetween(4, 8);
		// the edge's own counters say the samples were lost on the way, not late
		assertThat(StoreJson.strings(jobs.notes())).as(jobs.summary())
			.anyMatch((n) -> n.startsWith("edge Prometheus said: its remote write to " + gate.url())
					&& !n.contains(": 0 sample(s) failed"));
	}

	@Test
	void aStoreThatFederatesTheEdgeHoldsWhatTheEdgeSaw() {
		Map<String, PairResultRow> results = run("federating", federating.url(), "--pair", "jobs,queue-depth");
		assertThat(results.get("jobs").verdict().name()).as(results.get("jobs").summary()).isEqualTo("PASS");
		assertThat(results.get("queue-depth").verdict().name()).as(results.get("queue-depth").summary())
			.isEqualTo("PASS");
	}

	@Test
	void theEdgesExternalLabelsAreReadFromItsConfiguration() {
		Map<String, PairResultRow> results = run("ignored", central.url(), "--pair", "jobs", "--edge-external-labels",
				"ignore");
		PairResultRow jobs = results.get("jobs");
		assertThat(jobs.verdict().name()).isEqualTo("FAIL");
		assertThat(diagnoses(jobs).get(0).message()).as(jobs.summary()).contains("added cluster=\"edge-1\"");
	}

	@Test
	void theCensusNamesTheFamilyTheStoreLacksUnlessItIsExcluded() {
		List<String> census = List.of("census", "--edge-url", edge.url(), "--prometheus-url", central.url(), "--at",
				to.toString(), "--data-dir", work.resolve("census").toString());
		List<String> writing = new ArrayList<>(census);
		Path draft = work.resolve("edge-pairs.yml");
		writing.addAll(List.of("--write", draft.toString()));
		CliRun lacking = CliRun.of(writing);
		System.out.println(lacking.out());
		assertThat(lacking.exitCode()).as(lacking.out() + lacking.err()).isEqualTo(1);
		assertThat(lacking.out()).containsPattern("app +app_dropped_total +1 +0  missing on the new side")
			.contains("NOT COMPLETE: ", " of edge Prometheus at " + edge.url(), "(identified by {cluster=edge-1})");
		// the mapping it writes pairs every family with its copy, and lints clean
		assertThat(draft).content()
			.contains("    edge: { query: 'sum(rate(app_jobs_total{job=\"app\"}[${period}]))' }\n"
					+ "    prometheus: { query: 'sum(rate(app_jobs_total{job=\"app\",cluster=\"edge-1\"}[${period}]))' }")
			.doesNotContain("_bucket{");
		CliRun lint = CliRun.of(List.of("lint", "--mapping", draft.toString()));
		assertThat(lint.exitCode()).as(lint.out() + lint.err()).isEqualTo(0);
		List<String> excluded = new ArrayList<>(census);
		excluded.addAll(List.of("--exclusions", Fixtures.path("exclusions/edge/dropped-on-purpose.yml").toString()));
		CliRun complete = CliRun.of(excluded);
		assertThat(complete.exitCode()).as(complete.out() + complete.err()).isEqualTo(0);
		assertThat(complete.out()).contains("excluded until 2099-12-31", "COMPLETE: ", "1 excluded");
	}

}
