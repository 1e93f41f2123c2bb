package dev.dualrun.parity.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Dated inventories of the old side's estate. */
@RegisterConstructorMapper(InventoryRow.class)
@RegisterConstructorMapper(InventoryMetricRow.class)
public interface InventoryDao {

	@SqlUpdate("""
			INSERT INTO inventory (taken_at, old_system, location, namespaces, recently_active, linked_accounts,
			                       metric_count, calls)
			VALUES (:takenAt, :oldSystem, :location, :namespaces, :recentlyActive, :linkedAccounts, :metricCount, :calls)
			""")
	@GetGeneratedKeys("id")
	long insert(@Bind("takenAt") Instant takenAt, @Bind("oldSystem") String oldSystem,
			@Bind("location") String location, @Bind("namespaces") String namespaces,
			@Bind("recentlyActive") boolean recentlyActive, @Bind("linkedAccounts") boolean linkedAccounts,
			@Bind("metricCount") int metricCount, @Bind("calls") long calls);

	@SqlBatch("""
			INSERT INTO inventory_metric (inventory_id, namespace, metric_name, dimensions, account)
			VALUES (:inventoryId, :namespace, :metricName, :dimensions, :account)
			""")
	void insertMetrics(@BindMethods List<InventoryMetricRow> rows);

	@SqlQuery("SELECT * FROM inventory ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
	Optional<InventoryRow> latest();

	@SqlQuery("SELECT * FROM inventory WHERE id = :id")
	Optional<InventoryRow> byId(@Bind("id") long id);

	@SqlQuery("SELECT * FROM inventory ORDER BY id DESC FETCH FIRST :limit ROWS ONLY")
	List<InventoryRow> recent(@Bind("limit") int limit);

	@SqlQuery("""
			SELECT * FROM inventory_metric WHERE inventory_id = :id ORDER BY namespace, metric_name, dimensions
			""")
	List<InventoryMetricRow> metrics(@Bind("id") long id);

}
