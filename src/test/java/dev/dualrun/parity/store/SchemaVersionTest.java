package dev.dualrun.parity.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.source.Migrating;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.testing.TestStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store at this build's schema opens without Flyway; any other is migrated. */
class SchemaVersionTest {

	private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*");

	@Test
	void theSchemaVersionIsTheNewestMigrationOfSqlAndOfTheSources() throws Exception {
		int newest;
		try (Stream<Path> files = Files.list(Path.of("sql"))) {
			newest = files.map((f) -> VERSION.matcher(f.getFileName().toString()))
				.filter(Matcher::matches)
				.mapToInt((m) -> Integer.parseInt(m.group(1)))
				.max()
				.orElseThrow();
		}
		for (Migrating source : Sources.withCapability(Migrating.class)) {
			for (var migration : source.migrations()) {
				newest = Math.max(newest, Integer.parseInt(migration.getVersion().getVersion()));
			}
		}
		assertThat(ParityStore.SCHEMA_VERSION).isEqualTo(newest);
	}

	@Test
	void runIdsAreHandedOutOneAtATimeSoAKilledProcessLeavesNoGap() throws Exception {
		DataSource ds = TestStore.fresh();
		ParityStore.open(ds, Clock.systemUTC());
		try (var connection = ds.getConnection(); var statement = connection.createStatement()) {
			boolean h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
			String cache = h2
					? "SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
							+ " WHERE TABLE_NAME = 'PARITY_RUN' AND COLUMN_NAME = 'ID'"
					: "SELECT cache_size FROM pg_sequences"
							+ " WHERE sequencename = split_part(pg_get_serial_sequence('parity_run', 'id'), '.', 2)";
			try (var rows = statement.executeQuery(cache)) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getLong(1)).isEqualTo(1);
			}
		}
	}

	@Test
	void anEmptyStoreIsMigratedToTheSchemaVersion() {
		DataSource ds = TestStore.fresh();
		assertThat(ParityStore.schemaVersion(ds)).isEqualTo(-1);
		ParityStore.openCurrent(ds, Clock.systemUTC());
		assertThat(ParityStore.schemaVersion(ds)).isEqualTo(ParityStore.SCHEMA_VERSION);
	}

	@Test
	void aStoreAtTheSchemaVersionIsOpenedWithoutFlyway() throws Exception {
		DataSource ds = TestStore.fresh();
		ParityStore.open(ds, Clock.systemUTC());
		// a checksum Flyway's validation refuses: only a store opened without Flyway
		// reads
		try (var connection = ds.getConnection(); var statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '1'");
		}
		assertThatThrownBy(() -> ParityStore.open(ds, Clock.systemUTC())).hasMessageContaining("checksum");
		assertThat(ParityStore.openCurrent(ds, Clock.systemUTC()).latestRuns(5)).isEmpty();
	}

	@Test
	void aStoreWithAFailedMigrationIsLeftToFlywayToRefuse() throws Exception {
		DataSource ds = TestStore.fresh();
		ParityStore.open(ds, Clock.systemUTC());
		// the newest migration failed half-way (H2's DDL is not transactional)
		try (var connection = ds.getConnection(); var statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '"
					+ ParityStore.SCHEMA_VERSION + "'");
		}
		assertThat(ParityStore.schemaVersion(ds)).isEqualTo(-1);
		assertThatThrownBy(() -> ParityStore.openCurrent(ds, Clock.systemUTC())).hasMessageContaining("failed");
	}

	@Test
	void aStoreBehindTheSchemaVersionIsMigrated() {
		DataSource ds = TestStore.fresh();
		org.flywaydb.core.Flyway.configure()
			.dataSource(ds)
			.locations("classpath:db/migration")
			.javaMigrations(Sources.withCapability(Migrating.class)
				.stream()
				.flatMap((m) -> m.migrations().stream())
				.toArray(org.flywaydb.core.api.migration.JavaMigration[]::new))
			.target(Integer.toString(ParityStore.SCHEMA_VERSION - 1))
			.load()
			.migrate();
		assertThat(ParityStore.schemaVersion(ds)).isEqualTo(ParityStore.SCHEMA_VERSION - 1);
		ParityStore.openCurrent(ds, Clock.systemUTC());
		assertThat(ParityStore.schemaVersion(ds)).isEqualTo(ParityStore.SCHEMA_VERSION);
	}

}
