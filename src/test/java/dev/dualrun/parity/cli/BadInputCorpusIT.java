package dev.dualrun.parity.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.demo.CloudWatchCompatibleServer;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.Fixtures;

/**
 * A corpus of bad inputs a user or a backend can cause (malformed, hostile and huge
 * mapping files, bad flags and settings, failing and lying backends), each driven through
 * the CLI with the real terminal streams captured: the documented exit code, exactly one
 * line on standard error naming the cause and the place, no stack trace anywhere on the
 * terminal, no raw control character, no secret.
 */
class BadInputCorpusIT {

	private static final Pattern TRACE = Pattern
		.compile("(?m)^\\s+at [\\w.$]+\\(|Exception in thread|^Caused by:|\\[Fatal Error\\]|^\\s*\\.\\.\\. \\d+ more");

	private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");

	@TempDir
	static Path work;

	private static CloudWatchCompatibleServer cloudwatch;

	private static final List<HttpServer> servers = new ArrayList<>();

	private static Path valid;

	private static int cases;

	private static final List<String> failures = new ArrayList<>();

	private static final java.util.Set<String> copied = new java.util.TreeSet<>();

	@BeforeAll
	static void start() throws IOException {
		cloudwatch = CloudWatchCompatibleServer.start(Clock.systemUTC(), "AKIDPARITY");
		System.setProperty("aws.accessKeyId", "AKIDPARITY");
		System.setProperty("aws.secretAccessKey", "secret");
		System.setProperty("parity.prometheus.retry.max-attempts", "2");
		System.setProperty("parity.prometheus.retry.initial-backoff", "10ms");
		System.setProperty("parity.cloudwatch.max-attempts", "1");
		valid = copy("valid");
	}

	@AfterAll
	static void stop() {
		servers.forEach((s) -> s.stop(0));
		cloudwatch.close();
		Stream
			.of("aws.accessKeyId", "aws.secretAccessKey", "parity.prometheus.retry.max-attempts",
					"parity.prometheus.retry.initial-backoff", "parity.cloudwatch.max-attempts")
			.forEach(System::clearProperty);
		assertThat(cases).as("cases in the corpus").isGreaterThanOrEqualTo(60);
		assertThat(copied).as("the mapping files of the corpus that were run")
			.containsExactlyElementsOf(Fixtures.mappings("bad-input").toList());
	}

	// ---- mapping files through the job (exit 2, file:line named) ----

