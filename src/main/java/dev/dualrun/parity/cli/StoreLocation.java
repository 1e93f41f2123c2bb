package dev.dualrun.parity.cli;

import java.util.List;

/**
 * Where a command's store is, for messages: the datasource URL as the command resolves it
 * (its flags, {@code PARITY_*} variables, {@code -D} properties and
 * {@code application.yml}), without its options and with a password masked.
 */
final class StoreLocation {

	private StoreLocation() {
	}

	/**
	 * @param propertyArgs the command's flags as property arguments
	 * @return the store, e.g. {@code jdbc:postgresql://db:5432/parity} or
	 * {@code jdbc:h2:file:/opt/parity/data/parity}, or null if it cannot be told
	 */
	static String of(List<String> propertyArgs) {
		try {
			String url = StoreOnlySession.environment(propertyArgs).getProperty("spring.datasource.url");
			if (url == null) {
				return null;
			}
			// H2's settings follow a ';'
			String shown = url.startsWith("jdbc:h2:") && url.contains(";") ? url.substring(0, url.indexOf(';')) : url;
			return masked(shown);
		}
		catch (RuntimeException ex) {
			// a settings file that cannot be read is reported by the command itself
			return null;
		}
	}

	/**
	 * @param url a JDBC URL
	 * @return it on one line, a password in it masked
	 */
	static String masked(String url) {
		return Console.oneLine(url.replaceAll("(?i)password=[^&;]*", "password=***"));
	}

}
