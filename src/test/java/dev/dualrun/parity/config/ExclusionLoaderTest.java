package dev.dualrun.parity.config;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.testing.Fixtures;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exclusions file's errors name the line of the entry they are about, as the YAML
 * parser saw it: neither a comment that mentions a field nor the next entry.
 */
class ExclusionLoaderTest {

	@Test
	void anExclusionWithoutItsNamespaceNamesItsOwnLine() {
		Path file = Fixtures.path("exclusions/loader/no-namespace.yml");
		assertThatThrownBy(() -> new ExclusionLoader().load(file)).isInstanceOf(MappingException.class)
			.hasMessage(file + ":" + Fixtures.markedLine(file) + ": exclusions[1].namespace: missing (required)");
	}

}