	@Test
	void malformedMappingFiles() throws IOException {
		mapping("unknown-statistic",
				at("unknown-statistic") + " pairs[0].cloudwatch.statistic: unknown statistic 'Avg'");
		mapping("duplicate-key", at("duplicate-key") + " ", "duplicate key 'id'");
		mapping("duplicate-id", "duplicate pair id 'latency'");
		mapping("empty", "the mapping file is empty");
		mapping("only-comment", "empty");
		written("binary", "\u0000\u0001\u0002\u00ff\u00fe garbage \u001b[2J");
		String pair = "pairs:\n  - id: a\n    cloudwatch: { namespace: N, metric: M, statistic: Sum }\n";
		written("second-document", pair + "    prometheus: { query: up }\n---\npairs: []\n", ".yml:5: ",
				"a second YAML document");
		written("nul-in-a-query", pair + "    prometheus: { query: \"up\u0000\" }\n", ".yml:4: ",
				"a control character (\\x00) at column 29");
		Path latin = work.resolve("latin-1.yml");
		Files.write(latin, (pair + "    prometheus: { query: \"caf\u00e9\" }\n").getBytes(StandardCharsets.ISO_8859_1));
		run("latin-1", latin, ".yml:4: ", "not UTF-8 text (byte 0xE9 at column 30)");
		written("empty-pair", "pairs:\n  - \"\"\n", ".yml:2: ", "pairs[0]: expected a block of fields",
				"got an empty value");
		mapping("tab-indent");
		mapping("unknown-field", "unknown field 'promethus' (did you mean 'prometheus'?");
		mapping("no-query", "query");
		mapping("no-cloudwatch", "cloudwatch");
		mapping("expression-without-metrics", "metrics");
		mapping("bad-id", "not a valid id");
		mapping("period-7s", "not a CloudWatch period");
		mapping("period-overflow", "defaults.period", "too long a duration");
		mapping("period-text", "'soon' is not a duration");
		mapping("period-under-4-scrapes", "4x the scrape interval");
		mapping("tolerance-text", "relative");
		mapping("version-2", "unsupported version 2");
		mapping("pairs-not-a-list", "pairs");
		mapping("pairs-empty", "no pairs");
		mapping("alert-no-cloudwatch", at("alert-no-cloudwatch") + " ", "an alert pair needs the old side's alert");
		mapping("alert-bad-rule-name", "not an alert name Prometheus accepts");
		mapping("alert-duplicate-id", "duplicate alert id 'a'");
		mapping("alert-unknown-field", "unknown field 'threshold'");
		mapping("promql-syntax", "promql-syntax");
		mapping("range-not-period", "range-period");
		mapping("unknown-unit", "unknown CloudWatch unit 'Secs'");
		mapping("control-characters-in-id", "not a valid id");
		mapping("yaml-bomb", "yaml-bomb.yml");
		written("deep-nesting", "pairs: " + "[".repeat(2000) + "]".repeat(2000) + "\n", "deep-nesting.yml");
		mapping("azure-grain", at("azure-grain") + " pairs[0].period", "not an Azure Monitor time grain");
		mapping("azure-aggregation", "azure-monitor.aggregation", "unknown Azure Monitor aggregation 'Sum'");
		mapping("azure-resource", "azure-monitor.resource", "is not an Azure resource ID");
		mapping("azure-and-cloudwatch", "a pair has one old side");
		// not the file's fault: no file:line, but the same one line and exit 2
		Path azure = copy("azure-no-credentials");
		expect("azure-no-credentials",
				List.of("run", "--mapping", azure.toString(), "--prometheus-url", "http://127.0.0.1:1",
						"--azure-endpoint", "http://127.0.0.1:1", "--data-dir", work.resolve("m-azure").toString(),
						"--reports-dir", work.resolve("r").toString()),
				2, "no Azure credentials for the azure-monitor pairs: set AZURE_TENANT_ID, AZURE_CLIENT_ID, "
						+ "AZURE_CLIENT_SECRET");
		mapping("dimension-list", "dimensions");
	}

	@Test
	void mappingFilesThatCannotBeRead() throws IOException {
		Path data = work.resolve("not-found-store");
		expect("not-found", withStore(List.of("run", "--mapping", work.resolve("nope.yml").toString()), data), 2,
				"mapping file not found");
		// bad input is not a run: nothing is stored
		assertThat(CliRun.of(List.of("runs", "--data-dir", data.toString())).out().lines().count())
			.as("runs after a mistyped mapping path")
			.isEqualTo(1);
		Files.createDirectories(work.resolve("a-directory.yml"));
		expect("directory", List.of("run", "--mapping", work.resolve("a-directory.yml").toString()), 2,
				"is a directory");
		Path huge = work.resolve("huge.yml");
		try (var out = Files.newOutputStream(huge)) {
			byte[] block = "# padding\n".repeat(100_000).getBytes(StandardCharsets.UTF_8);
			for (int i = 0; i < 70; i++) {
				out.write(block);
			}
		}
		expect("huge", List.of("lint", "--mapping", huge.toString()), 2, "larger than 64 MiB");
		expect("endless", List.of("lint", "--mapping", "/dev/zero"), 2, "/dev/zero", "larger than 64 MiB");
	}

	// ---- flags and settings (exit 2, the flag named) ----

