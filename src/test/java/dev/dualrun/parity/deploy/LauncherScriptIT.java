package dev.dualrun.parity.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher shipped in {@code src/deploy/bin} runs the packaged jar as
 * {@code java -jar} does (the same output and exit code), and starts a command that reads
 * only the store with a class archive that the command's first run wrote: one archive a
 * command, none for {@code --help} or a failed command, written again for a newer jar,
 * and one the JVM can map ({@code -Xshare:on} fails the JVM otherwise).
 */
class LauncherScriptIT {

	private static final Path SCRIPT = Path.of("src/deploy/bin/parity-validator").toAbsolutePath();

	@TempDir
	Path work;

	private Path jar;

	private Path cache;

	@BeforeEach
	void copyTheJar() throws IOException {
		// a copy, so that its time can be moved without touching the build's jar
		this.jar = Files.copy(Path.of("target/parity-validator.jar"), this.work.resolve("parity-validator.jar"));
		this.cache = this.work.resolve("cache");
	}

	@Test
	void aStoreCommandWritesItsArchiveOnceAndThenStartsFromIt() throws Exception {
		Result first = launch("", "runs");
		assertThat(first.code()).as(first.err()).isZero();
		assertThat(first.out()).isEqualTo(java("runs").out());
		Path archive = this.cache.resolve("parity-validator-runs.jsa");
		assertThat(archive).isNotEmptyFile();
		FileTime written = Files.getLastModifiedTime(archive);
		Result second = launch("", "runs");
		assertThat(second.code()).as(second.err()).isZero();
		assertThat(second.out()).isEqualTo(first.out());
		assertThat(Files.getLastModifiedTime(archive)).isEqualTo(written);
		// the JVM maps it (-Xshare:on fails the JVM otherwise)
		Result mapped = jvm("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1", "-jar",
				this.jar.toString(), "runs");
		assertThat(mapped.code()).as(mapped.out() + mapped.err()).isZero();
		Files.setLastModifiedTime(this.jar, FileTime.from(Instant.now().plusSeconds(60)));
		assertThat(launch("", "runs").code()).isZero();
		FileTime rewritten = Files.getLastModifiedTime(archive);
		assertThat(rewritten).isGreaterThan(written);
		// other options, another archive
		assertThat(launch("-Xmx300m", "runs").code()).isZero();
		assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(rewritten);
	}

	@Test
	void helpAndAFailedCommandWriteNoArchiveAndKeepTheirExitCode() throws Exception {
		assertThat(launch("", "runs", "--help").code()).isZero();
		Result missing = launch("", "report", "--run", "99");
		assertThat(missing.code()).isEqualTo(2);
		assertThat(missing.err()).isEqualTo(java("report", "--run", "99").err());
		assertThat(this.cache).satisfiesAnyOf((c) -> assertThat(c).doesNotExist(),
				(c) -> assertThat(c).isEmptyDirectory());
	}

	@Test
	void otherCommandsStartAsJavaDashJar() throws Exception {
		Result version = launch("", "--version");
		assertThat(version.code()).isZero();
		assertThat(version.out()).isEqualTo(java("--version").out());
		assertThat(this.cache).doesNotExist();
	}

	private Result launch(String javaOptions, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
		command.addAll(List.of(args));
		return run(command, Map.of("PARITY_JAR", this.jar.toString(), "PARITY_CACHE", this.cache.toString(),
				"JAVA_OPTS", javaOptions));
	}

	private Result java(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(List.of("-jar", this.jar.toString()));
		command.addAll(List.of(args));
		return run(command, Map.of());
	}

	private Result jvm(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(List.of(args));
		return run(command, Map.of());
	}

	private Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.work.toFile());
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().putAll(environment);
		Path out = this.work.resolve("out.txt");
		Path err = this.work.resolve("err.txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		int code = process.waitFor();
		return new Result(code, Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private record Result(int code, String out, String err) {
	}

}
