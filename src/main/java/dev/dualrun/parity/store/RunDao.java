package dev.dualrun.parity.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Runs and their plan. */
@RegisterConstructorMapper(RunRow.class)
@RegisterConstructorMapper(RunPairRow.class)
public interface RunDao {

	@SqlUpdate("""
			INSERT INTO parity_run (status, mapping_source, pair_filter, requested_from, requested_to,
			                        settle_seconds, started_at, job_execution_id)
			VALUES ('RUNNING', :mappingSource, :pairFilter, :from, :to, :settleSeconds, :startedAt, :jobExecutionId)
			""")
	@GetGeneratedKeys("id")
	long insert(@Bind("mappingSource") String mappingSource, @Bind("pairFilter") String pairFilter,
			@Bind("from") Instant from, @Bind("to") Instant to, @Bind("settleSeconds") int settleSeconds,
			@Bind("startedAt") Instant startedAt, @Bind("jobExecutionId") Long jobExecutionId);

	@SqlUpdate("""
			UPDATE parity_run SET mapping_sha256 = :sha256, window_start = :windowStart, window_end = :windowEnd,
			       pairs_total = :pairs, old_min_calls = :minCalls
			WHERE id = :id
			""")
	void planned(@Bind("id") long id, @Bind("sha256") String sha256, @Bind("windowStart") Instant windowStart,
			@Bind("windowEnd") Instant windowEnd, @Bind("pairs") int pairs, @Bind("minCalls") long minCalls);

	@SqlBatch("""
			DELETE FROM run_backend
			WHERE run_id = :runId AND step_execution_id = :stepExecutionId AND side = :side AND system = :system
			""")
	void deleteBackends(@BindMethods List<BackendRow> rows);

	@SqlBatch("""
			INSERT INTO run_backend (run_id, step_execution_id, side, system, location, region, version, semantics,
			    calls, metrics, retries, splits)
			VALUES (:runId, :stepExecutionId, :side, :system, :location, :region, :version, :semantics,
			    :calls, :metrics, :retries, :splits)
			""")
	void insertBackends(@BindMethods List<BackendRow> rows);

	@SqlQuery("SELECT * FROM run_backend WHERE run_id IN (<runs>) ORDER BY run_id, step_execution_id, side, system")
	@RegisterConstructorMapper(BackendRow.class)
	List<BackendRow> backends(@BindList("runs") List<Long> runs);

	@SqlUpdate("""
			INSERT INTO run_backend (run_id, step_execution_id, side, system, location, region, version, semantics)
			SELECT :id, step_execution_id, side, system, location, region, version, semantics
			FROM run_backend WHERE run_id = :from
			""")
	void copyBackends(@Bind("id") long id, @Bind("from") long from);

	@SqlUpdate("UPDATE parity_run SET job_execution_id = :jobExecutionId, status = 'RUNNING', error = NULL WHERE id = :id")
	void resumed(@Bind("id") long id, @Bind("jobExecutionId") long jobExecutionId);

	@SqlUpdate("UPDATE parity_run SET status = :status, finished_at = :finishedAt, error = :error WHERE id = :id")
	void close(@Bind("id") long id, @Bind("status") String status, @Bind("finishedAt") Instant finishedAt,
			@Bind("error") String error);

	@SqlUpdate("""
			UPDATE parity_run SET
			       pass_count = (SELECT COUNT(*) FROM pair_result r WHERE r.run_id = :id AND r.verdict = 'PASS'),
			       warn_count = (SELECT COUNT(*) FROM pair_result r WHERE r.run_id = :id AND r.verdict = 'WARN'),
			       unsettled_count = (SELECT COUNT(*) FROM pair_result r WHERE r.run_id = :id AND r.verdict = 'UNSETTLED'),
			       fail_count = (SELECT COUNT(*) FROM pair_result r WHERE r.run_id = :id AND r.verdict = 'FAIL'),
			       no_data_count = (SELECT COUNT(*) FROM pair_result r WHERE r.run_id = :id AND r.verdict = 'NO_DATA'),
			       insufficient_count = (SELECT COUNT(*) FROM pair_result r
			                             WHERE r.run_id = :id AND r.verdict = 'INSUFFICIENT_DATA'),
			       error_count = (SELECT COUNT(*) FROM pair_result r WHERE r.run_id = :id AND r.verdict = 'ERROR')
			WHERE id = :id
			""")
	void count(@Bind("id") long id);

