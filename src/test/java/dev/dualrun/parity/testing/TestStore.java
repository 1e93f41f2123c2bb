package dev.dualrun.parity.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store of the tests: the H2 file under a test's data directory, or, when the tests
 * run with {@code -Dparity.test.store=postgresql} (Failsafe's and Surefire's
 * {@code postgresql} executions), a database of its own on the machine's PostgreSQL
 * (127.0.0.1:5432, trust auth), created on first use and dropped when the JVM ends. The
 * CLI of the tests gets it as {@code --datasource-url}, so the same tests run on both.
 */
public final class TestStore {

	/** The system property that picks PostgreSQL. */
	public static final String PROPERTY = "parity.test.store";

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(TestStore::dropAll, "drop-test-databases"));
	}

	private TestStore() {
	}

	/**
	 * @return true if the tests run on PostgreSQL
	 */
	public static boolean postgres() {
		return "postgresql".equals(System.getProperty(PROPERTY));
	}

	/**
	 * @param dataDir a test's data directory
	 * @return the JDBC URL of its store
	 */
	public static String url(Path dataDir) {
		if (!postgres()) {
			return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("parity");
		}
		return SERVER + database("pit_" + digest(dataDir.toAbsolutePath().normalize().toString())) + "?user=postgres";
	}

	/**
	 * @param dataDir a test's data directory
	 * @return its store's data source
	 */
	public static DataSource dataSource(Path dataDir) {
		if (!postgres()) {
			JdbcDataSource ds = new JdbcDataSource();
			ds.setURL(url(dataDir));
			ds.setUser("sa");
			return ds;
		}
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setURL(url(dataDir));
		return ds;
	}

	/**
	 * @return an empty store of its own (H2 in memory, or a new PostgreSQL database)
	 */
	public static DataSource fresh() {
		if (!postgres()) {
			JdbcDataSource ds = new JdbcDataSource();
			ds.setURL("jdbc:h2:mem:" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
			return ds;
		}
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setURL(SERVER + database("put_" + digest(Long.toString(System.nanoTime()))) + "?user=postgres");
		return ds;
	}

	/**
	 * @param args the CLI's arguments
	 * @return them with {@code --datasource-url} of their {@code --data-dir}, on
	 * PostgreSQL
	 */
	public static List<String> withStore(List<String> args) {
		int i = args.indexOf("--data-dir");
		if (!postgres() || i < 0 || i + 1 >= args.size() || args.contains("--datasource-url")) {
			return args;
		}
		List<String> out = new ArrayList<>(args);
		out.add("--datasource-url");
		out.add(url(Path.of(args.get(i + 1))));
		return out;
	}

	private static String database(String name) {
		if (CREATED.contains(name)) {
			return name;
		}
		synchronized (CREATED) {
			try (Connection c = DriverManager.getConnection(SERVER + "postgres?user=postgres");
					var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
				exists.setString(1, name);
				if (!exists.executeQuery().next()) {
					c.createStatement().execute("CREATE DATABASE " + name);
				}
				CREATED.add(name);
				return name;
			}
			catch (SQLException ex) {
				throw new IllegalStateException("PostgreSQL not usable at 127.0.0.1:5432 (" + ex.getMessage()
						+ "): the tests with -D" + PROPERTY + "=postgresql run against the machine's PostgreSQL", ex);
			}
		}
	}

	private static void dropAll() {
		try (Connection c = DriverManager.getConnection(SERVER + "postgres?user=postgres")) {
			for (String name : CREATED) {
				c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
		catch (SQLException ex) {
			// the databases stay; they are named pit_/put_ and a digest
		}
	}

	private static String digest(String text) {
		try {
			byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(d, 0, 10);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
