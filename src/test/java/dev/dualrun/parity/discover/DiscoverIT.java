package dev.dualrun.parity.discover;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.demo.CloudWatchCompatibleServer;
import dev.dualrun.parity.discover.Discovery;
import dev.dualrun.parity.discover.SourceSeriesCheck;
import dev.dualrun.parity.source.Catalog;
import dev.dualrun.parity.source.Catalogued;
import dev.dualrun.parity.source.InventoryItem;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.PairResultRow;
import dev.dualrun.parity.store.ParityStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.RealPrometheus;
import dev.dualrun.parity.testing.TestStore;
import dev.dualrun.parity.demo.DemoDiscoveryIT;

/**
 * {@code discover} on a labelled estate of 250 CloudWatch metrics against the real
 * Prometheus: exporter copies (YACE and cloudwatch_exporter, stamped at CloudWatch's
 * bucket starts, and a YACE family stamped at scrape time), the application's own metrics
 * beside decoys, and metrics with no counterpart. Measures the share paired correctly at
 * the top candidate and the share paired wrongly with confidence (written to
 * {@code target/benchmark/discovery.md}), then runs the job on the generated mapping:
 * every exporter pair it wrote active passes.
 */
class DiscoverIT {

	@TempDir
	static Path work;

	private static LabelledEstate estate;

	private static CloudWatchCompatibleServer cloudwatch;

	private static RealPrometheus prometheus;