	@Test
	void badFlags() {
		flag("settle-text", List.of("--settle", "abc"), "--settle: 'abc' is not a duration");
		flag("settle-overflow", List.of("--settle", "99999999d"), "--settle", "too long");
		flag("settle-recheck-text", List.of("--settle-recheck", "xyz"), "--settle-recheck");
		flag("timeout-text", List.of("--prometheus-timeout", "fast"), "--prometheus-timeout");
		flag("threads-zero", List.of("--threads", "0"), "--threads 0");
		flag("threads-text", List.of("--threads", "many"), "--threads", "many");
		flag("from-not-iso", List.of("--from", "yesterday"), "--from/--to", "'yesterday'");
		flag("from-after-to", List.of("--from", "2026-11-21T00:00:00Z", "--to", "2026-11-20T00:00:00Z"),
				"is not before --to");
		flag("prometheus-url-ftp", List.of("--prometheus-url", "ftp://user:hunter2@host/"), "--prometheus-url",
				"not an http(s) URL");
		flag("prometheus-url-garbage", List.of("--prometheus-url", "not a url"), "--prometheus-url");
		flag("cloudwatch-endpoint-garbage", List.of("--cloudwatch-endpoint", "::bad"), "--cloudwatch-endpoint");
		flag("empty-metric", List.of("--metric", ""), "--metric: an empty pair id");
		flag("unknown-metric", List.of("--metric", "no-such-pair"), "unknown pair id 'no-such-pair'");
		flag("unknown-flag", List.of("--bogus"), "unknown option '--bogus'");
		expect("missing-mapping", List.of("run"), 2, "--mapping");
		expect("unknown-command", List.of("frobnicate"), 2, "unknown command 'frobnicate'");
		expect("mistyped-command", List.of("runn"), 2, "unknown command 'runn' (did you mean: run");
		expect("mistyped-option-before-a-missing-one", List.of("run", "--mappings", valid.toString()), 2,
				"unknown option '--mappings' (did you mean: --mapping?)");
		flag("dry-run-unknown-metric", List.of("--dry-run", "--metric", "no-such-pair"),
				"unknown pair id 'no-such-pair'");
		expect("no-command", List.of(), 2, "missing command");
		expect("run-id-text", List.of("restart", "--run", "abc"), 2, "--run", "abc");
		expect("runs-last-negative",
				List.of("runs", "--last", "-1", "--data-dir", work.resolve("runs-last").toString()), 2,
				"--last -1: give 1 or more runs");
	}

	@Test
	void anEdgeAsTheOldSideRefusesBadInputInOneLine() {
		flag("edge-url-ftp", List.of("--edge-url", "ftp://user:hunter2@host/"), "--edge-url", "not an http(s) URL");
		flag("edge-external-labels-maybe", List.of("--edge-external-labels", "maybe"),
				"--edge-external-labels 'maybe' is not read or ignore");
		flag("edge-timeout-text", List.of("--edge-timeout", "fast"), "--edge-timeout");
		mapping("edge-statistic", at("edge-statistic"), "'p99' is not one of sum");
		Path edgeMapping = Fixtures.copy("mappings/edge/recording-rule.yml", work.resolve("edge-down.yml"));
		expect("edge-down",
				List.of("run", "--mapping", edgeMapping.toString(), "--edge-url", "http://127.0.0.1:1",
						"--prometheus-url", "http://127.0.0.1:1", "--data-dir", work.resolve("edge-down").toString(),
						"--reports-dir", work.resolve("r").toString()),
				3, "every pair errored", "not reachable at http://127.0.0.1:1");
		expect("census-at-text",
				List.of("census", "--at", "yesterday", "--data-dir", work.resolve("census").toString()), 2,
				"--at 'yesterday' is not an instant");
		expect("census-edge-down", List.of("census", "--edge-url", "http://127.0.0.1:1", "--prometheus-url",
				"http://127.0.0.1:1", "--data-dir", work.resolve("census").toString()), 3,
				"not reachable at http://127.0.0.1:1");
	}

	@Test
	void remotePartitioningRefusesABadSetupInOneLine() {
		String broker = "amqp://guest:guest@127.0.0.1:5672";
		flag("remote-no-broker", List.of("--remote"), "run --remote: no broker", "PARITY_REMOTE_BROKER");
		flag("remote-on-h2", List.of("--remote", "--broker", broker), "share one store", "--datasource-url");
		flag("workers-without-remote", List.of("--workers", "3"), "--workers is for a run with --remote");
		CliRun notAmqp = expect(
				"broker-not-amqp", List.of("run", "--mapping", valid.toString(), "--remote", "--broker",
						"http://user:hunter2@mq:5672", "--data-dir", work.resolve("b-http").toString()),
				2, "parity.remote.broker", "amqp://");
		assertThat(notAmqp.out() + notAmqp.err()).doesNotContain("hunter2");
		expect("remote-partition-size-zero", List.of("run", "--mapping", valid.toString(), "--remote", "--broker",
				broker, "--partition-size", "0", "--data-dir", work.resolve("b-size").toString()), 2, "partition-size",
				"1 or more");
		expect("worker-no-broker", List.of("worker", "--data-dir", work.resolve("w-none").toString()), 2,
				"worker: no broker");
		expect("worker-broker-down", List.of("worker", "--broker", "amqp://guest:guest@127.0.0.1:1", "--data-dir",
				work.resolve("w-down").toString()), 3, "broker amqp://guest:***@127.0.0.1:1 unreachable");
		CliRun refused = expect("worker-broker-wrong-password",
				List.of("worker", "--broker", "amqp://guest:hunter2@127.0.0.1:5672", "--data-dir",
						work.resolve("w-password").toString()),
				3, "broker amqp://guest:***@127.0.0.1:5672 refused the login", "ACCESS_REFUSED");
		assertThat(refused.out() + refused.err()).doesNotContain("hunter2");
		expect("worker-on-h2", List.of("worker", "--broker", broker, "--data-dir", work.resolve("w-h2").toString()), 2,
				"worker: the manager and its workers share one store");
	}

