package dev.dualrun.parity.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of each source, as each bound its own prefix: one record per source type,
 * found by its class. The neutral settings ({@link ParityProperties}) carry them to the
 * sources without knowing any of them.
 */
public final class SourceSettings {

	/** No source settings: each source falls back to its defaults. */
	public static final SourceSettings NONE = new SourceSettings(Map.of());

	private final Map<Class<?>, Object> byType;

	private SourceSettings(Map<Class<?>, Object> byType) {
		this.byType = Map.copyOf(byType);
	}

	/**
	 * @param <T> the settings' type
	 * @param type a source's settings record
	 * @return its settings, or empty if none were bound
	 */
	public <T> Optional<T> get(Class<T> type) {
		return Optional.ofNullable(type.cast(this.byType.get(type)));
	}

	/**
	 * @param settings a source's settings record (null is ignored)
	 * @return these settings with that source's replaced
	 */
	public SourceSettings with(Object settings) {
		if (settings == null) {
			return this;
		}
		Map<Class<?>, Object> copy = new LinkedHashMap<>(this.byType);
		copy.put(settings.getClass(), settings);
		return new SourceSettings(copy);
	}

	@Override
	public String toString() {
		return this.byType.values().toString();
	}

}
