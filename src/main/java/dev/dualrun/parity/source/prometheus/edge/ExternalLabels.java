package dev.dualrun.parity.source.prometheus.edge;

import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.dualrun.parity.source.prometheus.PrometheusClient;
import dev.dualrun.parity.source.prometheus.PrometheusQueryException;

/**
 * The external labels of an edge, which it adds to every sample it sends by remote write
 * or serves on {@code /federate}: {@code global.external_labels} of the configuration it
 * serves on {@code /api/v1/status/config}. An API that does not serve it (an agent behind
 * a proxy, a managed service) has none the validator can read; a pair declares them.
 */
final class ExternalLabels {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private ExternalLabels() {
	}

	/**
	 * @param client the edge's client
	 * @return its external labels, empty if it has none or does not serve its
	 * configuration
	 */
	static Map<String, String> read(PrometheusClient client) {
		try {
			JsonNode data = client.get("api/v1/status/config", java.util.List.of());
			return of(data.path("yaml").asString(""));
		}
		catch (PrometheusQueryException ex) {
			return Map.of();
		}
	}

	/**
	 * @param configYaml a Prometheus configuration file
	 * @return its {@code global.external_labels}
	 */
	static Map<String, String> of(String configYaml) {
		Map<String, String> out = new TreeMap<>();
		if (configYaml.isBlank()) {
			return out;
		}
		JsonNode labels = YAML.readTree(configYaml).path("global").path("external_labels");
		for (String name : labels.propertyNames()) {
			out.put(name, labels.get(name).asString());
		}
		return out;
	}

}