	@Test
	void logsForMachinesAreJsonLinesOnStandardErrorAndResultsStayOnStandardOutput() {
		Terminal captured = Terminal.of(List.of("run", "--mapping", valid.toString(), "--prometheus-url",
				"http://127.0.0.1:1", "--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region",
				"us-east-1", "--data-dir", work.resolve("json-logs").toString(), "--reports-dir",
				work.resolve("json-logs-reports").toString(), "--log-format", "json"));
		CliRun run = captured.run();
		ByteArrayOutputStream terminalOut = captured.out();
		ByteArrayOutputStream terminalErr = captured.err();
		List<String> logs = terminalErr.toString(StandardCharsets.UTF_8).lines().filter((l) -> !l.isBlank()).toList();
		assertThat(logs).as("the step lines, as JSON").hasSizeGreaterThan(3);
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		for (String line : logs) {
			assertThat(json.readTree(line).path("message").asString()).as(line).isNotEmpty();
		}
		assertThat(logs).anyMatch((l) -> l.contains("step plan started"));
		assertThat(terminalOut.toString(StandardCharsets.UTF_8)).as("no log line among the results")
			.doesNotContain("INFO", "step plan");
		assertThat(run.out()).contains("run 1 FAILED");
		assertThat(run.errLines()).hasSize(1).allMatch((l) -> l.startsWith("parity-validator: run 1 failed"));
	}

	@Test
	void badSettingsFromTheEnvironmentOrProperties() {
		setting("settle-property", "parity.settle", "abc", "setting 'parity.settle' (environment PARITY_SETTLE)",
				"'abc' is not a duration");
		setting("retry-mode-property", "parity.cloudwatch.retry-mode", "eventually", "eventually",
				"standard or adaptive");
		setting("threads-property", "parity.threads", "lots", "setting 'parity.threads'");
		System.setProperty("parity.settle", "10min");
		try {
			expect("settle-property-dry-run",
					List.of("run", "--dry-run", "--mapping", valid.toString(), "--cloudwatch-region", "us-east-1"), 2,
					"setting 'parity.settle' (environment PARITY_SETTLE)", "'10min' is not a duration");
			expect("settle-property-inventory", List.of("inventory", "--cloudwatch-region", "us-east-1",
					"--cloudwatch-endpoint", cloudwatch.endpoint().toString()), 2, "setting 'parity.settle'");
		}
		finally {
			System.clearProperty("parity.settle");
		}
	}

	@Test
	void storeProblems() throws IOException {
		Path file = work.resolve("data-is-a-file");
		Files.writeString(file, "x");
		expect("data-dir-is-a-file", withStore(List.of("run", "--mapping", valid.toString()), file), 2, "--data-dir",
				"is a file");
		expect("runs-data-dir-is-a-file", List.of("runs", "--data-dir", file.toString()), 2, "is a file");
		Path data = work.resolve("store");
		expect("restart-unknown-run", withStore(List.of("restart", "--run", "999"), data), 2, "no run 999");
		expect("report-unknown-run", withStore(List.of("report", "--run", "999"), data), 2, "no run 999");
		expect("rejudge-unknown-run", withStore(List.of("rejudge", "--run", "999", "--relative", "0.1"), data), 2,
				"no run 999");
		expect("fix-unknown-run", List.of("fix", "--run", "999", "--data-dir", data.toString()), 2, "no run 999");
		System.setProperty("parity.datasource.username", "no_such_role");
		try {
			expect("store-refuses-its-user",
					List.of("runs", "--datasource-url", "jdbc:postgresql://127.0.0.1:5432/postgres"), 3,
					"the store jdbc:postgresql://127.0.0.1:5432/postgres refused its user", "no_such_role",
					"PARITY_DATASOURCE_USERNAME");
		}
		finally {
			System.clearProperty("parity.datasource.username");
		}
		expect("store-unreachable", List.of("runs", "--datasource-url", "jdbc:postgresql://127.0.0.1:1/parity"), 3,
				"cannot reach the store jdbc:postgresql://127.0.0.1:1/parity");
		expect("store-has-no-such-database",
				List.of("run", "--mapping", valid.toString(), "--datasource-url",
						"jdbc:postgresql://127.0.0.1:5432/no_such_database?user=postgres"),
				3, "the store jdbc:postgresql://127.0.0.1:5432/no_such_database?user=postgres has no such database");
		expect("demo-store-unreachable", List.of("demo", "--datasource-url", "jdbc:postgresql://127.0.0.1:1/parity",
				"--data-dir", work.resolve("demo-store").toString()), 3, "cannot reach the store");
	}

