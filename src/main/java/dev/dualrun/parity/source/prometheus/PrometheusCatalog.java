package dev.dualrun.parity.source.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.source.Catalog;
import tools.jackson.databind.JsonNode;

/**
 * Prometheus' catalog through its HTTP API: {@code /api/v1/label/__name__/values},
 * {@code /api/v1/series} and an instant query of a range vector for raw sample times.
 */
final class PrometheusCatalog implements Catalog {

	private final PrometheusClient client;

	PrometheusCatalog(PrometheusClient client) {
		this.client = client;
	}

	@Override
	public List<String> metricNames() {
		List<String> out = new ArrayList<>();
		this.client.get("api/v1/label/__name__/values", List.of()).forEach((n) -> out.add(n.asString()));
		return out;
	}

	@Override
	public List<Map<String, String>> series(String selector, Instant from, Instant to) {
		JsonNode data = this.client.get("api/v1/series",
				List.of(new String[] { "match[]", selector },
						new String[] { "start", String.valueOf(from.getEpochSecond()) },
						new String[] { "end", String.valueOf(to.getEpochSecond()) }));
		List<Map<String, String>> out = new ArrayList<>();
		for (JsonNode s : data) {
			Map<String, String> labels = new LinkedHashMap<>();
			for (String k : s.propertyNames()) {
				labels.put(k, s.get(k).asString());
			}
			out.add(labels);
		}
		return out;
	}

	@Override
	public List<Long> sampleTimes(String selector, Instant at, long rangeSeconds) {
		JsonNode data = this.client.get("api/v1/query",
				List.of(new String[] { "query", selector + "[" + rangeSeconds + "s]" },
						new String[] { "time", String.valueOf(at.getEpochSecond()) }));
		List<Long> out = new ArrayList<>();
		for (JsonNode series : data.path("result")) {
			for (JsonNode v : series.path("values")) {
				out.add(Math.round(v.get(0).asDouble() * 1000));
			}
		}
		return out;
	}

	@Override
	public String location() {
		return this.client.url();
	}

}
