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

	private Process process;

	private final int port;

	private final List<String> command;

	private final Path workDir;

	private RealPrometheus(Process process, int port, List<String> command, Path workDir) {
		this.process = process;
		this.port = port;
		this.command = command;
		this.workDir = workDir;
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
		return launch(workDir, config, List.of());
	}

	/**
	 * A server without backfill, e.g. an edge that scrapes a live exporter, or a central
	 * store that receives remote writes.
	 * @param workDir its directory (its TSDB is {@code tsdb} in it)
	 * @param config its prometheus.yml; {@code ${self}} is its own host:port (a job that
	 * scrapes the server itself)
	 * @param flags further flags, e.g. {@code --web.enable-remote-write-receiver}
	 * @return the running server
	 * @throws Exception if it does not start
	 */
	public static RealPrometheus launch(Path workDir, String config, List<String> flags) throws Exception {
		Files.createDirectories(workDir);
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		Path configFile = workDir.resolve("prometheus.yml");
		Files.writeString(configFile, config.replace("${self}", "127.0.0.1:" + port));
		List<String> command = new java.util.ArrayList<>(List.of(executable("prometheus"),
				"--config.file=" + configFile, "--storage.tsdb.path=" + workDir.resolve("tsdb"),
				"--storage.tsdb.retention.time=30d", "--web.listen-address=127.0.0.1:" + port));
		command.addAll(flags);
		RealPrometheus p = new RealPrometheus(spawn(command, workDir), port, List.copyOf(command), workDir);
		p.awaitReady(workDir);
		return p;
	}

	private static Process spawn(List<String> command, Path workDir) throws IOException {
		return new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("prometheus.log").toFile()))
			.start();
	}

	/**
	 * Stops the server as an operator would (SIGTERM), keeping its TSDB.
	 * @throws InterruptedException if interrupted while it stops
	 */
	public void stop() throws InterruptedException {
		close();
	}

	/**
	 * Starts the stopped server again on its port and TSDB.
	 * @throws Exception if it does not start
	 */
	public void startAgain() throws Exception {
		this.process = spawn(this.command, this.workDir);
		awaitReady(this.workDir);
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
