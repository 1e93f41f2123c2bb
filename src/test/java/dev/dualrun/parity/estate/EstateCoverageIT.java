package dev.dualrun.parity.estate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.demo.CloudWatchCompatibleServer;
import dev.dualrun.parity.demo.DemoPrometheusServer;
import dev.dualrun.parity.demo.SyntheticEstate;
import dev.dualrun.parity.store.InventoryRow;
import dev.dualrun.parity.store.ParityStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.Fixtures;
import dev.dualrun.parity.testing.TestStore;

/**
 * The whole estate through the CLI: {@code inventory} lists the CloudWatch-compatible
 * server's metrics through the real SDK (1,203 metrics, three pages of ListMetrics, the
 * two-week activity rule, the three-hour one), {@code coverage} compares them with a
 * mapping, and {@code signoff} refuses an estate with an uncovered active metric and
 * accepts it once the metric is paired or excluded.
 */
class EstateCoverageIT {

	@TempDir
	static Path work;

	/** The server's clock, moved forward to age a metric out of the listing. */
	static final class MovableClock extends Clock {

		private volatile Instant now = Instant.now();

		void advance(Duration d) {
			this.now = this.now.plus(d);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

	private static final MovableClock CLOCK = new MovableClock();

	private static CloudWatchCompatibleServer cloudwatch;

	private static DemoPrometheusServer prometheus;

	private static final int SYNTHETIC = 1200;

	@BeforeAll
	static void start() throws Exception {
		cloudwatch = CloudWatchCompatibleServer.start(CLOCK, null);
		cloudwatch.serve(new SyntheticEstate(SYNTHETIC, 42));
		prometheus = DemoPrometheusServer.start();
		prometheus.serve(new SyntheticEstate(SYNTHETIC, 42));
		System.setProperty("aws.accessKeyId", "estate");
		System.setProperty("aws.secretAccessKey", "estate");
		try (CloudWatchClient client = CloudWatchClient.builder()
			.endpointOverride(cloudwatch.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("estate", "estate")))
			.build()) {
			Instant now = CLOCK.instant();
			List<MetricDatum> data = new ArrayList<>();
			for (String endpoint : List.of("/", "/api/orders", "/api/users")) {
				data.add(MetricDatum.builder()
					.metricName("Errors")
					.dimensions((d) -> d.name("Endpoint").value(endpoint))
					.timestamp(now.minus(Duration.ofHours(endpoint.equals("/") ? 1 : 5)))
					.value(1.0)
					.unit("Count")
					.build());
			}
			client.putMetricData((r) -> r.namespace("FlaskApp").metricData(data));
		}
	}

	@AfterAll
	static void stop() {
		cloudwatch.close();
		prometheus.close();
	}

	private static List<String> store(String dir) {
		return List.of("--data-dir", work.resolve(dir).toString(), "--reports-dir",
				work.resolve(dir + "-reports").toString());
	}

	private static CliRun cli(String dir, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(store(dir));
		return CliRun.of(all);
	}

	private static List<String> cloudwatchFlags() {
		return List.of("--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1");
	}

	private static CliRun inventory(String dir, String... more) {
		List<String> args = new ArrayList<>(List.of("inventory"));
		args.addAll(cloudwatchFlags());
		args.addAll(List.of(more));
		return cli(dir, args.toArray(String[]::new));
	}

	private static ParityStore openStore(String dir) {
		return ParityStore.open(TestStore.dataSource(work.resolve(dir)), Clock.systemUTC());
	}

	@Test
	void listsTheActiveMetricsPageByPageAndStoresADatedInventory() {
		CliRun all = inventory("list");
		assertThat(all.exitCode()).as(all.err()).isZero();
		assertThat(all.out()).contains(
				"inventory 1: 1203 metric(s) in 2 namespace(s) of CloudWatch at http://127.0.0.1:",
				"(3 CloudWatch ListMetrics call(s), active in the last 2 weeks)", "FlaskApp", "Synthetic");
		CliRun recent = inventory("list", "--namespace", "FlaskApp", "--recently-active", "--linked-accounts");
		assertThat(recent.out()).contains("inventory 2: 1 metric(s) in 1 namespace(s)", "active in the last 3 h");
		ParityStore store = openStore("list");
		InventoryRow first = store.inventories().byId(1).orElseThrow();
		assertThat(first.metricCount()).isEqualTo(1203);
		assertThat(first.calls()).isEqualTo(3);
		assertThat(store.inventoryItems(2)).singleElement().satisfies((i) -> {
			assertThat(i.describe()).isEqualTo("FlaskApp/Errors{Endpoint=/}");
			assertThat(i.account()).isEqualTo("123456789012");
		});
	}

