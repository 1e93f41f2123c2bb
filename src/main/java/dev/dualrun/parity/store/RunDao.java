package dev.dualrun.parity.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
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

	@SqlUpdate("""
			UPDATE parity_run SET old_system = :system, old_location = :location, old_version = :version,
			       old_region = :region
			WHERE id = :id
			""")
	void oldBackend(@Bind("id") long id, @Bind("system") String system, @Bind("location") String location,
			@Bind("version") String version, @Bind("region") String region);

	@SqlUpdate("""
			UPDATE parity_run SET new_system = :system, new_location = :location, new_version = :version,
			       new_range_rule = :rangeRule WHERE id = :id
			""")
	void newBackend(@Bind("id") long id, @Bind("system") String system, @Bind("location") String location,
			@Bind("version") String version, @Bind("rangeRule") String rangeRule);

	@SqlUpdate("""
			UPDATE parity_run SET old_calls = old_calls + :oldCalls,
			       old_metrics = old_metrics + :oldMetrics,
			       new_calls = new_calls + :newCalls,
			       old_retries = old_retries + :oldRetries,
			       new_retries = new_retries + :newRetries
			WHERE id = :id
			""")
	void addCalls(@Bind("id") long id, @Bind("oldCalls") long oldCalls, @Bind("oldMetrics") long oldMetrics,
			@Bind("newCalls") long newCalls, @Bind("oldRetries") long oldRetries, @Bind("newRetries") long newRetries);

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
			       old_location = :oldLocation, old_version = :oldVersion,
			       new_location = :newLocation, new_version = :newVersion,
			       new_range_rule = (SELECT new_range_rule FROM parity_run WHERE id = :from),
			       old_system = (SELECT old_system FROM parity_run WHERE id = :from),
			       new_system = (SELECT new_system FROM parity_run WHERE id = :from),
			       old_region = (SELECT old_region FROM parity_run WHERE id = :from)
			WHERE id = :id
			""")
	void judgement(@Bind("id") long id, @Bind("from") long from, @Bind("note") String note,
			@Bind("windowStart") Instant windowStart, @Bind("windowEnd") Instant windowEnd, @Bind("pairs") int pairs,
			@Bind("sha256") String sha256, @Bind("oldLocation") String oldLocation,
			@Bind("oldVersion") String oldVersion, @Bind("newLocation") String newLocation,
			@Bind("newVersion") String newVersion);

	@SqlUpdate("UPDATE parity_run SET report_path = :path WHERE id = :id")
	void reported(@Bind("id") long id, @Bind("path") String path);

	@SqlQuery("SELECT * FROM parity_run WHERE id = :id")
	Optional<RunRow> find(@Bind("id") long id);

	@SqlQuery("SELECT * FROM parity_run WHERE job_execution_id = :jobExecutionId")
	Optional<RunRow> findByJobExecution(@Bind("jobExecutionId") long jobExecutionId);

	@SqlQuery("SELECT * FROM parity_run ORDER BY id DESC LIMIT :limit")
	List<RunRow> latest(@Bind("limit") int limit);

	@SqlQuery("SELECT * FROM parity_run ORDER BY id DESC")
	List<RunRow> all();

	@org.jdbi.v3.sqlobject.statement.SqlBatch("""
			INSERT INTO run_pair (run_id, pair_id, ordinal, period_seconds, window_start, window_end, definition, lint)
			VALUES (:runId, :pairId, :ordinal, :periodSeconds, :windowStart, :windowEnd, :definition, :lint)
			""")
	void insertPairs(@org.jdbi.v3.sqlobject.customizer.BindMethods List<RunPairRow> rows);

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
