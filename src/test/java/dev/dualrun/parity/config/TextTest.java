package dev.dualrun.parity.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text from a backend, fit for one terminal line. */
class TextTest {

	@Test
	void escapesControlCharactersAndJoinsLines() {
		assertThat(Text.oneLine("bad\u001b[2J\u001b[31mred\r\nnext\u0007 line\u0000"))
			.isEqualTo("bad\\x1b[2J\\x1b[31mred next\\x07 line\\x00");
		assertThat(Text.oneLine("  a\t\tb  ")).isEqualTo("a b");
		assertThat(Text.oneLine("\u2028x\u0085")).isEqualTo("\\u2028x\\x85");
		assertThat(Text.oneLine(null)).isEqualTo("unknown failure");
	}

	@Test
	void cutsLongTextWithAnEllipsis() {
		assertThat(Text.oneLine("x".repeat(500), 100)).hasSize(100).endsWith("...");
	}

	@Test
	void redactsSecrets() {
		assertThat(Text.redact("echo: Bearer s3cr3t-token and s3cr3t-token", List.of("s3cr3t-token")))
			.isEqualTo("echo: Bearer *** and ***");
	}

}
