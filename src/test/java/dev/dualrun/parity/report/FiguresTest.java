package dev.dualrun.parity.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers of one size read alike in one table. */
class FiguresTest {

	@Test
	void largeNumbersAreNeverWrittenWithAnExponent() {
		assertThat(Figures.num(85913.0)).isEqualTo("85913");
		assertThat(Figures.num(82123.456)).isEqualTo("82123.5");
		assertThat(Figures.num(1234.5678)).isEqualTo("1234.6");
	}

	@Test
	void smallNumbersKeepFourSignificantDigits() {
		assertThat(Figures.num(0.0012345)).isEqualTo("0.001235");
		assertThat(Figures.num(12.3456)).isEqualTo("12.35");
		assertThat(Figures.num(null)).isEqualTo("-");
		assertThat(Figures.num(Double.NaN)).isEqualTo("-");
	}

}
