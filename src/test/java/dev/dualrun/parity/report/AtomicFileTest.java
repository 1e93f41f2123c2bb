package dev.dualrun.parity.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Files the tool writes for others to read are whole and readable by every user. */
class AtomicFileTest {

	@TempDir
	Path dir;

	@Test
	void theTextfileIsReadableByNodeExporterRunningAsItsOwnUser() throws Exception {
		Path prom = this.dir.resolve("textfile/parity.prom");
		VerdictTextfile.write(prom, "parity_run_success 1\n");
		assertThat(prom).hasContent("parity_run_success 1");
		assertThat(Files.getPosixFilePermissions(prom)).contains(PosixFilePermission.OTHERS_READ,
				PosixFilePermission.GROUP_READ);
		assertThat(this.dir.resolve("textfile")).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void aWriteRemovesWhatAKilledWriterOfTheSameRunLeft() throws Exception {
		Path leftover = Files.writeString(this.dir.resolve(".run-7.rows4187.tmp"), "[", StandardCharsets.UTF_8);
		Path otherRun = Files.writeString(this.dir.resolve(".run-70.rows11.tmp"), "[", StandardCharsets.UTF_8);
		assertThat(AtomicFile.removeLeftovers(this.dir, "run-7.")).isEqualTo(1);
		assertThat(leftover).doesNotExist();
		assertThat(otherRun).exists();
	}

}
