package dev.dualrun.parity.source.prometheus;

import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusResponseParserTest {

	private final PrometheusResponseParser parser = new PrometheusResponseParser();

	@Test
	void keepsTimestampsWithTheirValuesIncludingNaNAndInfinities() {
		RangeResponse r = this.parser.parseRange(fixture("matrix-with-specials.json"));
		assertThat(r.series()).hasSize(1);
		RangeResponse.Series s = r.series().get(0);
		assertThat(s.labels()).containsEntry("path", "/").containsEntry("method", "GET");
		assertThat(s.timestamps()).containsExactly(1795306500000L, 1795306560500L, 1795306680000L, 1795306740000L,
				1795306800000L);
		assertThat(s.values()[0]).isEqualTo(0.25);
		assertThat(s.values()[1]).isNaN();
		assertThat(s.values()[2]).isEqualTo(Double.POSITIVE_INFINITY);
		assertThat(s.values()[3]).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(s.values()[4]).isEqualTo(1000.0);
		assertThat(r.warnings()).containsExactly("PromQL info: metric might not be a counter");
	}

	@Test
	void statusErrorBecomesAnExceptionWithTypeAndText() {
		assertThatThrownBy(() -> this.parser.parseRange(fixture("error-bad-data.json")))
			.isInstanceOf(PrometheusApiException.class)
			.hasMessage("bad_data: 1:14: parse error: unexpected \"(\" in grouping opts");
	}

	@Test
	void refusesAnInstantVectorWhereAMatrixWasAsked() {
		assertThatThrownBy(() -> this.parser.parseRange(fixture("vector.json")))
			.hasMessageContaining("expected resultType 'matrix', got 'vector'");
	}

	@Test
	void refusesABodyThatIsNotJson() {
		assertThatThrownBy(
				() -> this.parser.parseRange(new java.io.ByteArrayInputStream("<html>502</html>".getBytes())))
			.hasMessageStartingWith("response is not valid JSON");
	}

	private static InputStream fixture(String name) {
		return PrometheusResponseParserTest.class.getResourceAsStream("/prometheus/" + name);
	}

}
