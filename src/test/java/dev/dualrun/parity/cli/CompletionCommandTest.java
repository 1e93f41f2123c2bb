package dev.dualrun.parity.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.testing.CliRun;

import static org.assertj.core.api.Assertions.assertThat;

/** The completion script loads in bash and completes commands and each source's flags. */
class CompletionCommandTest {

	@TempDir
	Path dir;

	@Test
	void bashCompletesTheCommandsAndTheFlagsOfEverySource() throws Exception {
		CliRun completion = CliRun.of(List.of("completion"));
		assertThat(completion.exitCode()).isZero();
		Path script = Files.writeString(this.dir.resolve("parity-validator.bash"), completion.out());
		// bash itself loads it and asks it, as a user's Tab would
		String probe = "source " + script + "; complete -p parity-validator; "
				+ "COMP_WORDS=(parity-validator cen); COMP_CWORD=1; COMP_LINE='parity-validator cen'; "
				+ "COMP_POINT=${#COMP_LINE}; _complete_parity-validator; echo \"commands: ${COMPREPLY[*]}\"; "
				+ "COMP_WORDS=(parity-validator run --edge-u); COMP_CWORD=2; COMP_LINE='parity-validator run --edge-u'; "
				+ "COMP_POINT=${#COMP_LINE}; _complete_parity-validator; echo \"flags: ${COMPREPLY[*]}\"";
		Process bash = new ProcessBuilder("bash", "-c", probe).redirectErrorStream(true).start();
		String said = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(bash.waitFor()).as(said).isZero();
		assertThat(said).contains("-F _complete_parity-validator parity-validator", "commands: census",
				"flags: --edge-url --edge-user");
	}

}
