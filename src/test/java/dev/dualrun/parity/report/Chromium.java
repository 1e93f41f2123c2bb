package dev.dualrun.parity.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real Chromium, headless, as the environment's probe starts it. */
public final class Chromium {

	public record Page(String dom, List<String> console) {

	}

	public static Page open(Path file, Path screenshot) throws Exception {
		return open(file, screenshot, 6000);
	}

	/**
	 * @param file the page
	 * @param screenshot where its screenshot goes
	 * @param height the window's height in pixels (900: the first screen of a laptop)
	 * @return the page's DOM once its scripts ran, and the console's messages
	 * @throws Exception if Chromium fails
	 */
	public static Page open(Path file, Path screenshot, int height) throws Exception {
		String chromium = executable();
		Path profile = Files.createTempDirectory("chromium-profile");
		List<String> common = List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--window-size=1300," + height, "--virtual-time-budget=5000");
		List<String> dump = new ArrayList<>(common);
		dump.addAll(List.of("--enable-logging=stderr", "--v=0", "--dump-dom", file.toUri().toString()));
		Path out = Files.createTempFile("dom", ".html");
		Path err = Files.createTempFile("console", ".log");
		run(new ProcessBuilder(dump).redirectOutput(out.toFile()).redirectError(err.toFile()));
		List<String> shot = new ArrayList<>(common);
		shot.addAll(List.of("--screenshot=" + screenshot, file.toUri().toString()));
		run(new ProcessBuilder(shot).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD));
		List<String> console = Files.readAllLines(err).stream().filter((l) -> l.contains("CONSOLE")).toList();
		return new Page(Files.readString(out), console);
	}

	private static void run(ProcessBuilder pb) throws Exception {
		Process p = pb.start();
		if (!p.waitFor(90, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IllegalStateException("chromium did not finish in 90 s");
		}
	}

	private static String executable() {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
			for (String name : new String[] { "chromium", "chromium-browser" }) {
				if (Files.isExecutable(Path.of(dir, name))) {
					return Path.of(dir, name).toString();
				}
			}
		}
		throw new IllegalStateException("chromium not found on PATH: the report tests open reports in the real "
				+ "browser; install it with 'apt-get install -y chromium' (bash .ci/run does it)");
	}

	/**
	 * @param file a page
	 * @return the seconds headless Chromium takes to load the page, run its scripts and
	 * take a screenshot (in real time, not virtual)
	 * @throws Exception if Chromium fails
	 */
	public static double secondsToDraw(Path file) throws Exception {
		Path profile = Files.createTempDirectory("chromium-profile");
		Path shot = Files.createTempFile("shot", ".png");
		List<String> command = List.of(executable(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--window-size=1300,2000", "--screenshot=" + shot,
				file.toUri().toString());
		long t0 = System.nanoTime();
		run(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD));
		return (System.nanoTime() - t0) / 1e9;
	}

}
