package dev.dualrun.parity.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One duration syntax for mapping files, flags, properties and environment variables. */
class DurationsTest {

	@Test
	void aBareNumberIsSecondsEverywhere() {
		assertThat(Durations.parse("600")).isEqualTo(Duration.ofMinutes(10));
		assertThat(Durations.parse(" 60 ")).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void unitsCombineInOrder() {
		assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(Durations.parse("1d2h3m4s")).isEqualTo(Duration.ofSeconds(86_400 + 7200 + 180 + 4));
		assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
		assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
		assertThat(Durations.parse("1s500ms")).isEqualTo(Duration.ofMillis(1500));
		assertThat(Durations.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void refusesWhatIsNoDurationNamingIt() {
		assertThatThrownBy(() -> Durations.parse("abc")).hasMessageContaining("'abc' is not a duration");
		assertThatThrownBy(() -> Durations.parse("")).hasMessageContaining("is not a duration");
		assertThatThrownBy(() -> Durations.parse("30m1h")).hasMessageContaining("'30m1h' is not a duration");
		assertThatThrownBy(() -> Durations.parse("99999999d")).hasMessageContaining("too long a duration");
		assertThatThrownBy(() -> Durations.parse("999999999999999999999")).hasMessageContaining("not a duration");
		assertThatThrownBy(() -> Durations.parse("PT-5S")).hasMessageContaining("negative");
	}

}
