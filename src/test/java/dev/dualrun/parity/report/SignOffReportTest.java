package dev.dualrun.parity.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.config.MappingException;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.Waiver;
import dev.dualrun.parity.config.WaiverLoader;
import dev.dualrun.parity.compare.Verdict;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.TestRows;
import dev.dualrun.parity.store.RunPairRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.dualrun.parity.testing.Fixtures;
import dev.dualrun.parity.testing.TestStore;

class SignOffReportTest {

	private static final Instant T = Instant.parse("2026-11-21T00:00:00Z");

	@TempDir
	Path dir;

	@Test
	void signsOffPassingPairsAndWaivedOnesAndNamesWhatBlocks() throws Exception {
		MappingFile mapping = mapping();
		ParityStore store = store();
		// three runs: a passes every time, b fails in the last, c fails in the last, d
		// fails once
		String[][] verdicts = { { "PASS", "PASS", "PASS", "FAIL" }, { "PASS", "PASS", "PASS", "PASS" },
				{ "PASS", "FAIL", "FAIL", "PASS" } };
		for (String[] run : verdicts) {
			long id = store.runs().insert(mapping.source(), null, null, null, 600, T, null);
			String[] ids = { "a", "b", "c", "d" };
			for (int i = 0; i < ids.length; i++) {
				store.plan(id, List.of(new RunPairRow(id, ids[i], i, 60, T, T.plusSeconds(3600), "{}", null)));
				store.saveResult(run[i].equals("PASS") ? TestRows.result(id, ids[i], Verdict.PASS, "x")
						: TestRows.result(id, ids[i], Verdict.FAIL, "constant bias: +6.0 %"), List.of(), null);
			}
			store.runs().finish(id, "COMPLETED", T, null);
		}
		List<Waiver> waivers = List.of(new Waiver("b", "accepted", "alice", LocalDate.parse("2026-12-31"), 3),
				new Waiver("c", "accepted", "bob", LocalDate.parse("2026-11-01"), 7));
		SignOffReport s = SignOffReport.build(store, mapping, waivers, 3, LocalDate.parse("2026-11-22"));
		assertThat(s.pairs()).extracting(SignOffReport.PairStatus::status)
			.containsExactly(SignOffReport.Status.SIGNED_OFF, SignOffReport.Status.WAIVED,
					SignOffReport.Status.WAIVER_EXPIRED, SignOffReport.Status.BLOCKED);
		assertThat(s.signedOff()).isFalse();
		assertThat(s.pairs().get(2).reason()).contains("EXPIRED on 2026-11-01", "FAIL in run 3: constant bias: +6.0 %");
		assertThat(s.pairs().get(3).reason()).isEqualTo("FAIL in run 1: constant bias: +6.0 %");
		// with too few runs so far, a pair that failed says how first
		List<SignOffReport.PairStatus> early = SignOffReport
			.build(store, mapping, waivers, 4, LocalDate.parse("2026-11-22"))
			.pairs();
		assertThat(early.get(0).reason())
			.isEqualTo("passed in each of the 3 runs so far; 3 of the 4 runs needed so far");
		assertThat(early.get(3).reason())
			.isEqualTo("FAIL in run 1: constant bias: +6.0 %; 3 of the 4 runs needed so far");
		Path html = new ReportWriter().writeSignOff(s, this.dir.resolve("reports"));
		assertThat(Files.readString(html)).contains("The migration cannot be signed off yet.", "EXPIRED");
	}

	@Test
	void aWaiverFileNamesTheLineAndFieldOfItsProblems() throws Exception {
		MappingFile mapping = mapping();
		Path file = Fixtures.path("waivers/expires-not-a-date.yml");
		assertThatThrownBy(() -> new WaiverLoader().load(file, mapping)).isInstanceOf(MappingException.class)
			.hasMessage(at(file) + " waivers[0].expires: 'soon' is not a date such as 2026-12-31");
		Path unknown = Fixtures.path("waivers/unknown-pair.yml");
		assertThatThrownBy(() -> new WaiverLoader().load(unknown, mapping))
			.hasMessageStartingWith(at(unknown) + " waivers[0].pair: no pair 'zz' in ")
			.hasMessageContaining("pairs-a-to-d.yml");
		Path noOwner = Fixtures.path("waivers/no-owner.yml");
		assertThatThrownBy(() -> new WaiverLoader().load(noOwner, mapping))
			.hasMessage(at(noOwner) + " waivers[0].owner: missing (required)");
		assertThat(new WaiverLoader().load(this.dir.resolve("none.yml"), mapping)).isEmpty();
	}

	/**
	 * @return {@code FILE:LINE:} of the line a fixture marks
	 */
	private static String at(Path file) {
		return file + ":" + Fixtures.markedLine(file) + ":";
	}

	private ParityStore store() {
		javax.sql.DataSource ds = dev.dualrun.parity.testing.TestStore.fresh();
		return ParityStore.open(ds, Clock.fixed(T, ZoneOffset.UTC));
	}

	private static MappingFile mapping() {
		return Fixtures.mapping("report/pairs-a-to-d.yml");
	}

}
