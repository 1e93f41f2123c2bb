package dev.dualrun.parity.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Did you mean": the same rule for commands, flags, fields and pair ids. */
class SuggestionsTest {

	private static final List<String> COMMANDS = List.of("demo", "run", "restart", "report", "runs", "rejudge",
			"signoff", "lint", "prune", "inventory", "coverage");

	@Test
	void shortNamesGetSuggestionsToo() {
		assertThat(Suggestions.near("rn", COMMANDS)).containsExactly("run");
		assertThat(Suggestions.near("rnu", COMMANDS)).startsWith("run");
		assertThat(Suggestions.near("runn", COMMANDS)).startsWith("run", "runs");
		assertThat(Suggestions.near("repot", COMMANDS)).startsWith("report");
	}

	@Test
	void longNamesAllowMoreEditsAndNothingFarIsSuggested() {
		List<String> ids = List.of("latency-root-get", "latency-orders-post", "requests-root-get");
		assertThat(Suggestions.near("latency-rot-get", ids)).containsExactly("latency-root-get");
		assertThat(Suggestions.near("xyz", ids)).isEmpty();
		assertThat(Suggestions.didYouMean("xyz", ids)).isEmpty();
		assertThat(Suggestions.didYouMean("Latency-Root-Gett", ids)).isEqualTo("did you mean 'latency-root-get'? ");
	}

	@Test
	void anUnknownFieldNamesTheNearestFirstThenEveryField() {
		assertThat(Suggestions.unknownField("cloudwach", List.of("prometheus", "cloudwatch", "id")))
			.isEqualTo("unknown field 'cloudwach' (did you mean 'cloudwatch'? known: cloudwatch, id, prometheus)");
	}

}