	/**
	 * Counts the run's verdicts and closes it.
	 * @param id the run
	 * @param status COMPLETED or FAILED
	 * @param finishedAt when
	 * @param error why it failed, or null
	 */
	default void finish(long id, String status, Instant finishedAt, String error) {
		count(id);
		close(id, status, finishedAt, error);
	}

	@SqlUpdate("""
			UPDATE parity_run SET judged_from = :from, judgement_note = :note, window_start = :windowStart,
			       window_end = :windowEnd, pairs_total = :pairs, mapping_sha256 = :sha256,
			       settle_recheck_seconds = (SELECT settle_recheck_seconds FROM parity_run WHERE id = :from)
			WHERE id = :id
			""")
	void judgement(@Bind("id") long id, @Bind("from") long from, @Bind("note") String note,
			@Bind("windowStart") Instant windowStart, @Bind("windowEnd") Instant windowEnd, @Bind("pairs") int pairs,
			@Bind("sha256") String sha256);

	@SqlUpdate("UPDATE parity_run SET settle_recheck_seconds = :seconds WHERE id = :id")
	void settleRecheck(@Bind("id") long id, @Bind("seconds") int seconds);

	@SqlUpdate("UPDATE parity_run SET report_path = :path WHERE id = :id")
	void reported(@Bind("id") long id, @Bind("path") String path);

	// the run's own columns; ParityStore.run(id) reads it whole, with its backends
	@SqlQuery("SELECT * FROM parity_run WHERE id = :id")
	Optional<RunRow> row(@Bind("id") long id);

	@SqlQuery("SELECT * FROM parity_run WHERE job_execution_id = :jobExecutionId")
	Optional<RunRow> findByJobExecution(@Bind("jobExecutionId") long jobExecutionId);

	@SqlQuery("SELECT * FROM parity_run ORDER BY id DESC LIMIT :limit")
	List<RunRow> latestRows(@Bind("limit") int limit);

	@SqlQuery("SELECT * FROM parity_run ORDER BY id DESC")
	List<RunRow> allRows();

	@SqlBatch("""
			INSERT INTO run_pair (run_id, pair_id, ordinal, period_seconds, window_start, window_end, definition, lint)
			VALUES (:runId, :pairId, :ordinal, :periodSeconds, :windowStart, :windowEnd, :definition, :lint)
			""")
	void insertPairs(@BindMethods List<RunPairRow> rows);

	@SqlQuery("SELECT * FROM run_pair WHERE run_id = :runId ORDER BY ordinal")
	List<RunPairRow> pairs(@Bind("runId") long runId);

	@SqlQuery("SELECT * FROM run_pair WHERE run_id = :runId AND ordinal > :after ORDER BY ordinal LIMIT :limit")
	List<RunPairRow> pairsAfter(@Bind("runId") long runId, @Bind("after") int afterOrdinal, @Bind("limit") int limit);

	@SqlQuery("""
			SELECT p.* FROM run_pair p
			WHERE p.run_id = :runId
			  AND NOT EXISTS (SELECT 1 FROM pair_result r
			                  WHERE r.run_id = p.run_id AND r.pair_id = p.pair_id AND r.verdict <> 'ERROR')
			ORDER BY p.ordinal
			""")
	List<RunPairRow> unjudgedPairs(@Bind("runId") long runId);

	@SqlQuery("SELECT * FROM run_pair WHERE run_id = :runId AND ordinal BETWEEN :first AND :last ORDER BY ordinal")
	List<RunPairRow> pairsBetween(@Bind("runId") long runId, @Bind("first") int first, @Bind("last") int last);

	@SqlQuery("""
			SELECT p.* FROM run_pair p
			WHERE p.run_id = :runId AND p.ordinal BETWEEN :first AND :last
			  AND NOT EXISTS (SELECT 1 FROM pair_result r
			                  WHERE r.run_id = p.run_id AND r.pair_id = p.pair_id AND r.verdict <> 'ERROR')
			ORDER BY p.ordinal
			""")
	List<RunPairRow> unjudgedPairsBetween(@Bind("runId") long runId, @Bind("first") int first, @Bind("last") int last);

}
