package dev.dualrun.parity.batch;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.Environment;

import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.SettingsBinder;
import dev.dualrun.parity.source.Sources;

/**
 * The tool's settings bound with Spring Boot's {@link Binder}: {@code parity.*} with the
 * tool's one duration syntax ({@link Durations}: a bare number is seconds, not Spring's
 * milliseconds), and each source's own prefix bound by the source.
 */
public final class SettingsBinding {

	private SettingsBinding() {
	}

	/**
	 * @param environment the application's environment (flags, properties, variables)
	 * @return the settings
	 */
	public static ParityProperties of(Environment environment) {
		return of(binder(environment));
	}

	/**
	 * @param properties settings by name, e.g. {@code parity.prometheus.url}
	 * @return the settings, as the application would bind them
	 */
	public static ParityProperties of(Map<String, String> properties) {
		return of(new Binder(java.util.List.of(new MapConfigurationPropertySource(properties)), null, conversion()));
	}

	private static ParityProperties of(Binder binder) {
		ParityProperties core = binder.bind("parity", ParityProperties.class).orElseGet(ParityProperties::defaults);
		return core.withSources(Sources.bindSettings(new SettingsBinder() {

			@Override
			public <T> Optional<T> bind(String name, Class<T> type) {
				var bound = binder.bind(name, type);
				return bound.isBound() ? Optional.of(bound.get()) : Optional.empty();
			}

		}));
	}

	/**
	 * @param environment the environment
	 * @return a binder of its properties with the tool's one duration syntax
	 */
	static Binder binder(Environment environment) {
		return new Binder(ConfigurationPropertySources.get(environment),
				new PropertySourcesPlaceholdersResolver(environment), conversion());
	}

	private static ApplicationConversionService conversion() {
		ApplicationConversionService conversion = new ApplicationConversionService();
		conversion.addConverter(String.class, Duration.class, Durations::parse);
		return conversion;
	}

}
