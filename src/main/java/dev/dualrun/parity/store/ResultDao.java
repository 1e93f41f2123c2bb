package dev.dualrun.parity.store;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Pair results, discrepancies and evidence. */
@RegisterConstructorMapper(PairResultRow.class)
@RegisterConstructorMapper(DiscrepancyRow.class)
@RegisterConstructorMapper(EvidenceRow.class)
public interface ResultDao {

	@SqlBatch("""
			INSERT INTO pair_result (run_id, pair_id, verdict, summary, diagnoses, notes, error, common_points,
			    within_share, bias, mape, old_coverage, new_coverage, best_lag, median_ratio,
			    old_count, old_mean, old_sum, old_min, old_max, old_p50, old_p95, old_p99,
			    new_count, new_mean, new_sum, new_min, new_max, new_p50, new_p95, new_p99, compared_at,
			    evidence, wilcoxon_p, chart)
			VALUES (:runId, :pairId, :verdict, :summary, :diagnoses, :notes, :error, :commonPoints,
			    :withinShare, :bias, :mape, :old.coverage, :neu.coverage, :bestLag, :medianRatio,
			    :old.count, :old.mean, :old.sum, :old.min, :old.max, :old.p50, :old.p95, :old.p99,
			    :neu.count, :neu.mean, :neu.sum, :neu.min, :neu.max, :neu.p50, :neu.p95, :neu.p99, :comparedAt,
			    :evidence, :wilcoxonP, :chart)
			""")
	void insertResults(@BindMethods List<PairResultRow> rows);

	@SqlBatch("DELETE FROM pair_result WHERE run_id = :runId AND pair_id = :pairId")
	void deleteResults(@BindMethods List<PairResultRow> rows);

	@SqlBatch("DELETE FROM discrepancy WHERE run_id = :runId AND pair_id = :pairId")
	void deleteDiscrepancies(@BindMethods List<PairResultRow> rows);

	@SqlBatch("""
			INSERT INTO discrepancy (run_id, pair_id, bucket_start, kind, old_value, new_value,
			    abs_error, rel_error)
			VALUES (:runId, :pairId, :bucketStart, :kind, :oldValue, :newValue, :absError, :relError)
			""")
	void insertDiscrepancies(@BindMethods List<DiscrepancyRow> rows);

	@SqlQuery("""
			SELECT r.pair_id, p.window_end, MIN(d.bucket_start) AS first_discrepancy
			FROM pair_result r JOIN run_pair p ON p.run_id = r.run_id AND p.pair_id = r.pair_id
			JOIN discrepancy d ON d.run_id = r.run_id AND d.pair_id = r.pair_id
			WHERE r.run_id = :runId AND r.verdict = 'FAIL'
			GROUP BY r.pair_id, p.window_end
			""")
	@RegisterConstructorMapper(FirstDiscrepancy.class)
	List<FirstDiscrepancy> firstDiscrepancies(@Bind("runId") long runId);

	/**
	 * A failing pair's earliest discrepancy.
	 *
	 * @param pairId the pair
	 * @param windowEnd its window's end
	 * @param firstDiscrepancy the start of its earliest disagreeing period
	 */
	record FirstDiscrepancy(String pairId, java.time.Instant windowEnd, java.time.Instant firstDiscrepancy) {

	}

	@SqlUpdate("UPDATE pair_result SET q_value = :qValue WHERE run_id = :runId AND pair_id = :pairId")
	void updateQValue(@Bind("runId") long runId, @Bind("pairId") String pairId, @Bind("qValue") Double qValue);

	@SqlBatch("""
			INSERT INTO series_evidence (run_id, pair_id, side, request, shift_seconds, unit_factor, points, labels,
			    messages, error, packed, fetched_at, outcome, series_read, bucket_bounds)
			VALUES (:runId, :pairId, :side, :request, :shiftSeconds, :unitFactor, :points, :labels,
			    :messages, :error, :packed, :fetchedAt, :outcome, :seriesRead, :bucketBounds)
			""")
	void insertEvidence(@BindMethods List<EvidenceRow> rows);

