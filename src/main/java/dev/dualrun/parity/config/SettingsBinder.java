package dev.dualrun.parity.config;

import java.util.Optional;

/**
 * Binds the settings under one prefix (e.g. {@code parity.cloudwatch}) to a record, from
 * flags, {@code parity.*} properties and {@code PARITY_*} environment variables, with the
 * tool's one duration syntax ({@link Durations}). Each source binds its own prefix
 * through it; the Spring wiring implements it with Spring Boot's {@code Binder}.
 */
@FunctionalInterface
public interface SettingsBinder {

	/** Binds nothing: every source keeps its defaults. */
	SettingsBinder NONE = new SettingsBinder() {

		@Override
		public <T> Optional<T> bind(String name, Class<T> type) {
			return Optional.empty();
		}

	};

	/**
	 * @param <T> the type
	 * @param name the property or prefix, e.g. {@code parity.cloudwatch}
	 * @param type a record of the settings under it, or a plain value type
	 * @return the bound value, or empty if nothing is set under the name
	 */
	<T> Optional<T> bind(String name, Class<T> type);

}
