package dev.dualrun.parity.estate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.Exclusion;
import dev.dualrun.parity.source.Censused;

import static org.assertj.core.api.Assertions.assertThat;

class FamilyCensusTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	private static Censused.Census census(String system, Object... familyAndSeries) {
		TreeMap<Censused.Family, Long> series = new TreeMap<>();
		for (int i = 0; i < familyAndSeries.length; i += 2) {
			series.put(new Censused.Family("app", (String) familyAndSeries[i]),
					((Number) familyAndSeries[i + 1]).longValue());
		}
		return new Censused.Census(system, "http://" + system, Map.of("cluster", "edge-1"), series, 1);
	}

	private static Exclusion exclude(String metric, LocalDate expires) {
		return new Exclusion("app", metric, new TreeMap<>(), "on purpose", "team", expires, 3);
	}

	@Test
	void aFamilyTheNewSideLacksOrHoldsFewerSeriesOfBlocks() {
		FamilyCensus c = FamilyCensus.of(census("edge", "a_total", 3, "b_total", 2, "c", 1, "d", 1),
				census("store", "a_total", 3, "b_total", 1, "d", 4), List.of(), TODAY);
		assertThat(c.rows()).extracting(FamilyCensus.Row::status)
			.containsExactly(FamilyCensus.Status.SAME, FamilyCensus.Status.FEWER, FamilyCensus.Status.MISSING,
					FamilyCensus.Status.MORE);
		assertThat(c.complete()).isFalse();
		assertThat(c.table(false)).hasSize(3);
		assertThat(c.table(false).get(2)).contains("c", "missing on the new side");
		assertThat(c.summary()).startsWith("NOT COMPLETE: 4 families of edge at http://edge (identified by "
				+ "{cluster=edge-1}); store at http://store: 1 the same, 1 with more series, 1 with fewer, 1 missing");
	}

	@Test
	void anExclusionExcusesAFamilyUntilItExpires() {
		Censused.Census edge = census("edge", "c", 1);
		Censused.Census store = census("store");
		assertThat(FamilyCensus.of(edge, store, List.of(exclude("c", TODAY)), TODAY).complete()).isTrue();
		assertThat(FamilyCensus.of(edge, store, List.of(exclude("c", TODAY.minusDays(1))), TODAY).complete()).isFalse();
		assertThat(FamilyCensus.of(edge, store, List.of(exclude("other", TODAY)), TODAY).complete()).isFalse();
	}

}