	@Test
	void fixRefusesFilesItCannotUse() throws IOException {
		Path data = work.resolve("fix-store");
		Path mapping = work.resolve("fix-mapping.yml");
		Files.copy(valid, mapping);
		CliRun run = CliRun.of(List.of("run", "--mapping", mapping.toString(), "--prometheus-url", "http://127.0.0.1:1",
				"--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1",
				"--data-dir", data.toString(), "--reports-dir", work.resolve("fix-reports").toString()));
		assertThat(run.err()).as("the run is stored, its pairs in ERROR").contains("run 1");
		expect("fix-rules-not-found",
				List.of("fix", "--run", "1", "--data-dir", data.toString(), "--rules",
						work.resolve("no-such-rules.yml").toString()),
				2, "cannot read the rule file", "NoSuchFileException");
		Files.writeString(mapping, Files.readString(mapping) + "# edited after the run\n");
		expect("fix-mapping-changed", List.of("fix", "--run", "1", "--data-dir", data.toString()), 2,
				"is not the one run 1 read (its SHA-256 differs)");
	}

	@Test
	void theEstateCommandsRefuseBadInputInOneLine() throws IOException {
		Path data = work.resolve("estate-store");
		expect("coverage-without-inventory", withStore(List.of("coverage", "--mapping", valid.toString()), data), 2,
				"no inventory in the store: run `inventory` first");
		expect("discover-without-inventory",
				withStore(List.of("discover", "--out", work.resolve("d.yml").toString()), data), 2,
				"no inventory in the store");
		expect("discover-threshold", withStore(List.of("discover", "--out", "x.yml", "--threshold", "2"), data), 2,
				"'--threshold': '2': give a number from 0 to 1");
		expect("signoff-unknown-inventory",
				withStore(List.of("signoff", "--mapping", valid.toString(), "--inventory", "42"), data), 2,
				"no inventory 42 in the store");
		expect("inventory-cloudwatch-down", withStore(
				List.of("inventory", "--cloudwatch-endpoint", "http://127.0.0.1:1", "--cloudwatch-region", "us-east-1"),
				data), 3, "ListMetrics failed at http://127.0.0.1:1");
		expect("inventory-empty-namespace", withStore(List.of("inventory", "--namespace", " "), data), 2,
				"--namespace '': give a namespace such as FlaskApp");
		Path bad = Fixtures.copy("exclusions/bad-input/expires-not-a-date.yml", work.resolve("exclusions-bad.yml"));
		expect("exclusions-bad-date",
				withStore(List.of("coverage", "--mapping", valid.toString(), "--exclusions", bad.toString()), data), 2,
				"exclusions-bad.yml:" + Fixtures.markedLine(bad) + ": exclusions[0].expires: 'someday' is not a date");
		Path unknown = Fixtures.copy("exclusions/bad-input/unknown-field.yml", work.resolve("exclusions-unknown.yml"));
		expect("exclusions-unknown-field", withStore(List.of("coverage", "--mapping", valid
			.toString(), "--exclusions", unknown.toString()), data), 2, "exclusions-unknown.yml:"
					+ Fixtures.markedLine(unknown)
					+ ": exclusions[0].metirc: unknown field 'metirc' (did you mean 'metric'? known: dimensions, expires, metric, namespace, owner, reason)");
		expect("from-after-to",
				withStore(List.of("run", "--mapping", valid.toString(), "--from", "2026-12-07T00:00:00Z", "--to",
						"2026-12-06T00:00:00Z"), work.resolve("from-after-to")),
				2, "--from 2026-12-07T00:00:00Z is not before --to 2026-12-06T00:00:00Z");
		assertThat(work.resolve("from-after-to")).as("no run stored for bad input").doesNotExist();
		expect("textfile-not-prom", List.of("run", "--mapping", valid.toString(), "--textfile", "out.txt"), 2,
				"--textfile out.txt: node_exporter's textfile collector reads only files ending in .prom");
		expect("dashboard-bad-mapping",
				withStore(List.of("dashboard", "--mapping", work.resolve("nope.yml").toString()), data), 2,
				"mapping file not found");
		expect("dry-run-bad-mapping", List.of("run", "--dry-run", "--mapping", work.resolve("nope.yml").toString()), 2,
				"mapping file not found");
	}

