package dev.dualrun.parity.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.MappingLoader;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.SettingsBinder;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.config.Sides;
import dev.dualrun.parity.config.SourceSettings;

/**
 * The one registry of sources: every {@link SourceProvider} on the class path, by type,
 * and what they contribute to the rest of the tool (their mapping blocks, their settings,
 * their capabilities).
 */
public final class Sources {

	private static final Map<String, SourceProvider> BY_TYPE = load();

	private Sources() {
	}

	/**
	 * @param type a source type
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

	private static SourceProvider provider(String type, Side role) {
		SourceProvider provider = provider(type);
		if (provider.role() != role) {
			throw new ConfigurationException(
					"source '" + type + "' is a " + name(provider.role()) + " side, not the " + name(role) + " one");
		}
		return provider;
	}

	private static String name(Side side) {
		return side.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param <T> the capability
	 * @param type a source type
	 * @param capability a capability, e.g. {@link Linked}
	 * @return the source as that capability, if it has it
	 */
	public static <T> Optional<T> capability(String type, Class<T> capability) {
		SourceProvider provider = provider(type);
		return capability.isInstance(provider) ? Optional.of(capability.cast(provider)) : Optional.empty();
	}

	/**
	 * @param <T> the capability
	 * @param capability a capability
	 * @return every source that has it, by type
	 */
	public static <T> List<T> withCapability(Class<T> capability) {
		return BY_TYPE.values().stream().filter(capability::isInstance).map(capability::cast).toList();
	}

	/**
	 * @param <T> the capability
	 * @param capability a capability, e.g. {@link Inventoried}
	 * @param role the side
	 * @param what what it is needed for, for the message
	 * @return the one source of that side that has it
	 * @throws ConfigurationException if none or several have it
	 */
	public static <T> T one(Class<T> capability, Side role, String what) {
		return capability.cast(oneProvider(capability, role, what));
	}

	/**
	 * @param capability a capability
	 * @param role the side
	 * @param what what it is needed for, for the message
	 * @return the one source of that side that has it
	 * @throws ConfigurationException if none or several have it
	 */
	public static SourceProvider oneProvider(Class<?> capability, Side role, String what) {
		List<SourceProvider> found = BY_TYPE.values()
			.stream()
			.filter((p) -> p.role() == role && capability.isInstance(p))
			.toList();
		if (found.size() != 1) {
			throw new ConfigurationException(
					(found.isEmpty() ? "no " : "several ") + name(role) + " side's sources can " + what
							+ (found.isEmpty() ? ""
									: " (" + String.join(", ", found.stream().map(SourceProvider::type).toList())
											+ "): this command reads one"));
		}
		return found.get(0);
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
		SourceProvider o = provider(oldType, Side.OLD);
		SourceProvider n = provider(newType, Side.NEW);
		return new Sides(o.displayName(), n.displayName(), o.missingDataHint(), n.missingDataHint());
	}

	/**
	 * @param properties the settings
	 * @param role a side
	 * @return calls to that side in flight at once: the smallest of its systems' own
	 * limits, as one pool serves them all and the strictest quota rules (each source also
	 * keeps its own, e.g. a request rate)
	 */
	public static int concurrency(ParityProperties properties, Side role) {
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
	public static void checkWindow(PairMapping pair, QueryWindow window, Instant now) {
		String problem = capability(pair.oldType(), Retained.class).map((r) -> r.windowProblem(pair, window, now))
			.orElse(null);
		if (problem != null) {
			long age = Duration.between(window.start(), now).toDays();
			throw new ConfigurationException("pair '" + pair.id() + "': period " + pair.period().toSeconds()
					+ " s is not available for a window starting " + window.start() + " (" + age + " days ago): "
					+ problem + " (the period rule)");
		}
	}

	/**
	 * @param pair a pair
	 * @param properties the settings
	 * @return the quota its old side's calls count against: its source's, else the type
	 * itself (one quota for the whole system)
	 */
	public static String quotaScope(PairMapping pair, ParityProperties properties) {
		return capability(pair.oldType(), QuotaShared.class).map((q) -> q.quotaScope(pair, properties))
			.orElse(pair.oldType());
	}

	/**
	 * @param type an old side's source type
	 * @param properties the settings
	 * @param share the share of each of its quotas a partition may use
	 * @return the settings with that system's limits scaled (unchanged for a system
	 * without quotas)
	 */
	public static ParityProperties share(String type, ParityProperties properties, double share) {
		return capability(type, QuotaShared.class).map((q) -> q.share(properties, share)).orElse(properties);
	}

	/**
	 * @param type a source type
	 * @param properties the settings
	 * @return its alerts, opened
	 * @throws ConfigurationException if the system has none the validator can read
	 */
	public static AlertSource alerts(String type, ParityProperties properties) {
		return capability(type, AlertReplay.class).orElseThrow(() -> new ConfigurationException(
				provider(type).displayName() + " has no alerts the validator can read (alert pairs read the alerts of: "
						+ String.join(", ",
								withCapability(AlertReplay.class).stream()
									.map((a) -> ((SourceProvider) a).displayName())
									.toList())
						+ ")"))
			.alerts(properties);
	}

	/**
	 * @return every provider, by type
	 */
	public static List<SourceProvider> all() {
		return List.copyOf(BY_TYPE.values());
	}

	/**
	 * @return how each source's block of the mapping file is read
	 */
	public static List<SideReader> readers() {
		return BY_TYPE.values().stream().map(SourceProvider::reader).toList();
	}

	/**
	 * @return a loader of mapping files that reads every source's blocks
	 */
	public static MappingLoader mappingLoader() {
		return new MappingLoader(readers());
	}

	/**
	 * @param binder the settings
	 * @return every source's own settings, each bound under its own prefix
	 */
	public static SourceSettings bindSettings(SettingsBinder binder) {
		SourceSettings all = SourceSettings.NONE;
		for (SourceProvider p : BY_TYPE.values()) {
			all = all.with(p.settings(binder));
		}
		return all;
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
