package dev.dualrun.parity.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.demo.CloudWatchCompatibleServer;
import dev.dualrun.parity.demo.AzureMonitorCompatibleServer;
import dev.dualrun.parity.demo.DemoPrometheusServer;
import dev.dualrun.parity.demo.DemoScenario;
import dev.dualrun.parity.discover.Discovery;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.source.Catalog;
import dev.dualrun.parity.source.Catalogued;
import dev.dualrun.parity.source.Discovering;
import dev.dualrun.parity.source.Inventoried;
import dev.dualrun.parity.source.Inventory;
import dev.dualrun.parity.source.InventoryItem;
import dev.dualrun.parity.source.InventoryQuery;
import dev.dualrun.parity.source.Sources;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;

/**
 * {@code discover} on the demo's estate: the CloudWatch metrics the demo's Flask app and
 * hosts publish, listed through ListMetrics, against the series the demo's Prometheus
 * side exposes. Names and labels only: the demo's Prometheus answers no query it was not
 * given, so no series is compared. Writes {@code target/benchmark/discovery-demo.md}.
 */
public class DemoDiscoveryIT {

	/**
	 * What each demo metric should be paired with; null: no single series reproduces it.
	 */
	private static final Map<String, String> TRUTH = Map.of("EndpointLatency", "flask_http_request_duration_seconds",
			"PaymentLatency", "flask_http_request_duration_seconds", "QueueDepth", "app_queue_depth", "CPUUtilization",
			"node_cpu_utilization_percent", "ConnectionPoolUsage", "db_pool_usage_percent");

	@TempDir
	static Path shared;

	private static CloudWatchCompatibleServer cloudwatch;

	private static AzureMonitorCompatibleServer azure;

	private static DemoPrometheusServer prometheus;

	private static DemoPrometheusServer edge;

	private static DemoScenario scenario;

	private static Path mapping;

	private static ParityProperties properties;

	private static Instant now;

