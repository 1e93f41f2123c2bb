package dev.dualrun.parity.source.prometheus;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The PromQL parser reads the grammar mappings and alerting rules use. */
class PromQlTest {

	@Test
	void parsesTheGrammarTheMappingsUse() {
		for (String q : List.of("sum without (instance) (rate(x[5m]))", "sum(rate(x[5m])) by (job)",
				"a / on (job) group_left (x) b", "x > bool 3", "max_over_time(rate(x[1m])[10m:1m])", "-x + 2 ^ 3",
				"x @ 1609746000", "x offset -5m", "count_values(\"v\", x)", "{__name__=~\"a.*\", job!=\"x\"}",
				"histogram_quantile(0.9, sum by (le) (rate(x_bucket{a=~'b|c'}[5m])))", "1e3 * x",
				"x # comment\n + y")) {
			PromQl.parse(q);
		}
	}

	@Test
	void aPlusSignChangesNothingAndAMinusSignNegates() {
		assertThat(PromQl.parse("+5")).isEqualTo(PromQl.parse("5"));
		assertThat(PromQl.parse("x > +0.85")).hasToString(PromQl.parse("x > 0.85").toString());
		assertThat(PromQl.parse("-5")).isEqualTo(new PromQl.Binary("*", new PromQl.Literal("-1"), PromQl.parse("5")));
	}

}
