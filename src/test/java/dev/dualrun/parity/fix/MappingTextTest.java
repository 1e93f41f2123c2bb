package dev.dualrun.parity.fix;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.QueryChange;
import dev.dualrun.parity.config.SideReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A written fix changes the pair's key or query where the file holds it and nothing else:
 * comments, order, quoting and the other pairs stay as written.
 */
class MappingTextTest {

	private static final String FILE = """
			# the team's mapping
			version: 1
			pairs:
			  - id: latency   # ms on the old side
			    cloudwatch: { namespace: App, metric: Latency, statistic: Average, unit: Milliseconds }
			    prometheus:
			      query: |
			        sum(rate(x_sum[${period}])) / sum(rate(x_count[${period}]))
			    unit-factor: 1    # seconds?
			  - id: requests
			    # a count per period
			    cloudwatch: { namespace: App, metric: Requests, statistic: Sum }
			    prometheus: { query: 'sum(rate(requests_total{path="/"}[${period}]))' }
			  - { id: errors, cloudwatch: { namespace: App, metric: Errors, statistic: Sum }, prometheus: { query: 'sum(increase(errors_total[5m] offset 5m))' } }
			""";

	private final SideReader prometheus = dev.dualrun.parity.source.Sources.provider("prometheus").reader();

	@Test
	void aUnitFactorIsReplacedWhereWrittenAndAddedAfterTheIdElse() {
		MappingText text = new MappingText(FILE);
		assertThat(text.setPairKey("latency", "unit-factor", "1000")).isTrue();
		assertThat(text.setPairKey("requests", "unit-factor", "300")).isTrue();
		assertThat(text.setPairKey("errors", "unit-factor", "0.5")).isTrue();
		assertThat(text.setPairKey("nothing", "unit-factor", "2")).isFalse();
		assertThat(text.edited())
			.isEqualTo(FILE.replace("unit-factor: 1    # seconds?", "unit-factor: 1000    # seconds?")
				.replace("  - id: requests\n", "  - id: requests\n    unit-factor: 300\n")
				.replace("{ id: errors,", "{ id: errors, unit-factor: 0.5,"));
	}

	@Test
	void anAliasAnEmptyValueAndCrlfLinesAreEditedSafely() {
		String aliased = "defaults: { unit-factor: &uf 1 }\npairs:\n  - id: a\n    unit-factor: *uf\n  - id: b\n"
				+ "    unit-factor: *uf\n";
		MappingText alias = new MappingText(aliased);
		// the anchor's other users would change too: no edit
		assertThat(alias.setPairKey("a", "unit-factor", "1000")).isFalse();
		assertThat(alias.edited()).isEqualTo(aliased);
		MappingText empty = new MappingText("pairs:\n  - id: a\n    unit-factor:\n");
		assertThat(empty.setPairKey("a", "unit-factor", "1000")).isTrue();
		assertThat(empty.edited()).isEqualTo("pairs:\n  - id: a\n    unit-factor: 1000\n");
		MappingText crlf = new MappingText("pairs:\r\n  - id: a\r\n    period: 5m\r\n");
		assertThat(crlf.setPairKey("a", "unit-factor", "60")).isTrue();
		assertThat(crlf.edited()).isEqualTo("pairs:\r\n  - id: a\r\n    unit-factor: 60\r\n    period: 5m\r\n");
		// the value it already has is no fix
		assertThat(new MappingText("pairs:\n  - id: a\n    unit-factor: 60\n").setPairKey("a", "unit-factor", "60"))
			.isFalse();
	}

