package dev.dualrun.parity.source.prometheus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.demo.SigV4PrometheusServer;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.CliRun;
import dev.dualrun.parity.testing.DualRunBackends;
import dev.dualrun.parity.testing.Fixtures;

/**
 * Amazon Managed Service for Prometheus, natively: the job against an AMP-compatible
 * workspace in front of the real Prometheus that verifies every SigV4 signature by the
 * specification gives the verdicts of the job against the plain Prometheus, with GET and
 * with POSTed queries; a wrong secret is one line and exit 3, and no signature or secret
 * is printed or stored.
 */
class SigV4PrometheusIT {

	@TempDir
	static Path work;

	private static DualRunBackends backends;

	private static SigV4PrometheusServer signed;

	private static SigV4PrometheusServer wrongSecret;

	private static Path mapping;

	private static Instant from;

	private static Instant to;

	@BeforeAll
	static void start() throws Exception {
		Instant now = Clock.systemUTC().instant();
		backends = DualRunBackends.start(work, now, 7);
		signed = SigV4PrometheusServer.start(backends.prometheus.url(), Map.of(DualRunBackends.ACCESS_KEY, "secret"),
				Map.of(), "eu-west-1", Clock.systemUTC());
		wrongSecret = SigV4PrometheusServer.start(backends.prometheus.url(),
				Map.of(DualRunBackends.ACCESS_KEY, "another-secret"), Map.of(), "eu-west-1", Clock.systemUTC());
		long p = 300;
		from = Instant.ofEpochSecond((backends.fixture.start.getEpochSecond() / p + 4) * p);
		to = Instant.ofEpochSecond((now.getEpochSecond() - 900) / p * p);
		mapping = Fixtures.copy("mappings/job/sigv4-prometheus.yml", work.resolve("mapping.yml"));
	}

	@AfterAll
	static void stop() throws Exception {
		signed.close();
		wrongSecret.close();
		backends.close();
	}

	@Test
	void signedQueriesGiveTheVerdictsOfThePlainPrometheusWithGetAndWithPost() {
		CliRun plain = run("plain", backends.prometheus.url(), List.of());
		assertThat(plain.exitCode()).as(plain.err()).isEqualTo(1);
		Map<String, String> expected = verdicts("plain");
		assertThat(expected).containsValues("PASS", "FAIL").doesNotContainValue("ERROR");
		CliRun get = run("signed-get", signed.url(), List.of("--prometheus-sigv4-region", "eu-west-1"));
		assertThat(get.exitCode()).as(get.err()).isEqualTo(1);
		assertThat(verdicts("signed-get")).isEqualTo(expected);
		assertThat(signed.refused()).isZero();
		// the 3 queries and the buildinfo
		assertThat(signed.accepted()).isEqualTo(4);
		System.setProperty("parity.prometheus.post-threshold", "10");
		try {
			CliRun post = run("signed-post", signed.url(), List.of("--prometheus-sigv4-region", "eu-west-1"));
			assertThat(post.exitCode()).as(post.err()).isEqualTo(1);
		}
		finally {
			System.clearProperty("parity.prometheus.post-threshold");
		}
		assertThat(verdicts("signed-post")).isEqualTo(expected);
		assertThat(signed.refused()).isZero();
		assertThat(signed.accepted()).isEqualTo(8);
	}

	@Test
	void unsignedOrSignedWithAWrongSecretIsOneLineAndExit3() throws Exception {
		CliRun wrong = run("wrong-secret", wrongSecret.url(), List.of("--prometheus-sigv4-region", "eu-west-1"));
		assertThat(wrong.exitCode()).isEqualTo(3);
		assertThat(wrong.errLines()).singleElement()
			.asString()
			.contains("refused the SigV4-signed request", "HTTP 403",
					"The request signature we calculated does not match the signature you provided", "aps:QueryMetrics",
					wrongSecret.url());
		String everything = wrong.out() + wrong.err() + String.join("\n", reportTexts("wrong-secret"));
		assertThat(everything).doesNotContainPattern("Signature=[0-9a-f]{16}").doesNotContain("secret\"");
		assertThat(wrong.out()).doesNotContain("\tat ");
		CliRun unsigned = run("unsigned", signed.url(), List.of());
		assertThat(unsigned.exitCode()).isEqualTo(3);
		assertThat(unsigned.errLines()).singleElement().asString().contains("HTTP 403", "Missing Authentication Token");
		CliRun region = run("other-region", signed.url(), List.of("--prometheus-sigv4-region", "us-east-1"));
		assertThat(region.exitCode()).isEqualTo(3);
		assertThat(region.errLines()).singleElement().asString().contains("valid region");
	}

	@Test
	void aBadRegionOrSigningBesideBasicAuthIsRefusedBeforeTheRun() {
		CliRun bad = run("bad-region", signed.url(), List.of("--prometheus-sigv4-region", "Frankfurt"));
		assertThat(bad.exitCode()).isEqualTo(2);
		assertThat(bad.errLines()).singleElement()
			.asString()
			.contains("--prometheus-sigv4-region 'Frankfurt' is not an AWS region");
		CliRun both = run("both", signed.url(),
				List.of("--prometheus-sigv4-region", "eu-west-1", "--prometheus-user", "admin"));
		assertThat(both.exitCode()).isEqualTo(2);
		assertThat(both.errLines()).singleElement().asString().contains("basic auth", "one Authorization");
	}

	private static CliRun run(String name, String prometheusUrl, List<String> extra) {
		List<String> args = new ArrayList<>(List.of("run", "--from", from.toString(), "--to", to.toString(),
				"--prometheus-url", prometheusUrl, "--cloudwatch-endpoint", backends.cloudwatch.endpoint().toString(),
				"--cloudwatch-region", "us-east-1", "--data-dir", work.resolve(name).toString(), "--reports-dir",
				work.resolve(name + "-reports").toString(), "--mapping", mapping.toString()));
		args.addAll(extra);
		return CliRun.of(args);
	}

	private static Map<String, String> verdicts(String name) {
		Map<String, String> byId = new TreeMap<>();
		backends.store(name).results().results(1).forEach((r) -> byId.put(r.pairId(), r.verdict().name()));
		return byId;
	}

	private static List<String> reportTexts(String name) throws Exception {
		List<String> texts = new ArrayList<>();
		Path dir = work.resolve(name + "-reports");
		if (Files.isDirectory(dir)) {
			try (var files = Files.list(dir)) {
				for (Path f : files.toList()) {
					texts.add(Files.readString(f));
				}
			}
		}
		return texts;
	}

}
