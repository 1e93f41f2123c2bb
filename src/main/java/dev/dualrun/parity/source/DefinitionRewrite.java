package dev.dualrun.parity.source;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import tools.jackson.databind.json.JsonMapper;

/**
 * A source's Java migration of the pair definitions runs stored ({@code run_pair}): every
 * definition that holds a marker is read, rewritten by the source and written back in
 * batches. A Java migration because SQL cannot move a JSON value under a new key.
 */
public abstract class DefinitionRewrite extends BaseJavaMigration {

	/** Reads and writes the stored definitions. */
	protected static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int BATCH = 500;

	/**
	 * @return a text every definition to rewrite contains, e.g. a JSON key in quotes
	 */
	protected abstract String marker();

	/**
	 * @param definition a stored definition
	 * @return it rewritten, or null if it needs no change
	 */
	protected abstract String rewrite(String definition);

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement select = context.getConnection().createStatement();
				ResultSet rows = select
					.executeQuery("SELECT run_id, pair_id, definition FROM run_pair WHERE definition LIKE '%"
							+ marker().replace("'", "''") + "%'");
				PreparedStatement update = context.getConnection()
					.prepareStatement("UPDATE run_pair SET definition = ? WHERE run_id = ? AND pair_id = ?")) {
			int pending = 0;
			while (rows.next()) {
				String rewritten = rewrite(rows.getString(3));
				if (rewritten != null) {
					update.setString(1, rewritten);
					update.setLong(2, rows.getLong(1));
					update.setString(3, rows.getString(2));
					update.addBatch();
					if (++pending == BATCH) {
						update.executeBatch();
						pending = 0;
					}
				}
			}
			if (pending > 0) {
				update.executeBatch();
			}
		}
	}

}
