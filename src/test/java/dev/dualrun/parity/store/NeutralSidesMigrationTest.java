package dev.dualrun.parity.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.TestPairs;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.TestStore;

/**
 * A store written before the sides were neutral (schema version 7: columns cw_* and
 * prom_*, codes GAP_PROMETHEUS and MISSING_CLOUDWATCH, evidence sides CLOUDWATCH and
 * PROMETHEUS, definitions with a top-level {@code cloudwatch} block and a {@code promql}
 * string) is migrated by V8, V9 and V13 and reads back in the neutral names, nothing
 * lost.
 */
class NeutralSidesMigrationTest {

	private static final Instant T = Instant.parse("2026-11-21T00:00:00Z");

	@Test
	void aRunStoredWithVendorNamesReadsBackWithOldAndNewSides() {
		javax.sql.DataSource ds = dev.dualrun.parity.testing.TestStore.fresh();
		Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("7").load().migrate();
		// a definition as the first runs stored it: the old side's block at the top, the
		// new side's query a string, no names of the systems
		PairMapping pair = TestPairs.pair("a", "1m",
				"cloudwatch: { namespace: FlaskApp, metric: EndpointLatency, dimensions: { Endpoint: / }, "
						+ "statistic: Average, unit: Seconds }",
				"avg_over_time(x[1m])");
		ObjectNode stored = (ObjectNode) JsonMapper.builder().build().readTree(PairDefinitions.toJson(pair));
		stored.set("cloudwatch", ((ObjectNode) stored.remove("old")).get("cloudwatch"));
		stored.set("promql", ((ObjectNode) stored.remove("new")).get("prometheus").get("query"));
		stored.remove("sides");
		String before = stored.toString();
		assertThat(before).contains("\"cloudwatch\":{\"namespace\":\"FlaskApp\"", "\"promql\":")
			.doesNotContain("\"old\"", "\"new\"", "\"sides\"");
		Jdbi jdbi = Jdbi.create(ds);
		jdbi.useHandle((h) -> {
			h.execute(
					"INSERT INTO parity_run (id, status, mapping_source, settle_seconds, started_at, cloudwatch_calls, "
							+ "cloudwatch_region, prometheus_url, prometheus_version) "
							+ "VALUES (1, 'COMPLETED', 'm.yml', 600, ?, 3, 'eu-west-1', 'http://prom:9090', '2.42.0')",
					T);
			h.execute("INSERT INTO run_pair (run_id, pair_id, ordinal, period_seconds, window_start, window_end, "
					+ "definition) VALUES (1, 'a', 0, 60, ?, ?, ?)", T, T.plusSeconds(3600), before);
			h.execute("INSERT INTO pair_result (run_id, pair_id, verdict, summary, diagnoses, notes, common_points, "
					+ "cloudwatch_coverage, prometheus_coverage, cw_count, cw_mean, prom_count, prom_p99, compared_at) "
					+ "VALUES (1, 'a', 'FAIL', 'gap', '[{\"code\":\"GAP_PROMETHEUS\",\"message\":\"gap on the Prometheus "
					+ "side\"},{\"code\":\"GAP_CLOUDWATCH\",\"message\":\"gap\"}]', '[]', 50, 0.9, 0.8, 55, 1.5, 45, 2.5, ?)",
					T);
			h.execute(
					"INSERT INTO discrepancy (run_id, pair_id, bucket_start, kind, cloudwatch_value, prometheus_value) "
							+ "VALUES (1, 'a', ?, 'MISSING_PROMETHEUS', 3.0, NULL)",
					T);
			h.execute(
					"INSERT INTO discrepancy (run_id, pair_id, bucket_start, kind, cloudwatch_value, prometheus_value) "
							+ "VALUES (1, 'a', ?, 'MISSING_CLOUDWATCH', NULL, 4.0)",
					T.plusSeconds(60));
			for (String side : List.of("CLOUDWATCH", "PROMETHEUS")) {
				h.execute("INSERT INTO series_evidence (run_id, pair_id, side, request, shift_seconds, unit_factor, "
						+ "points, labels, messages, fetched_at) VALUES (1, 'a', ?, 'q', 0, 1.0, 60, '{}', '[]', ?)",
						side, T);
			}
		});
		ParityStore store = ParityStore.open(ds, Clock.fixed(T, ZoneOffset.UTC));
		RunRow run = store.run(1).orElseThrow();
		assertThat(run.old().system()).isEqualTo("CloudWatch");
		assertThat(run.neu().system()).isEqualTo("Prometheus");
		assertThat(run.old().calls()).isEqualTo(3);
		assertThat(run.old().region()).isEqualTo("eu-west-1");
		assertThat(run.neu().location()).isEqualTo("http://prom:9090");
		assertThat(run.neu().version()).isEqualTo("2.42.0");
		PairResultRow r = store.results().results(1).get(0);
		assertThat(r.old().coverage()).isEqualTo(0.9);
		assertThat(r.neu().coverage()).isEqualTo(0.8);
		assertThat(r.old().count()).isEqualTo(55);
		assertThat(r.old().mean()).isEqualTo(1.5);
		assertThat(r.neu().count()).isEqualTo(45);
		assertThat(r.neu().p99()).isEqualTo(2.5);
		assertThat(StoreJson.diagnoses(r.diagnoses())).extracting(Diagnosis::code)
			.containsExactly(Diagnosis.Code.GAP_NEW, Diagnosis.Code.GAP_OLD);
		assertThat(StoreJson.diagnoses(r.diagnoses()).get(0).message()).isEqualTo("gap on the Prometheus side");
		assertThat(store.results().worstDiscrepancies(1, "a", 10)).extracting(DiscrepancyRow::kind)
			.containsExactlyInAnyOrder("MISSING_NEW", "MISSING_OLD");
		assertThat(store.results().worstDiscrepancies(1, "a", 10)).extracting(DiscrepancyRow::oldValue)
			.containsExactlyInAnyOrder(3.0, null);
		// a definition stored before the scrape interval was kept reads as not knowing it
		PairMapping unknownInterval = new PairMapping(pair.id(), pair.description(), pair.line(), pair.old(),
				new dev.dualrun.parity.source.prometheus.PrometheusQuery(
						((dev.dualrun.parity.source.prometheus.PrometheusQuery) pair.neu()).query()),
				pair.period(), pair.unitFactor(), pair.tolerance(), pair.publishedWhenNonZero(), pair.sides());
		assertThat(PairDefinitions.fromJson(store.runs().pairs(1).get(0).definition())).isEqualTo(unknownInterval);
		assertThat(store.results().evidence(1, "a", EvidenceRow.Side.OLD)).isPresent();
		assertThat(store.results().evidence(1, "a", EvidenceRow.Side.NEW)).isPresent();
	}

}