	// ---- backends (exit 3, the backend and the place named) ----

	@Test
	void failingAndLyingPrometheus() throws IOException {
		backend("prometheus-down", "http://127.0.0.1:1", "Prometheus not reachable at http://127.0.0.1:1");
		backend("prometheus-500-with-escapes",
				prometheus(500, "boom\u001b[2J\u001b[31m\r\nsecond line\u0007", Map.of()), "HTTP 500", "boom\\x1b[2J");
		backend("prometheus-garbage-json", prometheus(200, "{\"status\":", Map.of()), "Prometheus");
		backend("prometheus-html", prometheus(200, "<html><body>login</body></html>", Map.of()), "Prometheus");
		backend("prometheus-401", prometheus(401, "Unauthorized", Map.of()), "credentials refused", "HTTP 401");
		backend("prometheus-error-json", prometheus(422,
				"{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"many-to-many matching\"}", Map.of()),
				"many-to-many matching");
		String echo = prometheusEcho();
		CliRun leaked = backendWithSecret("prometheus-echoes-credentials",
				echo.replace("http://", "http://alice:hunter2-secret@"), "HTTP 400");
		assertThat(leaked.out() + leaked.err()).doesNotContain("hunter2-secret")
			.doesNotContain("YWxpY2U6aHVudGVyMi1zZWNyZXQ=");
		assertNoSecretStored("prometheus-echoes-credentials", "hunter2-secret");
		backendWithFlag("prometheus-slow", prometheusSilent(), List.of("--prometheus-timeout", "300ms"),
				"timed out after 0.3 s");
	}

	@Test
	void failingAndLyingCloudWatch() throws IOException {
		expect("cloudwatch-down",
				List.of("run", "--mapping", valid.toString(), "--prometheus-url", "http://127.0.0.1:1",
						"--cloudwatch-endpoint", "http://127.0.0.1:1", "--cloudwatch-region", "us-east-1", "--data-dir",
						work.resolve("cloudwatch-down").toString(), "--reports-dir", work.resolve("r").toString()),
				3, "CloudWatch not reachable");
		expect("aws-profile-unknown",
				List.of("run", "--mapping", valid.toString(), "--prometheus-url", "http://127.0.0.1:1",
						"--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1",
						"--aws-profile", "parity-no-such-profile", "--data-dir",
						work.resolve("aws-profile-unknown").toString(), "--reports-dir", work.resolve("r").toString()),
				2, "no AWS profile 'parity-no-such-profile' in ~/.aws/config or ~/.aws/credentials", "--aws-profile");
		System.setProperty("aws.accessKeyId", "AKIDWRONG");
		try {
			expect("cloudwatch-wrong-key",
					List.of("run", "--mapping", valid.toString(), "--prometheus-url", "http://127.0.0.1:1",
							"--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region",
							"us-east-1", "--data-dir", work.resolve("cloudwatch-wrong-key").toString(), "--reports-dir",
							work.resolve("r").toString()),
					3, "CloudWatch");
		}
		finally {
			System.setProperty("aws.accessKeyId", "AKIDPARITY");
		}
		for (int status : List.of(200, 400, 500)) {
			expect("cloudwatch-garbage-" + status,
					List.of("run", "--mapping", valid.toString(), "--prometheus-url", "http://127.0.0.1:1",
							"--cloudwatch-endpoint", raw(status, "<<<not cbor\u001b[2J>>>"), "--cloudwatch-region",
							"us-east-1", "--data-dir", work.resolve("cloudwatch-garbage-" + status).toString(),
							"--reports-dir", work.resolve("r").toString()),
					3, "CloudWatch");
		}
		Path alerts = copy("alert-unknown-alarm");
		expect("alert-unknown-alarm",
				List.of("run", "--mapping", alerts.toString(), "--prometheus-url", "http://127.0.0.1:1",
						"--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1",
						"--data-dir", work.resolve("alert-unknown-alarm").toString(), "--reports-dir",
						work.resolve("r").toString()),
				3, "every alert pair errored", "CloudWatch has no metric alarm named 'nope'");
		expect("no-region",
				List.of("run", "--mapping", valid.toString(), "--prometheus-url", "http://127.0.0.1:1",
						"--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--data-dir",
						work.resolve("no-region").toString(), "--reports-dir", work.resolve("r").toString()),
				-1, "region");
	}

