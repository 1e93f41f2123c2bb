/**
 * Stores runs, pair results, discrepancies and the raw series of both sides in a SQL
 * database (H2 by default, PostgreSQL-ready) through jdbi SQL Objects. The schema lives
 * only in {@code sql/}, applied by Flyway.
 */
package dev.dualrun.parity.store;