	@SqlBatch("DELETE FROM series_evidence WHERE run_id = :runId AND pair_id = :pairId AND side = :side")
	void deleteEvidence(@BindMethods List<EvidenceRow> rows);

	@SqlQuery("SELECT * FROM series_evidence WHERE run_id = :runId AND pair_id = :pairId AND side = :side")
	Optional<EvidenceRow> evidence(@Bind("runId") long runId, @Bind("pairId") String pairId,
			@Bind("side") EvidenceRow.Side side);

	@SqlQuery("SELECT pair_id FROM series_evidence WHERE run_id = :runId AND side = :side AND outcome = 'SERIES'")
	List<String> pairsWithEvidence(@Bind("runId") long runId, @Bind("side") EvidenceRow.Side side);

	@SqlQuery("""
			SELECT r.* FROM pair_result r JOIN run_pair p ON p.run_id = r.run_id AND p.pair_id = r.pair_id
			WHERE r.run_id = :runId ORDER BY p.ordinal
			""")
	List<PairResultRow> results(@Bind("runId") long runId);

	@SqlQuery("""
			SELECT * FROM discrepancy WHERE run_id = :runId AND pair_id = :pairId
			ORDER BY CASE WHEN kind = 'OUT_OF_TOLERANCE' THEN 1 ELSE 0 END, COALESCE(abs_error, 0) DESC, bucket_start
			LIMIT :limit
			""")
	List<DiscrepancyRow> worstDiscrepancies(@Bind("runId") long runId, @Bind("pairId") String pairId,
			@Bind("limit") int limit);

	@SqlQuery("""
			SELECT id FROM parity_run WHERE id <= :runId AND judged_from IS NULL AND status <> 'RUNNING'
			ORDER BY id DESC LIMIT :n
			""")
	List<Long> recentRuns(@Bind("runId") long runId, @Bind("n") int n);

	@SqlQuery("""
			SELECT id FROM parity_run
			WHERE mapping_source = :mapping AND judged_from IS NULL AND status = 'COMPLETED'
			ORDER BY id DESC LIMIT :n
			""")
	List<Long> recentRunsOf(@Bind("mapping") String mapping, @Bind("n") int n);

	@SqlQuery("""
			SELECT r.* FROM pair_result r JOIN run_pair p ON p.run_id = r.run_id AND p.pair_id = r.pair_id
			WHERE r.run_id = :runId AND p.ordinal BETWEEN :from AND :to
			""")
	List<PairResultRow> resultsBetween(@Bind("runId") long runId, @Bind("from") int fromOrdinal,
			@Bind("to") int toOrdinal);

	@SqlQuery("SELECT * FROM pair_result WHERE run_id = :runId AND pair_id = :pairId")
	Optional<PairResultRow> result(@Bind("runId") long runId, @Bind("pairId") String pairId);

	@SqlQuery("""
			SELECT r.error FROM pair_result r JOIN run_pair p ON p.run_id = r.run_id AND p.pair_id = r.pair_id
			WHERE r.run_id = :runId AND r.verdict = 'ERROR' ORDER BY p.ordinal LIMIT 1
			""")
	Optional<String> firstError(@Bind("runId") long runId);

	@SqlQuery("SELECT pair_id, run_id, verdict FROM pair_result WHERE run_id IN (<runs>)")
	@RegisterConstructorMapper(VerdictRow.class)
	List<VerdictRow> verdicts(@BindList("runs") List<Long> runs);

	@SqlQuery("SELECT COUNT(*) FROM discrepancy WHERE run_id = :runId AND pair_id = :pairId")
	int countDiscrepancies(@Bind("runId") long runId, @Bind("pairId") String pairId);

}
