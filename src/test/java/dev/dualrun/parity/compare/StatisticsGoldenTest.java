package dev.dualrun.parity.compare;

import java.io.InputStream;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statistic against golden numbers computed independently by SciPy 1.10.1
 * ({@code golden/generate_statistics.py}).
 */
class StatisticsGoldenTest {

	private static final Offset<Double> CLOSE = Offset.offset(1e-9);

	private static JsonNode golden;

	@BeforeAll
	static void load() throws Exception {
		try (InputStream in = StatisticsGoldenTest.class.getResourceAsStream("/golden/statistics.json")) {
			golden = JsonMapper.builder().build().readTree(in);
		}
	}

	@Test
	void pearsonAndSpearman() {
		JsonNode g = golden.get("correlation");
		CorrelationCheck c = CorrelationCheck.of(array(g, "x"), array(g, "y"));
		assertThat(c.pearson()).isCloseTo(g.get("pearson").asDouble(), CLOSE);
		assertThat(c.spearman()).isCloseTo(g.get("spearman").asDouble(), CLOSE);
	}

	@Test
	void correlationOfAConstantIsNotComputed() {
		CorrelationCheck c = CorrelationCheck.of(new double[] { 1, 1, 1, 1 }, new double[] { 1, 2, 3, 4 });
		assertThat(c.applicable()).isFalse();
	}

	@Test
	void wilcoxonExactForSmallSamples() {
		JsonNode g = golden.get("wilcoxonExact");
		WilcoxonCheck w = WilcoxonCheck.of(array(g, "cloudwatch"), array(g, "prometheus"));
		assertThat(w.exact()).isTrue();
		assertThat(w.statistic()).isEqualTo(g.get("statistic").asDouble());
		assertThat(w.pValue()).isCloseTo(g.get("p").asDouble(), CLOSE);
	}

	@Test
	void wilcoxonNormalApproximationWithContinuityCorrection() {
		JsonNode g = golden.get("wilcoxonApprox");
		WilcoxonCheck w = WilcoxonCheck.of(array(g, "cloudwatch"), array(g, "prometheus"));
		assertThat(w.exact()).isFalse();
		assertThat(w.statistic()).isEqualTo(g.get("statistic").asDouble());
		assertThat(w.pValue()).isCloseTo(g.get("p").asDouble(), Offset.offset(1e-12));
	}

	@Test
	void wilcoxonDropsZeroDifferences() {
		double[] c = { 1, 2, 3, 4, 5, 6, 7, 8 };
		double[] p = { 1, 2, 3, 4.5, 5.2, 6.4, 7.1, 8.3 };
		assertThat(WilcoxonCheck.of(c, p).n()).isEqualTo(5);
	}

	@Test
	void tostAgainstTheMargin() {
		JsonNode g = golden.get("tost");
		double[] d = array(g, "differences");
		EquivalenceCheck e = EquivalenceCheck.of(d, g.get("margin").asDouble(), d.length);
		assertThat(e.pLower()).isCloseTo(g.get("pLower").asDouble(), CLOSE);
		assertThat(e.pUpper()).isCloseTo(g.get("pUpper").asDouble(), CLOSE);
		assertThat(e.equivalent()).isTrue();
		assertThat(EquivalenceCheck.of(d, g.get("margin").asDouble(), 5).equivalent())
			.as("fewer effective observations, weaker evidence")
			.isFalse();
	}

	@Test
	void kolmogorovSmirnovAndMannWhitney() {
		JsonNode g = golden.get("distribution");
		DistributionCheck d = DistributionCheck.of(array(g, "cloudwatch"), array(g, "prometheus"));
		assertThat(d.ksStatistic()).isCloseTo(g.get("ksStatistic").asDouble(), CLOSE);
		assertThat(d.ksPValue()).isCloseTo(g.get("ksP").asDouble(), Offset.offset(1e-6));
		assertThat(d.mannWhitneyU()).isEqualTo(g.get("mannWhitneyU").asDouble());
		assertThat(d.mannWhitneyPValue()).isCloseTo(g.get("mannWhitneyP").asDouble(), CLOSE);
	}

	@Test
	void kolmogorovSmirnovWithTiedCountsUsesTheAsymptoticDistribution() {
		double[] c = new double[60];
		double[] p = new double[60];
		for (int i = 0; i < 60; i++) {
			c[i] = 10 + i % 7;
			p[i] = 10 + (i + 3) % 8;
		}
		DistributionCheck d = DistributionCheck.of(c, p);
		assertThat(d.ksPValue()).isBetween(0.0, 1.0);
	}

	@Test
	void effectiveSampleSizeOfAnAutocorrelatedSeries() {
		JsonNode g = golden.get("effectiveSampleSize");
		EffectiveSampleSize e = EffectiveSampleSize.of(array(g, "values"));
		assertThat(e.lag1()).isCloseTo(g.get("lag1").asDouble(), CLOSE);
		assertThat(e.effective()).isCloseTo(g.get("effective").asDouble(), CLOSE);
	}

	@Test
	void benjaminiHochbergAcrossPairs() {
		JsonNode g = golden.get("benjaminiHochberg");
		double[] q = BenjaminiHochberg.adjust(array(g, "p"));
		double[] expected = array(g, "q");
		for (int i = 0; i < q.length; i++) {
			assertThat(q[i]).isCloseTo(expected[i], CLOSE);
		}
		assertThat(BenjaminiHochberg.adjust(new double[] { Double.NaN, 0.01 })).containsExactly(Double.NaN, 0.01);
	}

	private static double[] array(JsonNode node, String field) {
		JsonNode a = node.get(field);
		double[] out = new double[a.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = a.get(i).asDouble();
		}
		return out;
	}

}