	@Test
	void aMetricWithoutDataForTwoWeeksIsNoLongerListed() throws Exception {
		MovableClock later = CLOCK;
		later.advance(Duration.ofDays(15));
		try {
			CliRun run = inventory("aged", "--namespace", "FlaskApp");
			assertThat(run.out()).contains("inventory 1: 0 metric(s)");
		}
		finally {
			later.advance(Duration.ofDays(-15));
		}
	}

	@Test
	void theSignOffRefusesAnUncoveredActiveMetricAndAcceptsItOncePairedOrExcluded() throws Exception {
		Path mapping = work.resolve("estate.yml");
		StringBuilder yaml = new StringBuilder("version: 1\npairs:\n");
		for (int i = 0; i < SYNTHETIC - 1; i++) {
			yaml.append(SyntheticEstate.mappingEntry(i));
		}
		Files.writeString(mapping, yaml);
		String dir = "signoff";
		assertThat(inventory(dir).exitCode()).isZero();
		List<String> run = new ArrayList<>(
				List.of("run", "--mapping", mapping.toString(), "--prometheus-url", prometheus.url().toString(),
						"--settle-recheck", "0", "--from", Instant.now().minus(Duration.ofHours(3)).toString(), "--to",
						Instant.now().minus(Duration.ofHours(1)).toString()));
		run.addAll(cloudwatchFlags());
		CliRun first = cli(dir, run.toArray(String[]::new));
		assertThat(first.exitCode()).as(first.out() + first.err()).isZero();

		// m1199 and the three Errors metrics are neither paired nor excluded
		CliRun coverage = cli(dir, "coverage", "--mapping", mapping.toString());
		assertThat(coverage.exitCode()).isEqualTo(1);
		assertThat(coverage.out())
			.contains("NOT COVERED: 1203 metric(s) of inventory 1", "1199 covered, 0 excluded, 4 blocking")
			.containsPattern("Synthetic\\s+1200\\s+1199\\s+0\\s+0\\s+1\\s+99 %")
			.containsPattern("FlaskApp\\s+3\\s+0\\s+0\\s+0\\s+3\\s+0 %");
		String blocking = Files.readString(work.resolve(dir + "-reports").resolve("coverage-blocking.yml"));
		assertThat(blocking).contains("metric: 'm1199'", "dimensions: { 'Endpoint': '/api/users' }");
		CliRun refused = cli(dir, "signoff", "--mapping", mapping.toString(), "--runs", "1");
		assertThat(refused.exitCode()).as(refused.out()).isEqualTo(1);
		assertThat(refused.out()).contains("NOT SIGNED OFF: 1199 pair(s): 1199 passed the last 1 runs",
				"estate: inventory 1, 1203 active metric(s), 1199 covered, 0 excluded, 4 block (see coverage)");
		assertThat(Files.readString(work.resolve(dir + "-reports").resolve("signoff.html"))).contains(
				"The migration cannot be signed off yet.", "What blocks", "FlaskApp/Errors{Endpoint=/api/orders}");

		// the Errors metrics are excluded on purpose, m1199 gets its pair
		Fixtures.copy("exclusions/estate/errors-on-purpose.yml", work.resolve("exclusions.yml"));
		Files.writeString(mapping, yaml.append(SyntheticEstate.mappingEntry(SYNTHETIC - 1)));
		CliRun second = cli(dir, run.toArray(String[]::new));
		assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
		CliRun covered = cli(dir, "coverage", "--mapping", mapping.toString());
		assertThat(covered.exitCode()).as(covered.out()).isZero();
		assertThat(covered.out()).startsWith("namespace")
			.contains("COVERED: 1203 metric(s) of inventory 1 (", "): 1200 covered, 3 excluded, 0 blocking");
		CliRun accepted = cli(dir, "signoff", "--mapping", mapping.toString(), "--runs", "1");
		assertThat(accepted.exitCode()).as(accepted.out()).isZero();
		assertThat(accepted.out()).contains("SIGNED OFF: 1200 pair(s)", "1200 covered, 3 excluded, 0 block");

		// an expired exclusion blocks again
		Files.writeString(work.resolve("exclusions.yml"),
				Files.readString(work.resolve("exclusions.yml")).replace("2099-12-31", "2020-01-31"));
		CliRun expired = cli(dir, "signoff", "--mapping", mapping.toString(), "--runs", "1");
		assertThat(expired.exitCode()).isEqualTo(1);
		assertThat(expired.out()).contains("3 block (see coverage)");
	}

	@Test
	void coverageWithoutAnInventoryIsOneLineAndExitCode2() throws Exception {
		Path mapping = work.resolve("one.yml");
		Files.writeString(mapping, "pairs:\n" + SyntheticEstate.mappingEntry(0));
		CliRun run = cli("empty", "coverage", "--mapping", mapping.toString());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.errLines()).containsExactly(
				"parity-validator: no inventory in the store: run `inventory` first to list the old side's metrics");
	}

}
