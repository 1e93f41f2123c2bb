package dev.dualrun.parity.compare;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.Sides;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesParityCheckTest {

	private static final Sides SIDES = new Sides("edge", "centre", "", "");

	private static final Map<String, String> A = Map.of("__name__", "jobs_total", "job", "app", "instance", "h:1",
			"cluster", "edge-1");

	private static final Map<String, String> B = Map.of("__name__", "jobs_total", "job", "app", "instance", "h:2",
			"cluster", "edge-1");

	@Test
	void theSameSeriesOnBothSidesPass() {
		assertThat(SeriesParityCheck.of(List.of(A, B), List.of(B, A), SIDES)).isEmpty();
	}

	@Test
	void aFamilyWithNoSeriesOnTheNewSideIsNamed() {
		Map<String, String> other = Map.of("__name__", "up", "job", "app");
		Diagnosis d = SeriesParityCheck.of(List.of(A, B, other), List.of(other), SIDES).orElseThrow();
		assertThat(d.code()).isEqualTo(Diagnosis.Code.FAMILY_MISSING);
		assertThat(d.message()).startsWith("the family jobs_total (2 series on the edge side) has no series on the "
				+ "centre side: dropped on the way");
	}

	@Test
	void aLabelAddedOnTheWayIsNamedWithItsValue() {
		Diagnosis d = SeriesParityCheck.of(List.of(A), List.of(with(A, "region", "eu")), SIDES).orElseThrow();
		assertThat(d.code()).isEqualTo(Diagnosis.Code.IDENTITY);
		assertThat(d.message()).contains("added region=\"eu\"").contains("external-labels");
	}

	@Test
	void aFederationWithoutHonorLabelsShowsAsRenamedLabels() {
		Map<String, String> federated = new java.util.HashMap<>(A);
		federated.put("exported_job", "app");
		federated.put("exported_instance", "h:1");
		federated.put("job", "federate");
		federated.put("instance", "127.0.0.1:9090");
		Diagnosis d = SeriesParityCheck.of(List.of(A), List.of(federated), SIDES).orElseThrow();
		assertThat(d.code()).isEqualTo(Diagnosis.Code.IDENTITY);
		assertThat(d.message()).contains("renamed job as exported_job")
			.contains("renamed instance as exported_instance")
			.contains("honor_labels");
	}

	@Test
	void aSeriesOfAnotherValueIsAnotherSeriesNotAChangeOfLabels() {
		Map<String, String> otherEdge = with(A, "cluster", "edge-2");
		Diagnosis d = SeriesParityCheck.of(List.of(A), List.of(otherEdge), SIDES).orElseThrow();
		assertThat(d.code()).isEqualTo(Diagnosis.Code.SERIES_PARITY);
		assertThat(d.message()).startsWith("1 of the 1 edge series have no counterpart on the centre side");
	}

	@Test
	void seriesOnlyOnTheNewSideAreNamed() {
		Diagnosis d = SeriesParityCheck.of(List.of(A), List.of(A, with(A, "cluster", "edge-2")), SIDES).orElseThrow();
		assertThat(d.code()).isEqualTo(Diagnosis.Code.SERIES_PARITY);
		assertThat(d.message()).startsWith("1 centre series are not on the edge side").contains("cluster=edge-2");
	}

	@Test
	void theLabelsAddedToEverySeriesAreWhatTheOldSideMayDeclare() {
		List<Map<String, String>> stored = List.of(with(with(A, "region", "eu"), "replica", "a"),
				with(with(B, "region", "eu"), "replica", "a"));
		assertThat(SeriesParityCheck.addedOnTheWay(List.of(A, B), stored))
			.contains(Map.of("region", "eu", "replica", "a"));
	}

	@Test
	void labelsAddedToSomeSeriesOnlyOrWithOtherValuesOrAnyOtherChangeAreNotDeclarable() {
		assertThat(SeriesParityCheck.addedOnTheWay(List.of(A, B), List.of(with(A, "region", "eu"), B))).isEmpty();
		assertThat(SeriesParityCheck.addedOnTheWay(List.of(A, B),
				List.of(with(A, "region", "eu"), with(B, "region", "us"))))
			.isEmpty();
		assertThat(SeriesParityCheck.addedOnTheWay(List.of(A), List.of(with(A, "cluster", "edge-2")))).isEmpty();
		assertThat(SeriesParityCheck.addedOnTheWay(List.of(A, B), List.of(with(A, "region", "eu")))).isEmpty();
		assertThat(SeriesParityCheck.addedOnTheWay(List.of(A), List.of(A))).isEmpty();
	}

	private static Map<String, String> with(Map<String, String> labels, String name, String value) {
		Map<String, String> out = new java.util.HashMap<>(labels);
		out.put(name, value);
		return out;
	}

}
