package dev.dualrun.parity.config;

/**
 * The mapping file cannot be used: unreadable, not YAML, or a field is missing or wrong.
 * The message names the file, the line and the field, e.g.
 * {@code mappings.yml:14: pairs[2].cloudwatch.statistic: unknown statistic 'Avg'}.
 */
public class MappingException extends ConfigurationException {

	public MappingException(String message) {
		super(message);
	}

	public MappingException(String message, Throwable cause) {
		super(message, cause);
	}

	static MappingException at(String file, int line, String field, String problem) {
		String where = (line > 0) ? file + ":" + line : file;
		return new MappingException(where + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
	}

}
