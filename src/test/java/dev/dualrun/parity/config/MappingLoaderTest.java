package dev.dualrun.parity.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.dualrun.parity.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The loader on its own terms: ids, periods, tolerances and two opaque sides, each read
 * by its source's reader ({@link TestSides}); every error names file, line and field.
 */
class MappingLoaderTest {

	private final MappingLoader loader = new MappingLoader(TestSides.READERS);

	@Test
	void appliesDefaultsAndHandsEachSideItsBlock() {
		MappingFile file = Fixtures.mapping(this.loader, "loader/defaults-and-sides.yml");
		PairMapping latency = file.pairs().get(0);
		assertThat(latency.old()).isEqualTo(new TestSides.OldName("EndpointLatency"));
		assertThat(latency.neu()).isEqualTo(new TestSides.NewQuery("x[5m]"));
		assertThat(latency.period()).isEqualTo(Duration.ofMinutes(5));
		assertThat(latency.unitFactor()).isEqualTo(1000);
		assertThat(latency.tolerance().relative()).isEqualTo(0.05);
		assertThat(latency.line()).isEqualTo(lineOf("loader/defaults-and-sides.yml", "  - id: latency"));
		PairMapping count = file.pairs().get(1);
		assertThat(count.neu()).isEqualTo(new TestSides.NewQuery("y[60]"));
		assertThat(count.tolerance()).isEqualTo(new Tolerance(0.05, 2, 0.95, 0.95, 0.05));
		assertThat(file.sha256()).hasSize(64);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = "unknown-field.yml")
	void namesTheLineOfAnUnknownFieldAndTheBlocksItKnows(String invalid) {
		Fixtures.assertRefused(this.loader, "loader/invalid/" + invalid);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "old-unknown-field.yml", "old-name-empty.yml", "old-not-a-block.yml" })
	void namesTheFieldOfABlockItsSourceRefuses(String invalid) {
		Fixtures.assertRefused(this.loader, "loader/invalid/" + invalid);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("missingSidesDuplicatesAndTwoOldSides")
	void refusesMissingSidesDuplicatesAndTwoOldSides(String invalid, MappingLoader loader) {
		Fixtures.assertRefused(loader, "loader/invalid/" + invalid);
	}

	static Stream<Arguments> missingSidesDuplicatesAndTwoOldSides() {
		MappingLoader two = new MappingLoader(java.util.List.of(TestSides.READERS.get(0), TestSides.READERS.get(1),
				new MappingLoaderTest.Renamed("older", TestSides.READERS.get(0))));
		MappingLoader one = new MappingLoader(TestSides.READERS);
		return Stream.of(Arguments.of("no-old-side.yml", one), Arguments.of("no-new-side.yml", one),
				Arguments.of("duplicate-id.yml", one), Arguments.of("old-and-older.yml", two));
	}

	@Test
	void readsAlertPairsThroughTheSameReaders() {
		MappingFile file = Fixtures.mapping(this.loader, "loader/alert-pair.yml");
		assertThat(file.alerts().get(0).old()).isEqualTo(new AlertMapping.Ref("old", "Alarm", null));
		assertThat(file.alerts().get(0).neu()).isEqualTo(new AlertMapping.Ref("new", "Rule", null));
		Fixtures.assertRefused(this.loader, "loader/invalid/alert-no-old-side.yml");
	}

	@Test
	void aListWhoseEveryEntryIsCommentedOutSaysSo() {
		assertThatThrownBy(() -> parse("pairs:\n#  - id: a\n")).isInstanceOf(MappingException.class)
			.hasMessage("m.yml:1: pairs: no pairs: the file must list at least one pair under 'pairs:' (or 'alerts:'); "
					+ "an entry commented out does not count");
	}

	@Test
	void refusesTextThatIsNotYaml() {
		assertThatThrownBy(() -> parse("pairs: [ { id: a,\n")).isInstanceOf(MappingException.class)
			.hasMessageStartingWith("m.yml:");
	}

	@Test
	void namesAMissingFile() {
		assertThatThrownBy(() -> this.loader.load(java.nio.file.Path.of("does-not-exist.yml")))
			.hasMessage("does-not-exist.yml: mapping file not found");
	}

	/**
	 * @return the number of the one line of a mapping file that is {@code text}, from 1
	 */
	private static int lineOf(String name, String text) {
		java.util.List<String> lines = Fixtures.text("mappings/" + name).lines().toList();
		assertThat(lines).as(name).containsOnlyOnce(text);
		return lines.indexOf(text) + 1;
	}

	private MappingFile parse(String yaml) {
		return this.loader.parse("m.yml", yaml.getBytes(StandardCharsets.UTF_8));
	}

	/** A reader under another key. */
	private record Renamed(String key, SideReader reader) implements SideReader {

		@Override
		public Side side() {
			return this.reader.side();
		}

		@Override
		public Class<? extends SideQuery> queryType() {
			return this.reader.queryType();
		}

		@Override
		public SideQuery readPair(MappingBlock block) {
			return this.reader.readPair(block);
		}

	}

}