	@Test
	void labelsAreDeclaredInTheBlocksMapBesideThoseItDeclares() {
		String file = """
				pairs:
				  - id: flow   # one line
				    edge: { query: 'sum(x)' }
				  - id: block
				    edge:
				      query: |
				        sum(rate(x[${period}]))
				    prometheus: { query: 'sum(x)' }
				  - id: declared
				    edge:
				      query: sum(x)
				      external-labels:
				        cluster: edge-1   # the edge's own
				""";
		MappingText text = new MappingText(file);
		Map<String, String> eu = Map.of("region", "eu");
		assertThat(text.declareLabels("flow", "edge", "external-labels", eu)).isTrue();
		assertThat(text.declareLabels("block", "edge", "external-labels", eu)).isTrue();
		assertThat(text.declareLabels("declared", "edge", "external-labels", Map.of("region", "e\"u"))).isTrue();
		assertThat(text.declareLabels("block", "cloudwatch", "external-labels", eu)).isFalse();
		assertThat(text.edited()).isEqualTo(file
			.replace("{ query: 'sum(x)' }\n  - id: block",
					"{ query: 'sum(x)', external-labels: {region: \"eu\"} }\n  - id: block")
			.replace("        sum(rate(x[${period}]))\n",
					"        sum(rate(x[${period}]))\n      external-labels: {region: \"eu\"}\n")
			.replace("cluster: edge-1   # the edge's own",
					"cluster: edge-1   # the edge's own\n        region: \"e\\\"u\""));
	}

	@Test
	void aLabelAfterABlockScalarAtTheEndOfAFileWithoutALastLineBreakGoesOnItsOwnLine() {
		String file = "pairs:\n  - id: block\n    edge:\n      query: |\n        sum(x)";
		MappingText text = new MappingText(file);
		assertThat(text.declareLabels("block", "edge", "external-labels", Map.of("region", "eu"))).isTrue();
		assertThat(text.edited()).isEqualTo(file + "\n      external-labels: {region: \"eu\"}");
	}

	@Test
	void aQueryIsRewrittenInItsOwnTextOnly() {
		MappingText text = new MappingText(FILE);
		assertThat(rewrite(text, "requests", QueryChange.PER_PERIOD)).isTrue();
		assertThat(rewrite(text, "errors", QueryChange.EARLIER)).isTrue();
		// latency reads no offset: a negative one is added to each range of one period
		assertThat(rewrite(text, "latency", QueryChange.EARLIER)).isTrue();
		assertThat(text.edited()).isEqualTo(FILE
			.replace("sum(rate(x_sum[${period}])) / sum(rate(x_count[${period}]))",
					"sum(rate(x_sum[${period}] offset -${period})) / sum(rate(x_count[${period}] offset -${period}))")
			.replace("'sum(rate(requests_total{path=\"/\"}[${period}]))'",
					"'sum(increase(requests_total{path=\"/\"}[${period}]))'")
			.replace("[5m] offset 5m))", "[5m]))"));
	}

	@Test
	void thePromQlRewritesChangeOnlyTheirTokens() {
		Duration p = Duration.ofMinutes(5);
		assertThat(this.prometheus.rewrite("sum(irate(a[5m])) + my_rate(b)", QueryChange.PER_PERIOD, p))
			.isEqualTo("sum(increase(a[5m])) + my_rate(b)");
		assertThat(this.prometheus.rewrite("sum(increase(a[${period}]))", QueryChange.PER_SECOND, p))
			.isEqualTo("sum(rate(a[${period}]))");
		assertThat(this.prometheus.rewrite("sum(increase(a[${period}]))", QueryChange.LATER, p))
			.isEqualTo("sum(increase(a[${period}] offset ${period}))");
		assertThat(this.prometheus.rewrite("sum(increase(a[${period}] offset 1h))", QueryChange.EARLIER, p)).isNull();
		assertThat(this.prometheus.rewrite("sum(increase(a[5m] offset -5m))", QueryChange.LATER, p))
			.isEqualTo("sum(increase(a[5m]))");
		assertThat(this.prometheus.rewrite("sum(avg_over_time(a[5m]))", QueryChange.PER_PERIOD, p)).isNull();
		// a rate over another range counts another span; a name holding "offset" is no
		// offset
		assertThat(this.prometheus.rewrite("sum(rate(a[1h]))", QueryChange.PER_PERIOD, p)).isNull();
		assertThat(this.prometheus.rewrite("sum(increase(kafka_offset_total[5m]))", QueryChange.LATER, p))
			.isEqualTo("sum(increase(kafka_offset_total[5m] offset ${period}))");
	}

	private boolean rewrite(MappingText text, String pair, QueryChange change) {
		return text.rewriteBlockField(pair, "prometheus", "query",
				(t) -> this.prometheus.rewrite(t, change, Duration.ofMinutes(5)));
	}

}
