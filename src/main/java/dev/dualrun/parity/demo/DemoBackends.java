package dev.dualrun.parity.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The demo's backends, in process on loopback: a CloudWatch-compatible server, an
 * Azure-Monitor-compatible server and a Prometheus-compatible endpoint, filled with the
 * seeded scenario's 26 hours of a dual run, and the settings that point the job at them.
 */
public final class DemoBackends implements AutoCloseable {

	/** The demo's service principal on the Azure-Monitor-compatible server. */
	private static final String DEMO_TENANT = "demo-tenant";

	private static final String DEMO_CLIENT = "parity-demo";

	private static final String DEMO_SECRET = "demo-secret";

	/** What the demo is, for its command's help. */
	public static final String DESCRIPTION = "Start a CloudWatch-compatible server, an Azure-Monitor-compatible "
			+ "server and two Prometheus-compatible endpoints (a store and an edge that feeds it) in process on "
			+ "loopback, fill them with a seeded 26-hour dual run of a Flask app, two Azure resources and an edge "
			+ "(18 pairs: 13 from CloudWatch, 2 from Azure Monitor, 3 from the edge, 6 with injected discrepancies; "
			+ "5 alert pairs), run the real job through the real SDK and OkHttp clients, and write the report.";

	private final CloudWatchCompatibleServer cloudwatch;

	private final AzureMonitorCompatibleServer azure;

	private final DemoPrometheusServer prometheus;

	private final DemoPrometheusServer edge;

	private final DemoScenario scenario;

	private final Path mapping;

	private DemoBackends(CloudWatchCompatibleServer cloudwatch, AzureMonitorCompatibleServer azure,
			DemoPrometheusServer prometheus, DemoPrometheusServer edge, DemoScenario scenario, Path mapping) {
		this.cloudwatch = cloudwatch;
		this.azure = azure;
		this.prometheus = prometheus;
		this.edge = edge;
		this.scenario = scenario;
		this.mapping = mapping;
	}

	/**
	 * Starts the backends and fills them with the scenario, written up to now; its
	 * mapping is written to the given file.
	 * @param seed the scenario's seed
	 * @param now the present
	 * @param mapping where the demo's mapping file goes
	 * @return the backends, running
	 * @throws Exception if a server cannot start or be filled
	 */
	public static DemoBackends start(long seed, Instant now, Path mapping) throws Exception {
		CloudWatchCompatibleServer cloudwatch = CloudWatchCompatibleServer.start(Clock.systemUTC(), null);
		AzureMonitorCompatibleServer azure = AzureMonitorCompatibleServer.start(Clock.systemUTC(), DEMO_TENANT,
				DEMO_CLIENT, DEMO_SECRET);
		DemoPrometheusServer prometheus = DemoPrometheusServer.start();
		DemoPrometheusServer edge = DemoPrometheusServer.start();
		DemoBackends backends = new DemoBackends(cloudwatch, azure, prometheus, edge, new DemoScenario(seed), mapping);
		try (CloudWatchClient client = CloudWatchClient.builder()
			.endpointOverride(cloudwatch.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
			.build()) {
			backends.scenario.load(client, azure, prometheus, edge, now, mapping);
		}
		catch (Exception | Error ex) {
			backends.close();
			throw ex;
		}
		// the alarms were there through the whole dual run
		cloudwatch.alarmsEvaluatedSince(now.minus(Duration.ofHours(26)));
		// the job's client resolves credentials through the SDK's default chain
		if (System.getProperty("aws.accessKeyId") == null && System.getenv("AWS_ACCESS_KEY_ID") == null) {
			System.setProperty("aws.accessKeyId", "demo");
			System.setProperty("aws.secretAccessKey", "demo");
		}
		return backends;
	}

	/**
	 * @return the settings that point the job at the demo's backends, as property
	 * arguments
	 */
	public List<String> propertyArgs() {
		return List.of("--parity.cloudwatch.endpoint=" + this.cloudwatch.endpoint(),
				"--parity.cloudwatch.region=us-east-1", "--parity.prometheus.url=" + this.prometheus.url(),
				"--parity.edge.url=" + this.edge.url(), "--parity.azure.endpoint=" + this.azure.endpoint(),
				"--parity.azure.batch-endpoint=" + this.azure.endpoint(),
				"--parity.azure.token-endpoint=" + this.azure.endpoint(), "--parity.azure.tenant-id=" + DEMO_TENANT,
				"--parity.azure.client-id=" + DEMO_CLIENT, "--parity.azure.client-secret=" + DEMO_SECRET);
	}

	/**
	 * @return the flags that point any command at the demo's backends
	 */
	public List<String> flags() {
		return List.of("--cloudwatch-endpoint", this.cloudwatch.endpoint().toString(), "--cloudwatch-region",
				"us-east-1", "--prometheus-url", String.valueOf(this.prometheus.url()), "--edge-url",
				String.valueOf(this.edge.url()), "--azure-endpoint", this.azure.endpoint().toString(),
				"--azure-batch-endpoint", this.azure.endpoint().toString(), "--azure-token-endpoint",
				this.azure.endpoint().toString());
	}

	/**
	 * @return the credentials the demo's backends take, as environment variables
	 */
	public List<String> environment() {
		return List.of("AWS_ACCESS_KEY_ID=demo", "AWS_SECRET_ACCESS_KEY=demo", "AZURE_TENANT_ID=" + DEMO_TENANT,
				"AZURE_CLIENT_ID=" + DEMO_CLIENT, "AZURE_CLIENT_SECRET=" + DEMO_SECRET);
	}

	/**
	 * @return where each backend listens, for the console
	 */
	public String describe() {
		return "CloudWatch-compatible server at " + this.cloudwatch.endpoint() + " (" + this.scenario.putCalls()
				+ " PutMetricData calls), Azure-Monitor-compatible server at " + this.azure.endpoint()
				+ ", Prometheus-compatible endpoints at " + this.prometheus.url() + " and (an edge that feeds it) "
				+ this.edge.url() + ", mapping " + this.mapping;
	}

	/**
	 * @return the old sides' calls the backends received, for the console
	 */
	public String callsReceived() {
		return "the compatible servers received " + this.cloudwatch.calls("GetMetricData") + " GetMetricData and "
				+ (this.azure.calls("metrics") + this.azure.calls("getBatch"))
				+ " Azure Monitor metrics call(s), the fetch's, the re-reads' and the alarms' replays' together";
	}

	/**
	 * @return the seeded scenario, with the verdicts it expects
	 */
	public DemoScenario scenario() {
		return this.scenario;
	}

	@Override
	public void close() {
		this.edge.close();
		this.prometheus.close();
		this.azure.close();
		this.cloudwatch.close();
	}

}
