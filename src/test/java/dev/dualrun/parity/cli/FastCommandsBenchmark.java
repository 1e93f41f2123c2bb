package dev.dualrun.parity.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands that call no backend, each as a whole process of the packaged jar: the CPU
 * (user and system, as bash's {@code times} counts its child) and the wall time, median
 * of five, on the store of one demo run; started as {@code java -jar}, and through the
 * launcher {@code src/deploy/bin/parity-validator} once each command's first run has
 * written its class archive. Not part of the suite:
 * {@code mvn -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=FastCommandsBenchmark}; the table goes to
 * {@code target/benchmark/fast-commands.md}.
 */
class FastCommandsBenchmark {

	private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s\\s*$");

	private static final int REPEATS = 5;

	@TempDir
	Path work;

	@Test
	void commandsThatCallNoBackend() throws Exception {
		Path jar = Path.of("target/parity-validator.jar").toAbsolutePath();
		assertThat(jar).exists();
		String java = Path.of(System.getProperty("java.home"), "bin", "java") + " -jar " + jar;
		String launcher = "PARITY_JAR=" + jar + " PARITY_CACHE=" + this.work.resolve("cache") + " JAVA_HOME="
				+ System.getProperty("java.home") + " sh "
				+ Path.of("src/deploy/bin/parity-validator").toAbsolutePath();
		run(java + " demo");
		String mapping = "data/demo/mappings.yml";
		List<String> commands = List.of("lint --mapping " + mapping, "runs", "report --run 1",
				"signoff --mapping " + mapping,
				"coverage --mapping " + mapping + " --exclusions data/demo/exclusions.yml",
				"prune --dry-run --keep-runs 5", "dashboard --mapping " + mapping);
		StringBuilder table = new StringBuilder("| command | CPU s, java -jar | wall s, java -jar "
				+ "| CPU s, launcher | wall s, launcher |\n|---|---|---|---|---|\n");
		for (String command : commands) {
			double[] plain = median(java + " " + command);
			// the command's first run through the launcher writes its archive
			run(launcher + " " + command);
			double[] launched = median(launcher + " " + command);
			table.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.2f | %.2f | %.2f |%n", command, plain[0],
					plain[1], launched[0], launched[1]));
		}
		System.out.println(table);
		Files.createDirectories(Path.of("target/benchmark"));
		Files.writeString(Path.of("target/benchmark/fast-commands.md"), table.toString());
	}

	/**
	 * @return the median CPU and wall seconds of the command's runs
	 */
	private double[] median(String commandLine) throws Exception {
		List<double[]> runs = new ArrayList<>();
		for (int i = 0; i < REPEATS; i++) {
			runs.add(run(commandLine));
		}
		double[] cpu = runs.stream().mapToDouble((r) -> r[0]).sorted().toArray();
		double[] wall = runs.stream().mapToDouble((r) -> r[1]).sorted().toArray();
		return new double[] { cpu[REPEATS / 2], wall[REPEATS / 2] };
	}

	/**
	 * @return the CPU seconds (user and system) and the wall seconds of one process and
	 * its children
	 */
	private double[] run(String commandLine) throws IOException, InterruptedException {
		String script = commandLine + " >/dev/null 2>&1; times";
		long started = System.nanoTime();
		Process bash = new ProcessBuilder("bash", "-c", script).directory(this.work.toFile())
			.redirectErrorStream(true)
			.start();
		List<String> lines = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		bash.waitFor();
		double wall = (System.nanoTime() - started) / 1e9;
		// times: the shell's own line, then its children's user and system time
		Matcher children = TIMES.matcher(lines.get(lines.size() - 1));
		assertThat(children.find()).as(String.join("\n", lines)).isTrue();
		double cpu = Integer.parseInt(children.group(1)) * 60 + Double.parseDouble(children.group(2))
				+ Integer.parseInt(children.group(3)) * 60 + Double.parseDouble(children.group(4));
		return new double[] { cpu, wall };
	}

}
