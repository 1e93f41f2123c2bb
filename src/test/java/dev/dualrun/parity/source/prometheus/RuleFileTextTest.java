package dev.dualrun.parity.source.prometheus;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.AlertChange;
import dev.dualrun.parity.config.AlertMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * An alert finding's fix written into a Prometheus rule file: only the rule's
 * {@code for}, threshold or operator changes, every other character as written.
 */
class RuleFileTextTest {

	private static final String RULES = """
			# pool alerts (owned by the platform team)
			groups:
			  - name: pool
			    interval: 1m
			    rules:
			      - alert: PoolUsageHigh   # warn
			        expr: avg by (host) (db_pool_usage_ratio{host="web-1"}) > 85
			        for: 2m
			      - alert: PoolSaturationTicket
			        expr: |
			          avg by (host) (avg_over_time(db_pool_usage_percent[1m]))
			            > 80 or absent(db_pool_usage_percent)
			        labels: { severity: ticket }
			  - name: shop
			    rules:
			      - alert: PoolUsageHigh
			        expr: "5 > sum(rate(errors_total[1m]))"
			        for: 1m
			""";

	private static AlertMapping.Ref rule(String name, String group) {
		return new AlertMapping.Ref("prometheus", name, group);
	}

	@Test
	void aForTooLongIsReplacedAndAMissingOneAddedAfterTheName() {
		String changed = RuleFileText.rewrite(RULES, rule("PoolUsageHigh", "pool"),
				new AlertChange(AlertChange.Kind.HOLD_FOR, "3m"));
		assertThat(changed).isEqualTo(RULES.replace("        for: 2m\n", "        for: 3m\n"));
		String added = RuleFileText.rewrite(RULES, rule("PoolSaturationTicket", null),
				new AlertChange(AlertChange.Kind.HOLD_FOR, "5m"));
		assertThat(added).isEqualTo(RULES.replace("      - alert: PoolSaturationTicket\n",
				"      - alert: PoolSaturationTicket\n        for: 5m\n"));
	}

	@Test
	void aThresholdInTheWrongUnitIsReplacedInPlainAndBlockExpressions() {
		assertThat(RuleFileText.rewrite(RULES, rule("PoolUsageHigh", "pool"),
				new AlertChange(AlertChange.Kind.THRESHOLD, "0.85")))
			.isEqualTo(RULES.replace("{host=\"web-1\"}) > 85", "{host=\"web-1\"}) > 0.85"));
		assertThat(RuleFileText.rewrite(RULES, rule("PoolSaturationTicket", null),
				new AlertChange(AlertChange.Kind.THRESHOLD, "0.8")))
			.isEqualTo(RULES.replace("    > 80 or absent", "    > 0.8 or absent"));
	}

	@Test
	void anInvertedOperatorIsWrittenTheWayTheExpressionReads() {
		assertThat(RuleFileText.rewrite(RULES, rule("PoolUsageHigh", "pool"),
				new AlertChange(AlertChange.Kind.OPERATOR, "<")))
			.isEqualTo(RULES.replace(") > 85", ") < 85"));
		// the number first: "5 > x" is "x < 5", so "x > 5" is written "5 < x"
		assertThat(RuleFileText.rewrite(RULES, rule("PoolUsageHigh", "shop"),
				new AlertChange(AlertChange.Kind.OPERATOR, ">")))
			.isEqualTo(RULES.replace("\"5 > sum", "\"5 < sum"));
	}

	@Test
	void aRuleNotInTheFileOrNamedTwiceWithoutItsGroupIsNotWritten() {
		AlertChange longer = new AlertChange(AlertChange.Kind.HOLD_FOR, "3m");
		assertThat(RuleFileText.rewrite(RULES, rule("Unknown", null), longer)).isNull();
		assertThat(RuleFileText.rewrite(RULES, rule("PoolUsageHigh", null), longer)).as("in two groups").isNull();
		assertThat(RuleFileText.rewrite(RULES, rule("PoolUsageHigh", "pool"),
				new AlertChange(AlertChange.Kind.HOLD_FOR, "2m")))
			.as("already so")
			.isNull();
		String shared = "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: x > 1\n        for: &hold 2m\n"
				+ "      - alert: B\n        expr: y > 1\n        for: *hold\n";
		assertThat(RuleFileText.rewrite(shared, rule("B", null), longer)).as("an alias: A shares it").isNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RuleFileText.rewrite("groups: [", rule("X", null), longer))
			.withMessageStartingWith("not a YAML file");
	}

}
