package dev.dualrun.parity.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.config.Text;

/**
 * A capability of a source: its command-line options, contributed to every command that
 * reaches the backends. The options are a picocli mixin (an object with {@code @Option}
 * fields) of the source's own package; each flag is also a property of the source's
 * prefix, which the flag sets.
 */
public interface Configurable {

	/**
	 * The options of one command line, filled by picocli.
	 */
	interface Options {

		/**
		 * @return the flags given, checked, as property arguments
		 * ({@code --parity.<prefix>.<name>=value})
		 * @throws ConfigurationException naming the flag if a value is malformed
		 */
		List<String> propertyArgs();

	}

	/**
	 * @return a new, empty mixin of the source's options
	 */
	Options options();

	/**
	 * @param args the property arguments to add to
	 * @param property a property, e.g. {@code parity.prometheus.url}
	 * @param value the flag's value, or null if not given
	 */
	static void add(List<String> args, String property, String value) {
		if (value != null) {
			args.add("--" + property + "=" + value);
		}
	}

	/**
	 * @param flag the flag
	 * @param value its value, or null
	 * @throws ConfigurationException naming the flag if it is not an http(s) URL with a
	 * host (credentials in it are masked)
	 */
	static void checkUrl(String flag, String value) {
		if (value == null) {
			return;
		}
		URI uri;
		try {
			uri = new URI(value.strip());
		}
		catch (URISyntaxException ex) {
			uri = null;
		}
		if (uri == null || uri.getHost() == null
				|| !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
			String shown = value.replaceAll("//[^/@]*@", "//***@");
			throw new ConfigurationException(
					flag + " '" + Text.oneLine(shown) + "' is not an http(s) URL such as https://host:9090");
		}
	}

	/**
	 * @param flag the flag
	 * @param value its value, or null
	 * @throws ConfigurationException naming the flag if it is not a duration
	 */
	static void checkDuration(String flag, String value) {
		if (value != null) {
			try {
				Durations.parse(value);
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigurationException(flag + ": " + ex.getMessage());
			}
		}
	}

}
