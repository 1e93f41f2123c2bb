package dev.dualrun.parity.demo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.testing.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code demo --serve} as a new user would use it: the packaged jar keeps the demo's
 * backends up, and the commands it prints work against them (inventory, discover, a run
 * with a textfile), then Ctrl-C (SIGTERM) stops it.
 */
class DemoServeIT {

	@TempDir
	Path work;

	@Test
	void theSandboxServesEveryCommandItPrints() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-jar", "target/parity-validator.jar", "demo", "--serve",
				"--data-dir", this.work.resolve("demo").toString(), "--reports-dir",
				this.work.resolve("reports").toString())
			.redirectErrorStream(true);
		Process demo = builder.start();
		try {
			StringBuilder seen = new StringBuilder();
			String flags = null;
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while (flags == null && (line = out.readLine()) != null) {
					seen.append(line).append('\n');
					if (line.startsWith("demo-flags: ")) {
						flags = line.substring("demo-flags: ".length());
					}
				}
			}
			assertThat(flags).as(seen.toString()).isNotNull();
			assertThat(seen).contains("demo: serving its backends until Ctrl-C", "export AWS_ACCESS_KEY_ID=demo");
			// the demo set the SDK's credentials in its own process; this one reads them
			// from the system properties the printed export lines stand for
			System.setProperty("aws.accessKeyId", "demo");
			System.setProperty("aws.secretAccessKey", "demo");
			List<String> base = List.of(flags.split(" "));
			CliRun inventory = CliRun.of(with(List.of("inventory"), base, "--data-dir", "sandbox"));
			assertThat(inventory.exitCode()).as(inventory.out() + inventory.err()).isZero();
			CliRun discover = CliRun.of(with(List.of("discover", "--out", this.work.resolve("d.yml").toString()), base,
					"--data-dir", "sandbox"));
			assertThat(discover.exitCode()).as(discover.out() + discover.err()).isZero();
			assertThat(discover.out()).contains("paired at or above");
			Path prom = this.work.resolve("parity.prom");
			CliRun run = CliRun.of(with(
					List.of("run", "--mapping", this.work.resolve("demo/demo/mappings.yml").toString(), "--textfile",
							prom.toString(), "--pair", "latency-root-get,edge-checkouts"),
					base, "--data-dir", "sandbox"));
			assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
			assertThat(prom).content().contains("parity_pair_passing{", "pair=\"edge-checkouts\"} 1");
			// the demo wrote the fixes its run implies; the fixed pairs pass: the proof
			assertThat(seen).contains("fix: 3 pair(s) fixed in");
			CliRun proof = CliRun.of(with(
					List.of("run", "--mapping", this.work.resolve("demo/demo/mappings.fixed.yml").toString(), "--pair",
							"requests-users-get,payment-latency-orders-post,edge-payment-retries"),
					base, "--data-dir", "sandbox"));
			assertThat(proof.exitCode()).as(proof.out() + proof.err()).isZero();
		}
		finally {
			System.clearProperty("aws.accessKeyId");
			System.clearProperty("aws.secretAccessKey");
			demo.destroy();
			assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("stopped by SIGTERM").isTrue();
		}
	}

	@Test
	void theJarSaysTheVersionItWasBuiltAs() throws Exception {
		String pom = java.nio.file.Files.readString(Path.of("pom.xml"));
		java.util.regex.Matcher version = java.util.regex.Pattern
			.compile("<artifactId>parity-validator</artifactId>\\s*<version>([^<]+)</version>")
			.matcher(pom);
		assertThat(version.find()).isTrue();
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				"target/parity-validator.jar", "--version")
			.redirectErrorStream(true)
			.start();
		String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(said).isEqualTo("parity-validator " + version.group(1));
	}

	private List<String> with(List<String> command, List<String> flags, String name, String dir) {
		List<String> all = new ArrayList<>(command);
		all.addAll(flags);
		all.addAll(List.of(name, this.work.resolve(dir).toString(), "--reports-dir",
				this.work.resolve(dir + "-reports").toString()));
		return all;
	}

}