	@BeforeAll
	static void loadTheDemo() throws Exception {
		now = Clock.systemUTC().instant();
		cloudwatch = CloudWatchCompatibleServer.start(Clock.systemUTC(), null);
		azure = AzureMonitorCompatibleServer.start(Clock.systemUTC(), "t", "c", "s");
		prometheus = DemoPrometheusServer.start();
		edge = DemoPrometheusServer.start();
		mapping = shared.resolve("mappings.yml");
		scenario = new DemoScenario(42);
		try (CloudWatchClient client = CloudWatchClient.builder()
			.endpointOverride(cloudwatch.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("d", "d")))
			.build()) {
			scenario.load(client, azure, prometheus, edge, now, mapping);
		}
		System.setProperty("aws.accessKeyId", "d");
		System.setProperty("aws.secretAccessKey", "d");
		properties = dev.dualrun.parity.batch.SettingsBinding
			.of(Map.of("parity.prometheus.url", prometheus.url().toString(), "parity.cloudwatch.region", "us-east-1",
					"parity.cloudwatch.endpoint", cloudwatch.endpoint().toString()));
	}

	/**
	 * @return the sides of discovery as the tool finds them: the old side that can be
	 * discovered, the new side that lists its series
	 */
	public static Discovery.Sides sides() {
		var old = Sources.oneProvider(Discovering.class, Side.OLD, "be discovered");
		var neu = Sources.oneProvider(Catalogued.class, Side.NEW, "list");
		return new Discovery.Sides(((Discovering) old).discovery(), old.displayName(), ((Catalogued) neu).writer(),
				neu.displayName());
	}

	@AfterAll
	static void stop() {
		prometheus.close();
		edge.close();
		azure.close();
		cloudwatch.close();
		System.clearProperty("aws.accessKeyId");
		System.clearProperty("aws.secretAccessKey");
	}

	@Test
	void pairsTheDemosEstate() throws Exception {
		Inventory inventory = Sources.one(Inventoried.class, Side.OLD, "list")
			.inventory(properties, new InventoryQuery(List.of(), false, false));
		List<InventoryItem> items = inventory.items();
		List<Discovery.Proposal> proposals;
		try (Catalog catalog = Sources.one(Catalogued.class, Side.NEW, "list").catalog(properties)) {
			proposals = new Discovery(catalog, sides(), now, 0.6, null).propose(items);
		}
		int right = 0;
		int wrong = 0;
		StringBuilder report = new StringBuilder("# Discovery on the demo's estate\n\n").append(
				"| metric | truth | top candidate | confidence | written active | right |\n|---|---|---|---|---|---|\n");
		for (Discovery.Proposal p : proposals) {
			String truth = TRUTH.get(p.metric().metric());
			boolean ok = (truth == null) ? !p.confident(0.6) : truth.equals(p.target())
					&& p.metric().dimensions().values().stream().allMatch((v) -> p.query().contains("\"" + v + "\""));
			right += ok ? 1 : 0;
			wrong += (p.confident(0.6) && !(truth != null && ok)) ? 1 : 0;
			report.append(String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %s |%n", p.metric().describe(),
					(truth != null) ? truth : "none (Errors need a status filter)", p.target(), p.confidence(),
					p.confident(0.6) ? "yes" : "no", ok ? "yes" : "no"));
		}
		report.append(String.format(Locale.ROOT, "%n%d of %d right at the top candidate, %d wrong with confidence.%n",
				right, proposals.size(), wrong));
		System.out.println(report);
		Path out = Path.of("target", "benchmark", "discovery-demo.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		assertThat(proposals).hasSize(12);
		assertThat(wrong).as("wrong with confidence").isZero();
		assertThat(right).as("right at the top candidate").isGreaterThanOrEqualTo(9);
	}

	@Test
	void suggestsTheRuleOfEachAlarmOfTheDemo() throws Exception {
		// the mapping's metric pairs, none of its alert pairs
		var full = dev.dualrun.parity.source.Sources.mappingLoader().load(mapping);
		var pairsOnly = new dev.dualrun.parity.config.MappingFile(full.source(), full.sha256(), full.pairs(),
				List.of());
		Path out = shared.resolve("suggested.yml");
		CliRun run = CliRun.of(List.of("suggest-alerts", "--mapping", mapping.toString(), "--out", out.toString(),
				"--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1",
				"--prometheus-url", prometheus.url().toString(), "--data-dir", shared.resolve("s").toString()));
		assertThat(run.exitCode()).as(run.err()).isZero();
		// every alarm is paired in the demo mapping already
		assertThat(run.out()).contains("suggest-alerts: 0 alarm(s) not yet paired (of 5)");
		List<dev.dualrun.parity.discover.AlertSuggestions.Suggestion> suggestions;
		try (var old = Sources.alerts("cloudwatch", properties); var neu = Sources.alerts("prometheus", properties)) {
			suggestions = dev.dualrun.parity.discover.AlertSuggestions.suggest(old.list(), neu.list(), pairsOnly,
					Sources.one(Catalogued.class, Side.NEW, "write").writer());
		}
		int right = 0;
		for (var e : scenario.alertExpectations()) {
			var truth = full.alerts().stream().filter((a) -> a.id().equals(e.alertId())).findFirst().orElseThrow();
			var got = suggestions.stream()
				.filter((x) -> x.alarm().name().equals(truth.old().name()))
				.findFirst()
				.orElseThrow();
			right += (got.rule() != null && got.rule().name().equals(truth.neu().name()) && got.confidence() >= 0.5) ? 1
					: 0;
		}
		System.out.println("suggest-alerts on the demo: " + right + " of " + scenario.alertExpectations().size()
				+ " alarms paired with their rule at or above 0.5");
		assertThat(right).isEqualTo(scenario.alertExpectations().size());
	}

}
