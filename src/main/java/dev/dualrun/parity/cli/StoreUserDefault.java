package dev.dualrun.parity.cli;

import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The store's user when none is given: {@code sa} for the embedded H2 (its own default),
 * and for a team's database the user of this process, as {@code psql} and the PostgreSQL
 * driver take it. A user in the JDBC URL ({@code ?user=parity}) wins over either.
 */
final class StoreUserDefault implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	static final String USER = "parity.datasource.username";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		apply(event.getEnvironment());
	}

	/**
	 * Adds the default user to an environment that names none.
	 * @param environment the environment, its flags and files already in it
	 */
	static void apply(ConfigurableEnvironment environment) {
		if (environment.containsProperty(USER)) {
			return;
		}
		String url = environment.getProperty("spring.datasource.url", "");
		String user = url.startsWith("jdbc:h2:") ? "sa" : System.getProperty("user.name", "");
		environment.getPropertySources().addLast(new MapPropertySource("parity-store-user", Map.of(USER, user)));
	}

}