	@BeforeAll
	static void start() throws Exception {
		estate = new LabelledEstate(Clock.systemUTC().instant(), 10);
		cloudwatch = CloudWatchCompatibleServer.start(Clock.systemUTC(), null);
		try (CloudWatchClient client = CloudWatchClient.builder()
			.endpointOverride(cloudwatch.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("d", "d")))
			.build()) {
			for (Map.Entry<String, List<MetricDatum>> e : estate.datums.entrySet()) {
				if (e.getKey().startsWith("AWS/")) {
					for (MetricDatum d : e.getValue()) {
						Map<String, String> dims = new TreeMap<>();
						d.dimensions().forEach((x) -> dims.put(x.name(), x.value()));
						cloudwatch.publishAsService(e.getKey(), d.metricName(), dims, d.timestamp(), d.value(),
								d.unitAsString());
					}
					continue;
				}
				for (int from = 0; from < e.getValue().size(); from += 500) {
					List<MetricDatum> batch = e.getValue().subList(from, Math.min(e.getValue().size(), from + 500));
					client.putMetricData((r) -> r.namespace(e.getKey()).metricData(batch));
				}
			}
		}
		Files.createDirectories(work.resolve("prometheus"));
		prometheus = RealPrometheus.start(work.resolve("prometheus"), estate.openMetrics());
		System.setProperty("aws.accessKeyId", "d");
		System.setProperty("aws.secretAccessKey", "d");
		// the loopback server takes more than the 10 requests a second a real account
		// shares
		System.setProperty("parity.cloudwatch.max-tps", "1000");
	}

	@AfterAll
	static void stop() throws Exception {
		prometheus.close();
		cloudwatch.close();
		System.clearProperty("parity.cloudwatch.max-tps");
	}

	private static CliRun cli(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region",
				"us-east-1", "--prometheus-url", prometheus.url(), "--data-dir", work.resolve("data").toString(),
				"--reports-dir", work.resolve("reports").toString()));
		return CliRun.of(all);
	}

	@Test
	void pairsExporterCopiesExactlyAndRanksOwnMetricsWithoutConfidentMistakes() throws Exception {
		ParityProperties properties = dev.dualrun.parity.batch.SettingsBinding.of(Map.of("parity.prometheus.url",
				prometheus.url(), "parity.cloudwatch.region", "us-east-1", "parity.cloudwatch.endpoint",
				cloudwatch.endpoint().toString(), "parity.cloudwatch.max-tps", "1000"));
		List<InventoryItem> items = estate.metrics.stream()
			.map((m) -> new InventoryItem(m.namespace(), m.name(), new TreeMap<>(m.dimensions()), null))
			.toList();
		double threshold = 0.6;
		List<Discovery.Proposal> proposals;
		Instant now = Instant.now();
		Discovery.Sides sides = DemoDiscoveryIT.sides();
		try (Catalog catalog = Sources.one(Catalogued.class, Side.NEW, "list").catalog(properties);
				SourceSeriesCheck check = new SourceSeriesCheck(properties, sides, "cloudwatch", "prometheus", now,
						6)) {
			proposals = new Discovery(catalog, sides, now, threshold, check).propose(items);
		}
		Map<String, int[]> byKind = new TreeMap<>();
		int right = 0;
		int confidentlyWrong = 0;
		List<String> misses = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			LabelledEstate.Metric m = estate.metrics.get(i);
			Discovery.Proposal p = proposals.get(i);
			boolean correctTop = (m.truth() == null) ? !p.confident(threshold)
					: m.truth().equals(p.target()) && p.query() != null
							&& m.dimensions()
								.values()
								.stream()
								.allMatch((v) -> p.query()
									.toLowerCase(Locale.ROOT)
									.contains("\"" + v.toLowerCase(Locale.ROOT) + "\""));
			boolean wrong = p.confident(threshold) && !(m.truth() != null && correctTop);
			int[] c = byKind.computeIfAbsent(m.kind(), (k) -> new int[4]);
			c[0]++;
			c[1] += correctTop ? 1 : 0;
			c[2] += wrong ? 1 : 0;
			c[3] += p.confident(threshold) ? 1 : 0;
			right += correctTop ? 1 : 0;
			confidentlyWrong += wrong ? 1 : 0;
			if (!correctTop || wrong) {
				misses.add(m.namespace() + "/" + m.name() + m.dimensions() + " -> " + p.target()
						+ String.format(Locale.ROOT, " (%.2f)", p.confidence()));
			}
		}
		StringBuilder report = new StringBuilder("# Discovery accuracy\n\n").append(items.size())
			.append(" labelled CloudWatch metrics against the real Prometheus, threshold ")
			.append(threshold)
			.append(".\n\n| kind | metrics | right at the top candidate | written active | wrong with confidence |\n"
					+ "|---|---|---|---|---|\n");
		byKind.forEach((k, c) -> report.append(String.format(Locale.ROOT, "| %s | %d | %d (%.0f %%) | %d | %d |%n", k,
				c[0], c[1], 100.0 * c[1] / c[0], c[3], c[2])));
		report.append(String.format(Locale.ROOT, "| all | %d | %d (%.1f %%) | | %d (%.1f %%) |%n", items.size(), right,
				100.0 * right / items.size(), confidentlyWrong, 100.0 * confidentlyWrong / items.size()));
		if (!misses.isEmpty()) {
			report.append("\nNot right at the top candidate, or wrong with confidence:\n");
			misses.forEach((x) -> report.append("- ").append(x).append('\n'));
		}
		System.out.println(report);
		Path out = Path.of("target", "benchmark", "discovery.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		assertThat(items).hasSizeGreaterThanOrEqualTo(200);
		assertThat(byKind.get("exporter")[1]).as("exporter copies paired exactly").isEqualTo(byKind.get("exporter")[0]);
		assertThat(byKind.get("exporter-scrape-time")[3]).as("scrape-time copies are never written active").isZero();
		assertThat(right).as("right at the top candidate").isGreaterThanOrEqualTo((int) Math.ceil(0.9 * items.size()));
		assertThat(confidentlyWrong).as("wrong with confidence").isLessThanOrEqualTo(items.size() / 50);
	}

	@Test
	void theGeneratedMappingOfExporterCopiesPassesTheJob() throws Exception {
		CliRun inventory = cli("inventory");
		assertThat(inventory.exitCode()).as(inventory.err()).isZero();
		Path generated = work.resolve("generated.yml");
		CliRun discover = cli("discover", "--out", generated.toString());
		assertThat(discover.exitCode()).as(discover.err()).isZero();
		assertThat(discover.out())
			.contains("discover: 250 metric(s) of inventory 1: 60 paired exactly through an exporter");
		String yaml = Files.readString(generated);
		assertThat(yaml).contains("  # AWS/EC2/CPUUtilization{InstanceId=i-00000000000abc000}", "(YACE copy)",
				"query: 'sum by (dimension_InstanceId) (last_over_time(aws_ec2_cpuutilization_average"
						+ "{dimension_InstanceId=\"i-00000000000abc000\"}[${period}] offset 1s))'",
				"#   - id: database-connections-orders-db-0");
		MappingFile mapping = dev.dualrun.parity.source.Sources.mappingLoader().load(generated);
		assertThat(dev.dualrun.parity.source.MappingLint.lint(mapping))
			.noneMatch((f) -> f.severity() == dev.dualrun.parity.config.LintFinding.Severity.ERROR);
		List<String> exporterPairs = mapping.pairs()
			.stream()
			.filter((p) -> p.neu().describe().contains("offset 1s"))
			.map(dev.dualrun.parity.config.PairMapping::id)
			.toList();
		assertThat(exporterPairs).hasSize(60);
		CliRun run = cli("run", "--mapping", generated.toString(), "--pair", String.join(",", exporterPairs), "--from",
				Instant.ofEpochSecond(estate.start() + 1800).toString(), "--to",
				Instant.ofEpochSecond(estate.end() - 600).toString(), "--settle-recheck", "0");
		assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
		ParityStore store = ParityStore.open(TestStore.dataSource(work.resolve("data")), Clock.systemUTC());
		Map<String, PairResultRow> results = new HashMap<>();
		store.results().results(store.latestRuns(1).get(0).id()).forEach((r) -> results.put(r.pairId(), r));
		assertThat(results).hasSize(60)
			.allSatisfy((id, r) -> assertThat(r.verdict().name()).as(id + ": " + r.summary()).isEqualTo("PASS"));
	}

}
