package dev.dualrun.parity.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import dev.dualrun.parity.compare.ComparisonResult;

/**
 * The store: runs, plans, results, discrepancies and evidence. Opening it applies the
 * Flyway migrations of {@code sql/}. Every pair's result is written with its
 * discrepancies in one transaction, replacing any earlier result of the same pair in the
 * same run, so a crash never leaves half a pair and a restart can safely judge a pair
 * again.
 */
public final class ParityStore {

	private final Jdbi jdbi;

	private final Clock clock;

	private ParityStore(Jdbi jdbi, Clock clock) {
		this.jdbi = jdbi;
		this.clock = clock;
	}

	/**
	 * Applies pending migrations and opens the store.
	 * @param dataSource the database
	 * @param clock the clock for timestamps
	 * @return the store
	 */
	public static ParityStore open(DataSource dataSource, Clock clock) {
		migrate(dataSource);
		return new ParityStore(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()), clock);
	}

	/**
	 * Opens the store for a command that calls no backend: a store already at
	 * {@link #SCHEMA_VERSION} is opened without starting Flyway (about a second of CPU at
	 * the start of a short command); any other, empty or older or newer, is migrated as
	 * {@link #open} does.
	 * @param dataSource the database
	 * @param clock the clock for timestamps
	 * @return the store
	 */
	public static ParityStore openCurrent(DataSource dataSource, Clock clock) {
		if (schemaVersion(dataSource) != SCHEMA_VERSION) {
			migrate(dataSource);
		}
		return new ParityStore(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()), clock);
	}

	/**
	 * The newest migration this build holds, of {@code sql/} and of the sources' Java
	 * migrations (a test keeps it equal to them).
	 */
	public static final int SCHEMA_VERSION = 18;

	/**
	 * @param dataSource the database
	 * @return the newest migration applied, or -1 if there is no migration history yet or
	 * a migration failed
	 */
	static int schemaVersion(DataSource dataSource) {
		try (java.sql.Connection connection = dataSource.getConnection();
				java.sql.Statement statement = connection.createStatement();
				java.sql.ResultSet versions = statement.executeQuery("SELECT \"version\", \"success\""
						+ " FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
			int newest = -1;
			while (versions.next()) {
				if (!versions.getBoolean(2)) {
					// a failed migration, of this build or a newer one: Flyway says so
					return -1;
				}
				newest = Math.max(newest, Integer.parseInt(versions.getString(1)));
			}
			return newest;
		}
		catch (java.sql.SQLException | NumberFormatException ex) {
			// no history table yet, or a version this build does not number
			return -1;
		}
	}

	private static void migrate(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			// Spring Batch may have created its own tables first: the store's start at V1
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.javaMigrations(dev.dualrun.parity.source.Sources.withCapability(dev.dualrun.parity.source.Migrating.class)
				.stream()
				.flatMap((m) -> m.migrations().stream())
				.toArray(org.flywaydb.core.api.migration.JavaMigration[]::new))
			.load()
			.migrate();
	}

	/**
	 * @return the run DAO (each call runs in its own short transaction)
	 */
	public RunDao runs() {
		return this.jdbi.onDemand(RunDao.class);
	}

	/**
	 * @return the result DAO for reads
	 */
	public ResultDao results() {
		return this.jdbi.onDemand(ResultDao.class);
	}

	/**
	 * @return the alert DAO for reads
	 */
	public AlertDao alerts() {
		return this.jdbi.onDemand(AlertDao.class);
	}

	/**
	 * Stores the alert pairs of a run's plan in one transaction.
	 * @param rows the alert pairs
	 */
	public void planAlerts(List<RunAlertRow> rows) {
		if (!rows.isEmpty()) {
			this.jdbi.useTransaction((handle) -> handle.attach(AlertDao.class).insertAlerts(rows));
		}
	}

	/**
	 * Stores alert judgements in one transaction (the chunk's, inside a step), replacing
	 * earlier ones of the same alert pairs.
	 * @param rows the judgements
	 */
	public void saveAlertResults(List<AlertResultRow> rows) {
		if (!rows.isEmpty()) {
			this.jdbi.useTransaction((handle) -> {
				AlertDao dao = handle.attach(AlertDao.class);
				dao.deleteResults(rows);
				dao.insertResults(rows);
			});
		}
	}

	/**
	 * @return the inventory DAO
	 */
	public InventoryDao inventories() {
		return this.jdbi.onDemand(InventoryDao.class);
	}

	/**
	 * Stores a listing of the old side's metrics in one transaction.
	 * @param inventory the listing
	 * @param query what was asked
	 * @return the inventory's number
	 */
	public long saveInventory(dev.dualrun.parity.source.Inventory inventory,
			dev.dualrun.parity.source.InventoryQuery query) {
		return this.jdbi.inTransaction((handle) -> {
			InventoryDao dao = handle.attach(InventoryDao.class);
			long id = dao.insert(this.clock.instant(), inventory.system(), inventory.location(),
					query.namespaces().isEmpty() ? null : String.join(",", query.namespaces()), query.recentlyActive(),
					query.linkedAccounts(), inventory.items().size(), inventory.calls());
			List<InventoryMetricRow> rows = new java.util.ArrayList<>();
			for (var item : inventory.items()) {
				rows.add(new InventoryMetricRow(id, item.namespace(), item.metric(), StoreJson.json(item.dimensions()),
						item.account()));
				if (rows.size() == 1000) {
					dao.insertMetrics(rows);
					rows.clear();
				}
			}
			if (!rows.isEmpty()) {
				dao.insertMetrics(rows);
			}
			return id;
		});
	}

	/**
	 * @param inventoryId a stored inventory
	 * @return its metrics
	 */
	public List<dev.dualrun.parity.source.InventoryItem> inventoryItems(long inventoryId) {
		return inventories().metrics(inventoryId)
			.stream()
			.map((r) -> new dev.dualrun.parity.source.InventoryItem(r.namespace(), r.metricName(),
					new java.util.TreeMap<>(StoreJson.labels(r.dimensions())), r.account()))
			.toList();
	}

	/**
	 * Stores the plan of a run in one transaction.
	 * @param runId the run
	 * @param pairs the planned pairs
	 */
	public void plan(long runId, List<RunPairRow> pairs) {
		this.jdbi.useTransaction((handle) -> handle.attach(RunDao.class).insertPairs(pairs));
	}

	/**
	 * Replaces one side's evidence of a pair.
	 * @param row the evidence
	 */
	public void saveEvidence(EvidenceRow row) {
		saveEvidence(List.of(row));
	}

	/**
	 * Replaces the evidence of many pairs in one transaction, in batches.
	 * @param rows the evidence
	 */
	public void saveEvidence(List<EvidenceRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbi.useTransaction((handle) -> {
			ResultDao dao = handle.attach(ResultDao.class);
			dao.deleteEvidence(rows);
			dao.insertEvidence(rows);
		});
	}

	/**
	 * Writes a pair's judgement, its discrepancies and its Prometheus evidence in one
	 * transaction, replacing any earlier judgement of the pair in this run.
	 * @param result the result row
	 * @param discrepancies its discrepancies
	 * @param evidence the Prometheus evidence, or null
	 */
	public void saveResult(PairResultRow result, List<DiscrepancyRow> discrepancies, EvidenceRow evidence) {
		saveResults(List.of(result), discrepancies, (evidence != null) ? List.of(evidence) : List.of());
	}

	/**
	 * Writes the judgements of many pairs with their discrepancies and Prometheus
	 * evidence in one transaction, in batches, replacing earlier judgements of the same
	 * pairs in their runs.
	 * @param results the result rows
	 * @param discrepancies their discrepancies
	 * @param evidence their Prometheus evidence
	 */
	public void saveResults(List<PairResultRow> results, List<DiscrepancyRow> discrepancies,
			List<EvidenceRow> evidence) {
		this.jdbi.useTransaction((handle) -> {
			ResultDao dao = handle.attach(ResultDao.class);
			dao.deleteDiscrepancies(results);
			dao.deleteResults(results);
			if (!evidence.isEmpty()) {
				dao.deleteEvidence(evidence);
				dao.insertEvidence(evidence);
			}
			dao.insertResults(results);
			if (!discrepancies.isEmpty()) {
				dao.insertDiscrepancies(discrepancies);
			}
		});
	}

	/**
	 * @param runId a run
	 * @return each pair's Wilcoxon p-value, null where it has none, in plan order
	 */
	public Map<String, Double> pValues(long runId) {
		Map<String, Double> p = new java.util.LinkedHashMap<>();
		results().results(runId).forEach((r) -> p.put(r.pairId(), r.wilcoxonP()));
		return p;
	}

	/**
	 * Stores each pair's q-value (its p-value adjusted across the run's pairs), in one
	 * transaction.
	 * @param runId the run
	 * @param qValues each pair's q-value, null where it has none
	 */
	public void saveQValues(long runId, Map<String, Double> qValues) {
		this.jdbi.useTransaction((handle) -> {
			ResultDao dao = handle.attach(ResultDao.class);
			qValues.forEach((pair, q) -> dao.updateQValue(runId, pair, q));
		});
	}

	/**
	 * Deletes runs with everything stored for them (plan, results, discrepancies,
	 * evidence), each run in one transaction.
	 * @param runIds the runs
	 * @return the rows deleted
	 */
	public long delete(List<Long> runIds) {
		long rows = 0;
		for (long id : runIds) {
			rows += this.jdbi.inTransaction((handle) -> {
				int n = 0;
				for (String sql : List.of("DELETE FROM run_backend WHERE run_id = ?",
						"DELETE FROM alert_result WHERE run_id = ?", "DELETE FROM run_alert WHERE run_id = ?",
						"DELETE FROM discrepancy WHERE run_id = ?", "DELETE FROM series_evidence WHERE run_id = ?",
						"DELETE FROM pair_result WHERE run_id = ?", "DELETE FROM run_pair WHERE run_id = ?",
						"DELETE FROM parity_run WHERE id = ?")) {
					n += handle.execute(sql, id);
				}
				return n;
			});
		}
		return rows;
	}

	/**
	 * What a side answered for a pair, as the judge takes it: the one way from the store
	 * back to an answer ({@link EvidenceRow#answer()}).
	 * @param runId the run
	 * @param pair the pair
	 * @param side the side and read
	 * @return the answer; a failure naming the side if none is stored
	 */
	public dev.dualrun.parity.compare.SideAnswer answer(long runId, dev.dualrun.parity.config.PairMapping pair,
			EvidenceRow.Side side) {
		return results().evidence(runId, pair.id(), side)
			.map(EvidenceRow::answer)
			.orElseGet(() -> new dev.dualrun.parity.compare.SideAnswer.Failed(
					((side == EvidenceRow.Side.OLD || side == EvidenceRow.Side.OLD_AGAIN) ? pair.sides().oldName()
							: pair.sides().newName()) + " series was not fetched"));
	}

	/**
	 * @param runId the run
	 * @return the run, with what it read of each side
	 */
	public Optional<RunRow> run(long runId) {
		return runs().row(runId).map((r) -> withBackends(List.of(r)).get(0));
	}

	/**
	 * @param limit how many
	 * @return the newest runs, newest first, with what each read of each side
	 */
	public List<RunRow> latestRuns(int limit) {
		return withBackends(runs().latestRows(limit));
	}

	/**
	 * @return every run, newest first, with what each read of each side
	 */
	public List<RunRow> allRuns() {
		return withBackends(runs().allRows());
	}

	private List<RunRow> withBackends(List<RunRow> rows) {
		return RunBackends.attach(runs(), rows);
	}

	/**
	 * Replaces a step's record of what it read of each system, in one transaction (the
	 * chunk's, inside a step): one row for each step execution, side and system, which
	 * only that step writes.
	 * @param rows the step's rows, its counts so far
	 */
	public void saveBackends(List<BackendRow> rows) {
		if (!rows.isEmpty()) {
			this.jdbi.useTransaction((handle) -> {
				RunDao dao = handle.attach(RunDao.class);
				dao.deleteBackends(rows);
				dao.insertBackends(rows);
			});
		}
	}

	/**
	 * Builds the result row of a judged pair, stamped with the store's clock.
	 * @param runId the run
	 * @param pairId the pair
	 * @param result the judgement
	 * @return the result row
	 */
	public PairResultRow resultRow(long runId, String pairId, ComparisonResult result) {
		return ResultRows.result(runId, pairId, result, this.clock.instant());
	}

}
