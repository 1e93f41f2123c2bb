package dev.dualrun.parity.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real Prometheus Pushgateway (Debian's {@code prometheus-pushgateway}, installed by
 * {@code .ci/run}) on a free loopback port, its state in memory only.
 */
public final class RealPushgateway implements AutoCloseable {

	private final Process process;

	private final int port;

	private RealPushgateway(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * @param workDir where its log goes
	 * @return the running Pushgateway
	 * @throws Exception if it does not start
	 */
	public static RealPushgateway start(Path workDir) throws Exception {
		Files.createDirectories(workDir);
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		String executable = executable();
		Path log = workDir.resolve("pushgateway.log");
		Process process = new ProcessBuilder(executable, "--web.listen-address=127.0.0.1:" + port)
			.directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		RealPushgateway gateway = new RealPushgateway(process, port);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("prometheus-pushgateway exited: " + Files.readString(log));
			}
			try {
				HttpURLConnection c = (HttpURLConnection) URI.create(gateway.url() + "/-/ready")
					.toURL()
					.openConnection();
				if (c.getResponseCode() == 200) {
					return gateway;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		gateway.close();
		throw new IllegalStateException("prometheus-pushgateway not ready after 30 s at " + gateway.url());
	}

	private static String executable() {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
			Path p = Path.of(dir, "prometheus-pushgateway");
			if (Files.isExecutable(p)) {
				return p.toString();
			}
		}
		throw new IllegalStateException("'prometheus-pushgateway' not found on PATH: these tests push to the real "
				+ "Pushgateway; install it with 'apt-get install -y prometheus-pushgateway' (bash .ci/run does it)");
	}

	/**
	 * @return its base URL
	 */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * @return its host:port, as a scrape target
	 */
	public String target() {
		return "127.0.0.1:" + this.port;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
