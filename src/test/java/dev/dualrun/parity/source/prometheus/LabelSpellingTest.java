package dev.dualrun.parity.source.prometheus;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus 3 writes classic histogram bounds and summary quantiles as floats
 * ({@code le="1.0"}) where Prometheus 2 kept them as exposed ({@code le="1"}): both
 * spellings of one bucket are recognised as one.
 */
class LabelSpellingTest {

	@Test
	void leAndQuantileAreComparedAsPrometheus3WritesThem() {
		assertThat(PrometheusSource.normalised(Map.of("le", "1", "path", "/"))).containsEntry("le", "1.0")
			.containsEntry("path", "/");
		assertThat(PrometheusSource.normalised(Map.of("le", "0.250"))).containsEntry("le", "0.25");
		assertThat(PrometheusSource.normalised(Map.of("le", "+Inf"))).containsEntry("le", "+Inf");
		assertThat(PrometheusSource.normalised(Map.of("quantile", "1e-2"))).containsEntry("quantile", "0.01");
		assertThat(PrometheusSource.normalised(Map.of("le", "10", "code", "10"))).containsEntry("code", "10");
	}

	@Test
	void twoSpellingsOfOneBucketAreTheSameSeriesTwoBucketsAreNot() {
		assertThat(PrometheusSource.spelledTwice(List.of(Map.of("le", "1"), Map.of("le", "1.0")))).isTrue();
		assertThat(PrometheusSource.spelledTwice(List.of(Map.of("le", "1"), Map.of("le", "2")))).isFalse();
		assertThat(PrometheusSource.spelledTwice(List.of(Map.of("path", "/a"), Map.of("path", "/b")))).isFalse();
	}

}
