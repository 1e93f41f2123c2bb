package dev.dualrun.parity.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The systemd units shipped in {@code src/deploy/systemd} load in systemd as written
 * ({@code systemd-analyze verify}, from Debian's systemd), and the units the chapters
 * show are those files, word for word.
 */
class SystemdUnitsTest {

	private static final Path UNITS = Path.of("src/deploy/systemd");

	private static final Pattern SHOWN = Pattern.compile("```ini\n(# /etc/systemd/system/(\\S+)\n.*?)```",
			Pattern.DOTALL);

	@TempDir
	Path tmp;

	@Test
	void everyShippedUnitLoadsInSystemd() throws Exception {
		List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
		for (Path unit : units()) {
			// verify also loads what a unit names (the timer's service) from its
			// directory
			command.add(Files.copy(unit, this.tmp.resolve(unit.getFileName())).toString());
		}
		Process verify = new ProcessBuilder(command).redirectErrorStream(true).start();
		String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(verify.waitFor()).as(said).isZero();
		assertThat(said).as("systemd-analyze verify").isEmpty();
	}

	@Test
	void aUnitAfterTheNetworkAlsoWantsIt() throws IOException {
		for (Path unit : units()) {
			String text = Files.readString(unit);
			if (text.contains("After=network-online.target")) {
				assertThat(text).as(unit.toString()).contains("Wants=network-online.target");
			}
			assertThat(text).as(unit + ": systemd takes a comment after a value as part of the value")
				.doesNotContainPattern("(?m)^[A-Za-z]+=[^\n]*[ \t]#");
		}
	}

	@Test
	void theChaptersShowTheShippedUnits() throws IOException {
		List<String> shown = new ArrayList<>();
		try (Stream<Path> chapters = Files.list(Path.of("src/site/markdown"))) {
			for (Path chapter : chapters.sorted().toList()) {
				Matcher block = SHOWN.matcher(Files.readString(chapter));
				while (block.find()) {
					Path shipped = UNITS.resolve(block.group(2));
					assertThat(shipped).as(chapter + " shows " + block.group(2)).exists();
					assertThat(block.group(1)).as(chapter + " shows " + block.group(2))
						.isEqualTo(Files.readString(shipped));
					shown.add(block.group(2));
				}
			}
		}
		assertThat(shown)
			.containsExactlyInAnyOrderElementsOf(units().stream().map((u) -> u.getFileName().toString()).toList());
	}

	private static List<Path> units() throws IOException {
		try (Stream<Path> files = Files.list(UNITS)) {
			return files.sorted().toList();
		}
	}

}
