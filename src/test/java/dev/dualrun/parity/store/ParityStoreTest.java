package dev.dualrun.parity.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.dualrun.parity.compare.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.dualrun.parity.testing.TestStore;

/** The store on a fresh in-memory H2 with the Flyway migrations of sql/. */
class ParityStoreTest {

	private static final Instant T = Instant.parse("2026-11-21T00:00:00Z");

	private ParityStore store;

	private long runId;

	@BeforeEach
	void open() {
		javax.sql.DataSource ds = dev.dualrun.parity.testing.TestStore.fresh();
		this.store = ParityStore.open(ds, Clock.fixed(T, ZoneOffset.UTC));
		this.runId = this.store.runs().insert("m.yml", null, null, null, 600, T, 1L);
		this.store.plan(this.runId,
				List.of(new RunPairRow(this.runId, "a", 0, 60, T, T.plusSeconds(3600), "{}", null)));
	}

	@Test
	void aPairIsWrittenWholeOrNotAtAll() {
		DiscrepancyRow d = new DiscrepancyRow(this.runId, "a", T, "OUT_OF_TOLERANCE", 1.0, 2.0, 1.0, 1.0);
		// two discrepancies for one period violate the primary key: the whole pair must
		// roll back
		assertThatThrownBy(
				() -> this.store.saveResult(TestRows.result(this.runId, "a", Verdict.ERROR, "x"), List.of(d, d), null))
			.isNotNull();
		assertThat(this.store.results().results(this.runId)).isEmpty();
		assertThat(this.store.results().countDiscrepancies(this.runId, "a")).isZero();
	}

	@Test
	void judgingAPairAgainReplacesItsEarlierResult() {
		DiscrepancyRow d = new DiscrepancyRow(this.runId, "a", T, "MISSING_NEW", 1.0, null, null, null);
		this.store.saveResult(TestRows.result(this.runId, "a", Verdict.ERROR, "the new side is down"), List.of(d),
				null);
		assertThat(this.store.runs().unjudgedPairs(this.runId)).as("an ERROR is judged again on restart").hasSize(1);
		SideFigures side = new SideFigures(1.0, 60L, 1.0, 60.0, 1.0, 1.0, 1.0, 1.0, 1.0);
		PairResultRow pass = new PairResultRow(this.runId, "a", Verdict.PASS, "ok", "[]", "[]", null, 60, 1.0, 0.0, 0.0,
				0, 1.0, side, side, T, null, 0.2, null, null);
		this.store.saveResult(pass, List.of(), null);
		assertThat(this.store.results().results(this.runId)).extracting(PairResultRow::verdict)
			.containsExactly(Verdict.PASS);
		assertThat(this.store.results().countDiscrepancies(this.runId, "a")).isZero();
		assertThat(this.store.runs().unjudgedPairs(this.runId)).isEmpty();
		this.store.runs().finish(this.runId, "COMPLETED", T, null);
		assertThat(this.store.run(this.runId).orElseThrow().passCount()).isEqualTo(1);
	}

	@Test
	void keepsTheSeriesEachSideReadForSeriesParity() {
		var window = new dev.dualrun.parity.source.QueryWindow(T, T.plusSeconds(3600), java.time.Duration.ofMinutes(1));
		var read = java.util.List.of(java.util.Map.of("__name__", "x_total", "job", "app", "cluster", "edge-1"));
		var series = new dev.dualrun.parity.source.TimeSeries(java.util.Map.of(), new long[] { T.toEpochMilli() },
				new double[] { 1.5 }, java.util.List.of(), read);
		this.store.saveEvidence(EvidenceRow.of(this.runId, "a", EvidenceRow.Side.NEW, "req", window, 0, 1,
				new dev.dualrun.parity.compare.SideAnswer.Series(series), T));
		var answer = this.store.results().evidence(this.runId, "a", EvidenceRow.Side.NEW).orElseThrow().answer();
		assertThat(((dev.dualrun.parity.compare.SideAnswer.Series) answer).series().seriesRead()).isEqualTo(read);
	}

	@Test
	void keepsNaNAndInfinityInPackedEvidence() {
		var window = new dev.dualrun.parity.source.QueryWindow(T, T.plusSeconds(3600), java.time.Duration.ofMinutes(1));
		byte[] packed = PackedSeries.pack(window, new long[] { T.toEpochMilli() }, new double[] { Double.NaN });
		this.store.saveEvidence(new EvidenceRow(this.runId, "a", EvidenceRow.Side.OLD, "req", 0, 1, 1, "{}", "[]", null,
				packed, T, EvidenceRow.Outcome.SERIES, null, null));
		EvidenceRow read = this.store.results().evidence(this.runId, "a", EvidenceRow.Side.OLD).orElseThrow();
		assertThat(PackedSeries.unpack(read.packed()).values()[0]).isNaN();
		assertThat(read.fetchedAt()).isEqualTo(T);
	}

}
