package dev.dualrun.parity.config;

/**
 * The configuration cannot work: a mapping problem, a missing region, a malformed URL, an
 * unknown pair id. The CLI exits with code 2 for these; the message names the cause and
 * place.
 */
public class ConfigurationException extends RuntimeException {

	public ConfigurationException(String message) {
		super(message);
	}

	public ConfigurationException(String message, Throwable cause) {
		super(message, cause);
	}

}
