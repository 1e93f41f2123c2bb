package dev.dualrun.parity.source.prometheus.edge;

import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.SettingsBinder;
import dev.dualrun.parity.source.prometheus.PrometheusSettings;

/**
 * The edge's API ({@code parity.edge.*}): the same settings as any Prometheus-compatible
 * API (URL, basic or bearer auth, headers, SigV4, timeout, retries), and whether the
 * edge's external labels are read from its configuration.
 *
 * @param api the API's settings, under {@code parity.edge}
 * @param readExternalLabels true to read the edge's external labels from
 * {@code /api/v1/status/config} ({@code parity.edge.read-external-labels}, default true)
 */
record EdgeSettings(PrometheusSettings api, boolean readExternalLabels) {

	/** The prefix of these settings. */
	static final String PREFIX = "parity.edge";

	/** The run's AWS profile, which SigV4 signing uses unless the edge names its own. */
	private static final String AWS_PROFILE = "parity.aws.profile";

	/**
	 * @param binder the settings
	 * @return the edge's, bound
	 */
	static EdgeSettings bind(SettingsBinder binder) {
		PrometheusSettings api = binder.bind(PREFIX, PrometheusSettings.class)
			.orElseGet(() -> PrometheusSettings.at(null));
		if (api.sigv4().enabled() && api.sigv4().profile() == null) {
			String profile = binder.bind(AWS_PROFILE, String.class).orElse(null);
			api = new PrometheusSettings(api.url(), api.timeout(), api.username(), api.password(), api.bearerToken(),
					api.headers(), api.maxPointsPerRequest(), api.postThreshold(), api.retry(), api.concurrency(),
					new PrometheusSettings.SigV4(api.sigv4().region(), api.sigv4().service(), profile));
		}
		boolean read = binder.bind(PREFIX + ".read-external-labels", Boolean.class).orElse(true);
		return new EdgeSettings(api, read);
	}

	/**
	 * @param properties the tool's settings
	 * @return the edge's among them
	 */
	static EdgeSettings of(ParityProperties properties) {
		return properties.source(EdgeSettings.class, () -> new EdgeSettings(PrometheusSettings.at(null), true));
	}

}
