package dev.dualrun.parity.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Prometheus (Debian package {@code prometheus}) on a free loopback port with a
 * temporary TSDB backfilled by {@code promtool tsdb create-blocks-from openmetrics}.
 * Tests never mock it: if it is not installed they fail and say how to install it.
 */
public final class RealPrometheus implements AutoCloseable {

	private final Process process;

	private final int port;

	private RealPrometheus(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	public static RealPrometheus start(Path workDir, String openMetrics) throws Exception {
		return start(workDir, openMetrics, "global:\n  scrape_interval: 15s\n", null);
	}

	/**
	 * @param workDir its directory
	 * @param openMetrics samples to backfill, or null for none
	 * @param config its prometheus.yml ({@code rule_files: [rules.yml]} finds the rules)
	 * @param rules its rules.yml (checked by promtool first), or null for none
	 * @return the running server
	 * @throws Exception if it does not start
	 */
	public static RealPrometheus start(Path workDir, String openMetrics, String config, String rules) throws Exception {
		String prometheus = executable("prometheus");
		String promtool = executable("promtool");
		Path tsdb = workDir.resolve("tsdb");
		if (openMetrics != null) {
			Path input = workDir.resolve("backfill.om");
			Files.writeString(input, openMetrics, StandardCharsets.UTF_8);
			run(workDir,
					List.of(promtool, "tsdb", "create-blocks-from", "openmetrics", input.toString(), tsdb.toString()));
		}
		if (rules != null) {
			Files.writeString(workDir.resolve("rules.yml"), rules, StandardCharsets.UTF_8);
			run(workDir, List.of(promtool, "check", "rules", workDir.resolve("rules.yml").toString()));
		}
		Path configFile = workDir.resolve("prometheus.yml");
		Files.writeString(configFile, config);
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		Process process = new ProcessBuilder(prometheus, "--config.file=" + configFile, "--storage.tsdb.path=" + tsdb,
				"--storage.tsdb.retention.time=30d", "--web.listen-address=127.0.0.1:" + port)
			.directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(workDir.resolve("prometheus.log").toFile())
			.start();
		RealPrometheus p = new RealPrometheus(process, port);
		p.awaitReady(workDir);
		return p;
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	private void awaitReady(Path workDir) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"prometheus exited: " + Files.readString(workDir.resolve("prometheus.log")));
			}
			try {
				HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/-/ready").toURL().openConnection();
				if (c.getResponseCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("prometheus not ready after 60 s at " + url());
	}

	private static String executable(String name) {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
			Path p = Path.of(dir, name);
			if (Files.isExecutable(p)) {
				return p.toString();
			}
		}
		throw new IllegalStateException("'" + name + "' not found on PATH: these tests run the real Prometheus; "
				+ "install it with 'apt-get install -y prometheus' (bash .ci/run does it)");
	}

	private static void run(Path dir, List<String> command) throws Exception {
		Process p = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve(Path.of(command.get(0)).getFileName() + ".log").toFile())
			.start();
		if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
			throw new IllegalStateException(command + " failed: "
					+ Files.readString(dir.resolve(Path.of(command.get(0)).getFileName() + ".log")));
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
