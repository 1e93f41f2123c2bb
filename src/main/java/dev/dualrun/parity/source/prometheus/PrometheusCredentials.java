package dev.dualrun.parity.source.prometheus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.Text;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * How the requests to Prometheus authenticate: basic auth (also from credentials in the
 * URL), a bearer token, headers, or a SigV4 signature, never two Authorizations; and the
 * secrets that no message shows.
 */
final class PrometheusCredentials {

	/** The URL without credentials. */
	private final HttpUrl base;

	/** The settings, basic auth taken from the URL where the settings have none. */
	private final PrometheusSettings settings;

	/** Values never shown: passwords and tokens, from the settings or the URL. */
	private final List<String> secrets;

	/** Signs each request with SigV4, or null. */
	private final SigV4Interceptor signer;

	/**
	 * @param settings the API's settings; credentials in the URL
	 * ({@code http://user:secret@host}) become basic auth
	 * @throws ConfigurationException if the URL is not one, or SigV4 is set with another
	 * Authorization
	 */
	PrometheusCredentials(PrometheusSettings settings) {
		HttpUrl url = HttpUrl.parse(settings.url());
		if (url == null) {
			throw new ConfigurationException(
					"Prometheus URL '" + settings.url().replaceAll("//[^/@]*@", "//***@") + "' is not an http(s) URL");
		}
		String user = settings.username();
		String password = settings.password();
		if (user == null && !url.username().isEmpty()) {
			user = url.username();
			password = url.password();
		}
		this.base = url.newBuilder().username("").password("").build();
		this.settings = settings.withBasicAuth(this.base.toString(), user, password);
		if (settings.sigv4().enabled() && (user != null || settings.bearerToken() != null
				|| settings.headers().keySet().stream().anyMatch("Authorization"::equalsIgnoreCase))) {
			throw new ConfigurationException("parity.prometheus.sigv4.region is set and so is "
					+ ((settings.bearerToken() != null) ? "a bearer token"
							: (user != null) ? "basic auth" : "an Authorization header")
					+ ": a request carries one Authorization, use one of them");
		}
		this.secrets = secrets(settings, url, user, password);
		this.signer = settings.sigv4().enabled() ? new SigV4Interceptor(settings.sigv4().region(),
				settings.sigv4().service(), settings.sigv4().profile()) : null;
	}

	private static List<String> secrets(PrometheusSettings settings, HttpUrl url, String user, String password) {
		List<String> hidden = new ArrayList<>();
		hidden.add(password);
		hidden.add(settings.bearerToken());
		hidden.add(url.password());
		settings.headers().forEach((k, v) -> {
			if (k.equalsIgnoreCase("Authorization") || k.toLowerCase(Locale.ROOT).contains("token")
					|| k.toLowerCase(Locale.ROOT).contains("key")) {
				hidden.add(v);
			}
		});
		if (user != null) {
			hidden.add(Credentials.basic(user, (password != null) ? password : "").substring("Basic ".length()));
		}
		return hidden.stream().filter((v) -> v != null && !v.isBlank()).toList();
	}

	/**
	 * @return the URL without credentials
	 */
	HttpUrl base() {
		return this.base;
	}

	/**
	 * @return the settings with the basic auth in use
	 */
	PrometheusSettings settings() {
		return this.settings;
	}

	/**
	 * @return the SigV4 signer, or null
	 */
	SigV4Interceptor signer() {
		return this.signer;
	}

	/**
	 * @param request a request
	 * @return it with its Authorization (unless signed later), headers and Accept
	 */
	Request.Builder authorized(Request.Builder request) {
		if (this.settings.bearerToken() != null) {
			request.header("Authorization", "Bearer " + this.settings.bearerToken());
		}
		else if (this.settings.username() != null) {
			request.header("Authorization", Credentials.basic(this.settings.username(),
					(this.settings.password() != null) ? this.settings.password() : ""));
		}
		this.settings.headers().forEach(request::header);
		return request.header("Accept", "application/json");
	}

	/**
	 * @param text a message
	 * @return it without any secret, signature or session token
	 */
	String redact(String text) {
		String redacted = Text.redact(text, this.secrets);
		if (this.signer != null) {
			// an error body may echo the request: no signature or session token shown
			redacted = Text.redact(redacted, this.signer.secretsInUse())
				.replaceAll("(?i)(Signature=)[0-9a-f]{16,}", "$1***");
		}
		return redacted;
	}

}
