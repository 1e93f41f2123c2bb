package dev.dualrun.parity.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import dev.dualrun.parity.demo.CloudWatchCompatibleServer;
import dev.dualrun.parity.store.ParityStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Both backends of the integration tests with the seeded dual run of
 * {@link DualRunFixture}: the CloudWatch-compatible server filled through the real SDK,
 * and the real Prometheus from a backfilled TSDB; the job's credentials as system
 * properties. Also opens the store a test run wrote under the work directory.
 */
public final class DualRunBackends implements AutoCloseable {

	public static final String ACCESS_KEY = "AKIDPARITY";

	public final DualRunFixture fixture;

	public final CloudWatchCompatibleServer cloudwatch;

	public final RealPrometheus prometheus;

	private final Path work;

	private DualRunBackends(Path work, DualRunFixture fixture, CloudWatchCompatibleServer cloudwatch,
			RealPrometheus prometheus) {
		this.work = work;
		this.fixture = fixture;
		this.cloudwatch = cloudwatch;
		this.prometheus = prometheus;
	}

	/**
	 * @param work the test's directory
	 * @param now the present
	 * @param hours hours of data before now
	 * @return the backends, started and filled
	 * @throws Exception if one cannot start
	 */
	public static DualRunBackends start(Path work, Instant now, long hours) throws Exception {
		DualRunFixture fixture = new DualRunFixture(7, now, hours);
		CloudWatchCompatibleServer cloudwatch = CloudWatchCompatibleServer.start(Clock.systemUTC(), ACCESS_KEY);
		try (CloudWatchClient client = client(cloudwatch)) {
			fixture.publish(client);
		}
		Files.createDirectories(work.resolve("prometheus"));
		RealPrometheus prometheus = RealPrometheus.start(work.resolve("prometheus"), fixture.openMetrics());
		System.setProperty("aws.accessKeyId", ACCESS_KEY);
		System.setProperty("aws.secretAccessKey", "secret");
		return new DualRunBackends(work, fixture, cloudwatch, prometheus);
	}

	/**
	 * @param server a CloudWatch-compatible server
	 * @return a client of it with the tests' credentials
	 */
	public static CloudWatchClient client(CloudWatchCompatibleServer server) {
		return CloudWatchClient.builder()
			.endpointOverride(server.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, "secret")))
			.build();
	}

	/**
	 * @param name the data directory of a test run, under the work directory
	 * @return its H2 database
	 */
	public javax.sql.DataSource dataSource(String name) {
		return TestStore.dataSource(this.work.resolve(name));
	}

	/**
	 * @param name the data directory of a test run
	 * @return its store
	 */
	public ParityStore store(String name) {
		return ParityStore.open(dataSource(name), Clock.systemUTC());
	}

	@Override
	public void close() throws Exception {
		this.prometheus.close();
		this.cloudwatch.close();
		System.clearProperty("aws.accessKeyId");
		System.clearProperty("aws.secretAccessKey");
	}

}
