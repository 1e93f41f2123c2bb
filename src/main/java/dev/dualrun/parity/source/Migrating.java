package dev.dualrun.parity.source;

import java.util.List;

import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A capability of a source: migrations of what runs stored of its side before the store's
 * form changed (a definition's block moved under a new key), applied by Flyway with the
 * store's own ({@code sql/}) in version order.
 */
public interface Migrating {

	/**
	 * @return the source's migrations
	 */
	List<JavaMigration> migrations();

}
