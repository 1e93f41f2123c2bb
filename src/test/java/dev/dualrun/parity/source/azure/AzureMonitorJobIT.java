package dev.dualrun.parity.source.azure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.demo.AzureMonitorCompatibleServer;
import dev.dualrun.parity.demo.CloudWatchCompatibleServer;
import dev.dualrun.parity.store.PairResultRow;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.StoreJson;
import dev.dualrun.parity.store.RunRow;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.RealPrometheus;
import dev.dualrun.parity.testing.TestStore;
import dev.dualrun.parity.testing.BenchmarkScenario;

/**
 * The whole job through the CLI on a run with two old systems: pairs of the benchmark's
 * corpus with Azure Monitor as their old side (the Azure-Monitor-compatible server
 * through the real OkHttp client, tokens by client credentials, the batch API) and two
 * with CloudWatch, all against the real Prometheus; then a wrong client secret.
 */
class AzureMonitorJobIT {

	@TempDir
	static Path work;

	private static BenchmarkScenario scenario;

	private static AzureMonitorCompatibleServer azure;

	private static CloudWatchCompatibleServer cloudwatch;

	private static RealPrometheus prometheus;

	private static final List<BenchmarkScenario.Pair> AZURE = new ArrayList<>();

	private static final List<BenchmarkScenario.Pair> CLOUDWATCH = new ArrayList<>();