	// ---- helpers ----

	/**
	 * A mapping file of the corpus ({@code mappings/bad-input/NAME.yml}) through the job.
	 */
	private static void mapping(String name, String... fragments) {
		run(name, copy(name), fragments);
	}

	/**
	 * A mapping file made here (bytes that are not text, or generated) through the job.
	 */
	private static void written(String name, String content, String... fragments) throws IOException {
		run(name, file(name + ".yml", content), fragments);
	}

	/**
	 * @return {@code :LINE:} of the line a mapping file of the corpus marks
	 */
	private static String at(String name) {
		return ":" + Fixtures.markedLine(Fixtures.mappingPath("bad-input/" + name + ".yml")) + ":";
	}

	/**
	 * @return a mapping file of the corpus, copied where the CLI reads it
	 */
	private static Path copy(String name) {
		copied.add("bad-input/" + name + ".yml");
		return Fixtures.copy("mappings/bad-input/" + name + ".yml", work.resolve(name + ".yml"));
	}

	private static void run(String name, Path f, String... fragments) {
		List<String> all = new ArrayList<>(List.of(f.toString()));
		all.addAll(List.of(fragments));
		expect(name, List.of("run", "--mapping", f.toString(), "--prometheus-url", "http://127.0.0.1:1",
				"--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1",
				"--data-dir", work.resolve("m-" + name).toString(), "--reports-dir", work.resolve("r").toString()), 2,
				all.toArray(String[]::new));
	}

	private static void flag(String name, List<String> flag, String... fragments) {
		List<String> args = new ArrayList<>(List.of("run", "--mapping", valid.toString(), "--cloudwatch-endpoint",
				cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1", "--data-dir",
				work.resolve("f-" + name).toString(), "--reports-dir", work.resolve("r").toString()));
		if (!flag.contains("--prometheus-url")) {
			args.addAll(List.of("--prometheus-url", "http://127.0.0.1:1"));
		}
		args.addAll(flag);
		expect(name, args, 2, fragments);
	}

	private static void setting(String name, String property, String value, String... fragments) {
		System.setProperty(property, value);
		try {
			flag(name, List.of(), fragments);
		}
		finally {
			System.clearProperty(property);
		}
	}

	private static void backend(String name, String prometheusUrl, String... fragments) {
		backendRun(name, prometheusUrl, List.of(), fragments);
	}

	private static void backendWithFlag(String name, String prometheusUrl, List<String> flag, String... fragments) {
		backendRun(name, prometheusUrl, flag, fragments);
	}

	private static CliRun backendWithSecret(String name, String prometheusUrl, String... fragments) {
		return backendRun(name, prometheusUrl, List.of(), fragments);
	}

	private static CliRun backendRun(String name, String prometheusUrl, List<String> extra, String... fragments) {
		List<String> args = new ArrayList<>(List.of("run", "--mapping", valid.toString(), "--prometheus-url",
				prometheusUrl, "--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region",
				"us-east-1", "--data-dir", work.resolve(name).toString(), "--reports-dir",
				work.resolve(name + "-reports").toString()));
		args.addAll(extra);
		List<String> all = new ArrayList<>(List.of("every pair errored"));
		all.addAll(List.of(fragments));
		return expect(name, args, 3, all.toArray(String[]::new));
	}

	private static List<String> withStore(List<String> args, Path dataDir) {
		List<String> all = new ArrayList<>(args);
		all.addAll(List.of("--data-dir", dataDir.toString(), "--reports-dir", work.resolve("r").toString()));
		return all;
	}

