package dev.dualrun.parity.store;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The alert pairs of runs and their judgements. */
@RegisterConstructorMapper(RunAlertRow.class)
@RegisterConstructorMapper(AlertResultRow.class)
@RegisterConstructorMapper(AlertVerdictRow.class)
public interface AlertDao {

	@SqlBatch("""
			INSERT INTO run_alert (run_id, alert_id, ordinal, window_start, window_end, definition)
			VALUES (:runId, :alertId, :ordinal, :windowStart, :windowEnd, :definition)
			""")
	void insertAlerts(@BindMethods List<RunAlertRow> rows);

	@SqlQuery("SELECT * FROM run_alert WHERE run_id = :runId ORDER BY ordinal")
	List<RunAlertRow> alerts(@Bind("runId") long runId);

	@SqlQuery("""
			SELECT a.* FROM run_alert a
			WHERE a.run_id = :runId
			  AND NOT EXISTS (SELECT 1 FROM alert_result r
			                  WHERE r.run_id = a.run_id AND r.alert_id = a.alert_id AND r.verdict <> 'ERROR')
			ORDER BY a.ordinal
			""")
	List<RunAlertRow> unjudged(@Bind("runId") long runId);

	@SqlBatch("DELETE FROM alert_result WHERE run_id = :runId AND alert_id = :alertId")
	void deleteResults(@BindMethods List<AlertResultRow> rows);

	@SqlBatch("""
			INSERT INTO alert_result (run_id, alert_id, verdict, summary, first_code, old_episodes, new_episodes,
			                          matched, judged_at, document)
			VALUES (:runId, :alertId, :verdict, :summary, :firstCode, :oldEpisodes, :newEpisodes, :matched,
			        :judgedAt, :document)
			""")
	void insertResults(@BindMethods List<AlertResultRow> rows);

	@SqlQuery("""
			SELECT r.* FROM alert_result r JOIN run_alert a ON a.run_id = r.run_id AND a.alert_id = r.alert_id
			WHERE r.run_id = :runId ORDER BY a.ordinal
			""")
	List<AlertResultRow> results(@Bind("runId") long runId);

	@SqlQuery("""
			SELECT r.alert_id, r.verdict, r.summary, r.first_code FROM alert_result r
			JOIN run_alert a ON a.run_id = r.run_id AND a.alert_id = r.alert_id
			WHERE r.run_id = :runId ORDER BY a.ordinal
			""")
	List<AlertVerdictRow> verdicts(@Bind("runId") long runId);

}