	@BeforeAll
	static void start() throws Exception {
		scenario = new BenchmarkScenario(Clock.systemUTC().instant(), 6).build(3);
		Map<String, Integer> taken = new HashMap<>();
		Set<String> wanted = Set.of("equivalent|sum", "equivalent|sample_count", "equivalent|average",
				"equivalent|maximum", "bias|10 %", "gap|10 periods", "unit|x1000", "shift|+1 period");
		for (BenchmarkScenario.Pair p : scenario.pairs()) {
			String key = p.clazz() + "|" + p.size();
			if (wanted.contains(key) && taken.merge(key, 1, Integer::sum) <= 2) {
				AZURE.add(p);
			}
			else if (key.equals("equivalent|sum") && CLOUDWATCH.isEmpty()) {
				CLOUDWATCH.add(p);
			}
		}
		azure = AzureMonitorCompatibleServer.start(Clock.systemUTC(), "contoso-tenant", "parity-app", "right-secret");
		BenchmarkScenario.publishAzure(azure, AZURE);
		cloudwatch = CloudWatchCompatibleServer.start(Clock.systemUTC(), null);
		try (CloudWatchClient client = CloudWatchClient.builder()
			.endpointOverride(cloudwatch.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("it", "it")))
			.build()) {
			List<software.amazon.awssdk.services.cloudwatch.model.MetricDatum> data = new ArrayList<>();
			CLOUDWATCH.forEach((p) -> data.addAll(p.datums()));
			for (int from = 0; from < data.size(); from += 400) {
				List<software.amazon.awssdk.services.cloudwatch.model.MetricDatum> batch = data.subList(from,
						Math.min(data.size(), from + 400));
				client.putMetricData((r) -> r.namespace("Bench").metricData(batch));
			}
		}
		List<BenchmarkScenario.Pair> all = new ArrayList<>(AZURE);
		all.addAll(CLOUDWATCH);
		Files.createDirectories(work.resolve("prometheus"));
		prometheus = RealPrometheus.start(work.resolve("prometheus"), BenchmarkScenario.openMetrics(all));
		StringBuilder yaml = new StringBuilder("version: 1\ndefaults:\n  period: 5m\npairs:\n");
		AZURE.forEach((p) -> yaml.append(p.azureYaml()));
		CLOUDWATCH.forEach((p) -> yaml.append(p.yaml()));
		Files.writeString(work.resolve("mapping.yml"), yaml);
		System.setProperty("aws.accessKeyId", "it");
		System.setProperty("aws.secretAccessKey", "it");
		System.setProperty("parity.azure.tenant-id", "contoso-tenant");
		System.setProperty("parity.azure.client-id", "parity-app");
	}

	@AfterAll
	static void stop() throws Exception {
		prometheus.close();
		azure.close();
		cloudwatch.close();
		System.clearProperty("parity.azure.tenant-id");
		System.clearProperty("parity.azure.client-id");
		System.clearProperty("parity.azure.client-secret");
	}

	private static CliRun run(String dir, String secret, String... more) {
		System.setProperty("parity.azure.client-secret", secret);
		String az = azure.endpoint().toString();
		List<String> args = new ArrayList<>(List.of("run", "--mapping", work.resolve("mapping.yml").toString(),
				"--from", scenario.from().toString(), "--to", scenario.to().toString(), "--prometheus-url",
				prometheus.url(), "--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region",
				"us-east-1", "--azure-endpoint", az, "--azure-batch-endpoint", az, "--azure-token-endpoint", az,
				"--data-dir", work.resolve(dir).toString(), "--reports-dir", work.resolve(dir + "-reports").toString(),
				"--settle-recheck", "0"));
		args.addAll(List.of(more));
		return CliRun.of(args);
	}

	private static ParityStore store(String dir) {
		return ParityStore.open(TestStore.dataSource(work.resolve(dir)), Clock.systemUTC());
	}

	@Test
	void judgesAzureMonitorAndCloudWatchPairsInOneRunAsTheirLabelsSay() throws Exception {
		CliRun run = run("main", "right-secret");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
		ParityStore store = store("main");
		RunRow row = store.latestRuns(1).get(0);
		Map<String, PairResultRow> results = new HashMap<>();
		store.results().results(row.id()).forEach((r) -> results.put(r.pairId(), r));
		assertThat(results).hasSize(AZURE.size() + CLOUDWATCH.size());
		for (BenchmarkScenario.Pair p : AZURE) {
			PairResultRow r = results.get(p.id());
			if (p.equivalent()) {
				assertThat(r.verdict().name()).as(p.id() + ": " + r.summary()).isEqualTo("PASS");
			}
			else {
				assertThat(r.verdict().name()).as(p.id() + ": " + r.summary()).isEqualTo("FAIL");
				assertThat(StoreJson.diagnoses(r.diagnoses()).get(0).code().name()).as(p.id() + ": " + r.summary())
					.isEqualTo(p.expectedDiagnosis());
			}
		}
		assertThat(results.get(CLOUDWATCH.get(0).id()).verdict().name()).isEqualTo("PASS");
		// the run names both old systems; Azure pairs of one metric and aggregation share
		// calls
		assertThat(row.old().system()).isEqualTo("Azure Monitor + CloudWatch");
		assertThat(row.old().location()).contains("Azure Monitor http://127.0.0.1:", "CloudWatch http://127.0.0.1:");
		assertThat(azure.calls("getBatch")).isEqualTo(4);
		assertThat(row.old().calls()).isEqualTo(row.oldMinCalls()).isEqualTo(5);
		// the report says which system each pair's old side is
		Path report = Files.list(work.resolve("main-reports"))
			.filter((f) -> f.getFileName().toString().endsWith(".html"))
			.findFirst()
			.orElseThrow();
		String html = Files.readString(report);
		assertThat(html).contains("Azure Monitor", "CloudWatch", AZURE.get(0).id() + " (Microsoft.Web/sites)");
	}

	@Test
	void aWrongClientSecretIsOneLineAndExitCode3() {
		String azurePairs = String.join(",", AZURE.stream().map(BenchmarkScenario.Pair::id).toList());
		CliRun run = run("wrong", "not-the-secret", "--pair", azurePairs);
		assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
		assertThat(run.errLines()).hasSize(1);
		assertThat(run.errLines().get(0))
			.contains("Microsoft Entra ID refused the client credentials of parity-app",
					"invalid_client: AADSTS7000215")
			.doesNotContain("not-the-secret");
		assertThat(run.out() + run.err()).doesNotContain("\tat ", "Exception");
	}

}