	/**
	 * Runs the CLI with the process's standard streams captured and checks the case.
	 * @param exit the documented exit code, or -1 for 2 or 3
	 */
	private static CliRun expect(String name, List<String> args, int exit, String... fragments) {
		cases++;
		try {
			return check(name, args, exit, fragments);
		}
		catch (AssertionError ex) {
			failures.add(ex.getMessage());
			return new CliRun(-1, "", "");
		}
	}

	@org.junit.jupiter.api.AfterEach
	void everyCaseHeld() {
		List<String> failed = new ArrayList<>(failures);
		failures.clear();
		assertThat(failed).as("cases that failed").isEmpty();
	}

	/**
	 * A run of the CLI with what reached the process's own standard streams too (the
	 * logs' console appender writes there, not to the CLI's writers).
	 */
	private record Terminal(CliRun run, ByteArrayOutputStream out, ByteArrayOutputStream err) {

		static Terminal of(List<String> args) {
			PrintStream out = System.out;
			PrintStream err = System.err;
			ByteArrayOutputStream terminalOut = new ByteArrayOutputStream();
			ByteArrayOutputStream terminalErr = new ByteArrayOutputStream();
			try {
				System.setOut(new PrintStream(terminalOut, true, StandardCharsets.UTF_8));
				System.setErr(new PrintStream(terminalErr, true, StandardCharsets.UTF_8));
				return new Terminal(CliRun.of(args), terminalOut, terminalErr);
			}
			finally {
				System.setOut(out);
				System.setErr(err);
			}
		}

	}

	private static CliRun check(String name, List<String> args, int exit, String... fragments) {
		Terminal captured = Terminal.of(args);
		CliRun run = captured.run();
		ByteArrayOutputStream terminalOut = captured.out();
		ByteArrayOutputStream terminalErr = captured.err();
		PrintStream out = System.out;
		String terminal = run.out() + run.err() + terminalOut.toString(StandardCharsets.UTF_8)
				+ terminalErr.toString(StandardCharsets.UTF_8);
		out.println("corpus " + name + ": exit " + run.exitCode() + ": " + run.err().strip());
		if (exit >= 0) {
			assertThat(run.exitCode()).as(name + ": " + terminal).isEqualTo(exit);
		}
		else {
			assertThat(run.exitCode()).as(name + ": " + terminal).isIn(2, 3);
		}
		assertThat(run.errLines()).as(name + ": one line on standard error").hasSize(1);
		assertThat(run.errLines().get(0)).as(name).startsWith("parity-validator: ").contains(fragments);
		assertThat(terminalErr.toString(StandardCharsets.UTF_8)).as(name + ": nothing else on stderr").isBlank();
		assertThat(TRACE.matcher(terminal).find()).as(name + ": no stack trace on the terminal: " + terminal).isFalse();
		assertThat(CONTROL.matcher(terminal).find()).as(name + ": no raw control character: " + terminal).isFalse();
		assertThat(run.out() + run.err()).as(name + ": no Java null shown to the user")
			.doesNotContainPattern("(?<!')\\bnull\\b(?!')");
		return run;
	}

	private static void assertNoSecretStored(String name, String secret) throws IOException {
		try (Stream<Path> files = Files.walk(work.resolve(name + "-reports"))) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				assertThat(Files.readString(f)).as(f.toString()).doesNotContain(secret);
			}
		}
		try (Stream<Path> files = Files.walk(work.resolve(name))) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
					.doesNotContain(secret);
			}
		}
	}

	private static Path file(String name, String content) throws IOException {
		Path f = work.resolve(name);
		Files.writeString(f, content);
		return f;
	}

	private static String prometheus(int status, String body, Map<String, String> headers) throws IOException {
		return serve((exchange) -> {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
	}

	/** A server that answers 400 with the request's Authorization header in its text. */
	private static String prometheusEcho() throws IOException {
		return serve((exchange) -> {
			byte[] bytes = ("bad request; you sent Authorization: "
					+ exchange.getRequestHeaders().getFirst("Authorization") + " and url " + exchange.getRequestURI())
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(400, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
	}

	private static String prometheusSilent() throws IOException {
		return serve((exchange) -> {
			try {
				Thread.sleep(3000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
		});
	}

	private static String raw(int status, String body) throws IOException {
		return prometheus(status, body, Map.of("Content-Type", "application/cbor"));
	}

	private static String serve(com.sun.net.httpserver.HttpHandler handler) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", handler);
		server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		server.start();
		servers.add(server);
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

}
