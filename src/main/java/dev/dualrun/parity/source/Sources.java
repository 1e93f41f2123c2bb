package dev.dualrun.parity.source;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.Sides;

/**
 * The one registry of sources: every {@link SourceProvider} on the class path, by type.
 */
public final class Sources {

	private static final Map<String, SourceProvider> BY_TYPE = load();

	private Sources() {
	}

	/**
	 * @param type a source type, e.g. {@code cloudwatch}
	 * @return its provider
	 * @throws ConfigurationException naming the known types if there is none
	 */
	public static SourceProvider provider(String type) {
		SourceProvider provider = BY_TYPE.get(type);
		if (provider == null) {
			throw new ConfigurationException(
					"no source of type '" + type + "' (known: " + String.join(", ", BY_TYPE.keySet()) + ")");
		}
		return provider;
	}

	private static SourceProvider provider(String type, SourceProvider.Role role) {
		SourceProvider provider = provider(type);
		if (provider.role() != role) {
			throw new ConfigurationException(
					"source '" + type + "' is a " + provider.role().name().toLowerCase(java.util.Locale.ROOT)
							+ " side, not the " + role.name().toLowerCase(java.util.Locale.ROOT) + " one");
		}
		return provider;
	}

	/**
	 * @param type a source type
	 * @param properties the settings
	 * @return the source, opened
	 */
	public static MetricSource open(String type, ParityProperties properties) {
		return provider(type).open(properties);
	}

	/**
	 * @param oldType the old side's source type
	 * @param newType the new side's source type
	 * @return what the two systems are called, as their sources name them
	 * @throws ConfigurationException if a type is unknown or cannot play its side
	 */
	public static Sides sides(String oldType, String newType) {
		SourceProvider o = provider(oldType, SourceProvider.Role.OLD);
		SourceProvider n = provider(newType, SourceProvider.Role.NEW);
		return new Sides(o.displayName(), n.displayName(), o.missingDataHint(), n.missingDataHint());
	}

	/**
	 * @param properties the settings
	 * @param role a side
	 * @return calls to that side in flight at once: the smallest of its systems' own
	 * limits, as one pool serves them all and the strictest quota rules (each source also
	 * keeps its own, e.g. CloudWatch's request rate)
	 */
	public static int concurrency(ParityProperties properties, SourceProvider.Role role) {
		return BY_TYPE.values()
			.stream()
			.filter((p) -> p.role() == role)
			.mapToInt((p) -> p.concurrency(properties))
			.min()
			.orElse(4);
	}

	/**
	 * @param pair a pair
	 * @param window its window
	 * @param now the current time
	 * @throws ConfigurationException if the old side no longer keeps the pair's period
	 * for the window
	 */
	public static void checkWindow(dev.dualrun.parity.config.PairMapping pair, QueryWindow window,
			java.time.Instant now) {
		String problem = provider(pair.oldType()).windowProblem(pair, window, now);
		if (problem != null) {
			long age = java.time.Duration.between(window.start(), now).toDays();
			throw new ConfigurationException("pair '" + pair.id() + "': period " + pair.period().toSeconds()
					+ " s is not available for a window starting " + window.start() + " (" + age + " days ago): "
					+ problem + " (the period rule)");
		}
	}

	/**
	 * @return every provider, by type
	 */
	public static List<SourceProvider> all() {
		return List.copyOf(BY_TYPE.values());
	}

	private static Map<String, SourceProvider> load() {
		Map<String, SourceProvider> byType = new TreeMap<>();
		for (SourceProvider p : ServiceLoader.load(SourceProvider.class, Sources.class.getClassLoader())) {
			if (byType.putIfAbsent(p.type(), p) != null) {
				throw new IllegalStateException("two sources of type " + p.type());
			}
		}
		return byType;
	}

}
