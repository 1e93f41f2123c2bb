package dev.dualrun.parity.source.cloudwatch;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pair's stored definition names its old side by type, {@code "old": {"cloudwatch":
 * {...}}}, where runs before stored {@code "cloudwatch": {...}}; every stored definition
 * is rewritten so, nothing else changes. A Java migration because SQL cannot move a JSON
 * object under a new key.
 */
public class V9__Definitions_name_the_old_side extends BaseJavaMigration {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement select = context.getConnection().createStatement();
				ResultSet rows = select.executeQuery(
						"SELECT run_id, pair_id, definition FROM run_pair WHERE definition LIKE '%\"cloudwatch\"%'");
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
					if (++pending == 500) {
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

	/**
	 * @param definition a stored definition
	 * @return it with its old side under {@code old}, or null if it has one already
	 */
	static String rewrite(String definition) {
		JsonNode node = JSON.readTree(definition);
		if (!(node instanceof ObjectNode pair) || !pair.has("cloudwatch") || pair.has("old")) {
			return null;
		}
		ObjectNode old = JSON.createObjectNode();
		old.set("cloudwatch", pair.remove("cloudwatch"));
		pair.set("old", old);
		return JSON.writeValueAsString(pair);
	}

}
