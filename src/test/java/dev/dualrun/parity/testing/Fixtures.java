package dev.dualrun.parity.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import dev.dualrun.parity.config.MappingException;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.MappingLoader;
import dev.dualrun.parity.source.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The YAML files of the tests, by name under {@code src/test/resources}: mapping files
 * under {@code mappings/}, by feature, and waiver and exclusion files.
 * <p>
 * An invalid fixture says what it causes: its first line names the error,
 * {@code # error: MESSAGE} (the whole message after the file and line) or
 * {@code # error: START ...} (a message that starts so), and the line the message names
 * ends with the comment {@code # <- error}. The line is read from the file, so comments
 * may be added above it.
 */
public final class Fixtures {

	/** The test resources, from the project's directory (Maven's working directory). */
	public static final Path RESOURCES = Path.of("src/test/resources");

	/** The comment that marks the line an error names. */
	public static final String MARK = "# <- error";

	private static final String ERROR = "# error: ";

	private static final String GOES_ON = " ...";

	private Fixtures() {
	}

	/**
	 * @param resource a file under {@code src/test/resources}, e.g.
	 * {@code waivers/no-owner.yml}
	 * @return its path
	 */
	public static Path path(String resource) {
		Path file = RESOURCES.resolve(resource);
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("no test resource " + file);
		}
		return file;
	}

	/**
	 * @param name a mapping file under {@code mappings/}, e.g.
	 * {@code cloudwatch/expression.yml}
	 * @return its path
	 */
	public static Path mappingPath(String name) {
		return path("mappings/" + name);
	}

	/**
	 * @param resource a file under {@code src/test/resources}
	 * @return its text
	 */
	public static String text(String resource) {
		try {
			return Files.readString(path(resource), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param name a mapping file under {@code mappings/}
	 * @return it, loaded with every registered source and named in messages by its file
	 * name
	 */
	public static MappingFile mapping(String name) {
		return mapping(Sources.mappingLoader(), name);
	}

	/**
	 * @param loader the loader
	 * @param name a mapping file under {@code mappings/}
	 * @return it, loaded by that loader and named in messages by its file name
	 */
	public static MappingFile mapping(MappingLoader loader, String name) {
		Path file = mappingPath(name);
		try {
			return loader.parse(file.getFileName().toString(), Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param dir a directory under {@code mappings/}, e.g. {@code cloudwatch/invalid}
	 * @return the names of its mapping files (e.g.
	 * {@code cloudwatch/invalid/unit-secs.yml}) in order, for a parameterized test
	 */
	public static Stream<String> mappings(String dir) {
		Path root = RESOURCES.resolve("mappings");
		try (Stream<Path> files = Files.list(root.resolve(dir))) {
			List<String> names = files.filter((f) -> f.getFileName().toString().endsWith(".yml"))
				.map((f) -> root.relativize(f).toString().replace('\\', '/'))
				.sorted()
				.toList();
			assertThat(names).as("mapping files in " + dir).isNotEmpty();
			return names.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Copies a resource where a test hands it to the CLI.
	 * @param resource a file under {@code src/test/resources}
	 * @param target the copy
	 * @return the copy
	 */
	public static Path copy(String resource, Path target) {
		return copy(resource, target, Map.of());
	}

	/**
	 * Copies a resource where a test hands it to the CLI, with placeholders written in.
	 * @param resource a file under {@code src/test/resources}
	 * @param target the copy
	 * @param values each placeholder's value, by name: {@code prometheus} for
	 * {@code ${prometheus}}; each must occur in the resource
	 * @return the copy
	 */
	public static Path copy(String resource, Path target, Map<String, String> values) {
		String text = text(resource);
		for (Map.Entry<String, String> value : values.entrySet()) {
			String placeholder = "${" + value.getKey() + "}";
			assertThat(text).as(resource).contains(placeholder);
			text = text.replace(placeholder, value.getValue());
		}
		try {
			Files.createDirectories(target.toAbsolutePath().getParent());
			return Files.writeString(target, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param file a fixture
	 * @return the number of the one line marked {@code # <- error}, from 1
	 */
	public static int markedLine(Path file) {
		List<String> lines = lines(file);
		List<Integer> marked = IntStream.range(0, lines.size())
			.filter((i) -> lines.get(i).stripTrailing().endsWith(MARK))
			.mapToObj((i) -> i + 1)
			.toList();
		assertThat(marked).as(file + ": the lines marked '" + MARK + "'").hasSize(1);
		return marked.get(0);
	}

	/**
	 * Asserts that a mapping file under {@code mappings/} is refused, by the loader, with
	 * the error its first line names, at its marked line, the file named by its name.
	 * @param loader the loader
	 * @param name the mapping file, e.g. {@code cloudwatch/invalid/unit-secs.yml}
	 */
	public static void assertRefused(MappingLoader loader, String name) {
		Path file = mappingPath(name);
		assertRefused(file, file.getFileName().toString(), () -> mapping(loader, name));
	}

	/**
	 * Asserts that reading an invalid fixture fails with a {@link MappingException} whose
	 * message is {@code SOURCE:LINE: ERROR}: the error named by its first line, at its
	 * marked line.
	 * @param file the fixture
	 * @param source how the message names the file
	 * @param read reads it
	 */
	public static void assertRefused(Path file, String source, ThrowingCallable read) {
		String first = lines(file).get(0);
		assertThat(first).as(file + ": the first line names the error").startsWith(ERROR);
		String error = first.substring(ERROR.length());
		boolean goesOn = error.endsWith(GOES_ON);
		String expected = source + ":" + markedLine(file) + ": "
				+ (goesOn ? error.substring(0, error.length() - GOES_ON.length()) : error);
		AbstractThrowableAssert<?, ? extends Throwable> thrown = assertThatThrownBy(read).as(file.toString())
			.isInstanceOf(MappingException.class);
		if (goesOn) {
			thrown.hasMessageStartingWith(expected);
		}
		else {
			thrown.hasMessage(expected);
		}
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
