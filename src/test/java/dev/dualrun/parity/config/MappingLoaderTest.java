package dev.dualrun.parity.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

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
		MappingFile file = parse("""
				version: 1
				defaults:
				  period: 5m
				  tolerance: { relative: 0.05 }
				pairs:
				  - id: latency
				    old: { name: EndpointLatency }
				    new: { query: 'x[${period}]' }
				    unit-factor: 1000
				  - id: count
				    period: 60
				    old: { name: Requests }
				    new: { query: 'y[${period}]' }
				    tolerance: { max-bias: 0.05 }
				""");
		PairMapping latency = file.pairs().get(0);
		assertThat(latency.old()).isEqualTo(new TestSides.OldName("EndpointLatency"));
		assertThat(latency.neu()).isEqualTo(new TestSides.NewQuery("x[5m]"));
		assertThat(latency.period()).isEqualTo(Duration.ofMinutes(5));
		assertThat(latency.unitFactor()).isEqualTo(1000);
		assertThat(latency.tolerance().relative()).isEqualTo(0.05);
		assertThat(latency.line()).isEqualTo(6);
		PairMapping count = file.pairs().get(1);
		assertThat(count.neu()).isEqualTo(new TestSides.NewQuery("y[60]"));
		assertThat(count.tolerance()).isEqualTo(new Tolerance(0.05, 2, 0.95, 0.95, 0.05));
		assertThat(file.sha256()).hasSize(64);
	}

	@Test
	void namesTheLineOfAnUnknownFieldAndTheBlocksItKnows() {
		assertThatThrownBy(() -> parse("""
				pairs:
				  - id: a
				    old: { name: M }
				    new: { query: x }
				    unit_factor: 1000
				""")).isInstanceOf(MappingException.class)
			.hasMessage("m.yml:5: pairs[0].unit_factor: unknown field 'unit_factor' (known: description, id, new, "
					+ "old, period, published-when-non-zero, scrape-interval, tolerance, unit-factor)");
	}

	@Test
	void namesTheFieldOfABlockItsSourceRefuses() {
		assertThatThrownBy(() -> parse("""
				pairs:
				  - id: a
				    old:
				      nam: M
				    new: { query: x }
				""")).hasMessageStartingWith("m.yml:4: pairs[0].old.nam: unknown field 'nam' (known: name, query)");
		assertThatThrownBy(() -> parse("pairs:\n  - id: a\n    old: { name: '' }\n    new: { query: x }\n"))
			.hasMessage("m.yml:3: pairs[0].old.name: missing (required)");
		assertThatThrownBy(() -> parse("pairs:\n  - id: a\n    old: M\n    new: { query: x }\n"))
			.hasMessage("m.yml:3: pairs[0].old: expected a block of fields (key: value), got a single value");
	}

	@Test
	void refusesMissingSidesDuplicatesAndTwoOldSides() {
		assertThatThrownBy(() -> parse("pairs:\n  - id: a\n    new: { query: x }\n"))
			.hasMessage("m.yml:2: pairs[0]: missing: every pair needs an old side, an 'old:' block");
		assertThatThrownBy(() -> parse("pairs:\n  - id: a\n    old: { name: M }\n"))
			.hasMessage("m.yml:2: pairs[0]: missing: every pair needs a new side, a 'new:' block");
		assertThatThrownBy(() -> parse("""
				pairs:
				  - { id: a, old: { name: M }, new: { query: x } }
				  - { id: a, old: { name: M }, new: { query: x } }
				""")).hasMessage("m.yml:3: pairs[1].id: duplicate pair id 'a'");
		MappingLoader two = new MappingLoader(java.util.List.of(TestSides.READERS.get(0), TestSides.READERS.get(1),
				new MappingLoaderTest.Renamed("older", TestSides.READERS.get(0))));
		assertThatThrownBy(() -> two.parse("m.yml", """
				pairs:
				  - id: a
				    old: { name: M }
				    older: { name: M }
				    new: { query: x }
				""".getBytes(StandardCharsets.UTF_8)))
			.hasMessage("m.yml:4: pairs[0].older: a pair has one old side: write either 'old:' or 'older:', not both");
	}

	@Test
	void readsAlertPairsThroughTheSameReaders() {
		MappingFile file = parse("alerts:\n  - id: page\n    old: { name: Alarm }\n    new: { name: Rule }\n");
		assertThat(file.alerts().get(0).old()).isEqualTo(new AlertMapping.Ref("old", "Alarm", null));
		assertThat(file.alerts().get(0).neu()).isEqualTo(new AlertMapping.Ref("new", "Rule", null));
		assertThatThrownBy(() -> parse("alerts:\n  - id: page\n    new: { name: Rule }\n"))
			.hasMessage("m.yml:2: alerts[0]: missing: an alert pair needs the old side's alert: 'old: {name: NAME}'");
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
