package dev.dualrun.parity.cli;

import java.util.List;

/**
 * Where a command's store is, for messages: the {@code --datasource-url} given, else
 * {@code PARITY_DATASOURCE_URL} or {@code -Dparity.datasource.url}, else the embedded H2
 * under the data directory. A password in the URL is masked.
 */
final class StoreLocation {

	private static final String URL = "--parity.datasource.url=";

	private static final String DATA_DIR = "--parity.data-dir=";

	private StoreLocation() {
	}

	/**
	 * @param propertyArgs the command's flags as property arguments
	 * @return the store, e.g. {@code jdbc:postgresql://db:5432/parity} or
	 * {@code the H2 under ./data}
	 */
	static String of(List<String> propertyArgs) {
		String url = value(propertyArgs, URL);
		if (url == null) {
			url = System.getenv("PARITY_DATASOURCE_URL");
		}
		if (url == null) {
			url = System.getProperty("parity.datasource.url");
		}
		if (url != null) {
			return Console.oneLine(url.replaceAll("(?i)password=[^&;]*", "password=***"));
		}
		String dir = value(propertyArgs, DATA_DIR);
		return "the H2 under " + Console.oneLine((dir != null) ? dir : "./data");
	}

	private static String value(List<String> args, String prefix) {
		return args.stream()
			.filter((a) -> a.startsWith(prefix))
			.reduce((a, b) -> b)
			.map((a) -> a.substring(prefix.length()))
			.orElse(null);
	}

}
