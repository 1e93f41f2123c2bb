package dev.dualrun.parity.source.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import dev.dualrun.parity.config.Text;

import dev.dualrun.parity.source.Censused;

/**
 * Counts the series of each metric family by job on a Prometheus-compatible API, in
 * bounded slices of family names ({@code count by (__name__, job)
 * ({__name__=~"a|b|..."})} at an instant), so that a large server stays within its query
 * limits.
 */
public final class SeriesCensus {

	private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	/** Family names counted by one query. */
	static final int SLICE = 50;

	private SeriesCensus() {
	}

	/**
	 * @param client the API's client
	 * @param families the families to count, or null for every name the API lists
	 * @param identity labels every counted series must carry
	 * @param at the instant
	 * @return the series of each family by job (a series without a job counts under
	 * {@code ""})
	 */
	public static SortedMap<Censused.Family, Long> count(PrometheusClient client, List<String> families,
			Map<String, String> identity, Instant at) {
		List<String> names = new ArrayList<>();
		if (families != null) {
			names.addAll(families);
		}
		else {
			client.get("api/v1/label/__name__/values", List.of()).forEach((n) -> names.add(n.asString()));
		}
		// a name is matched as a regular expression: only names Prometheus accepts
		names.removeIf((n) -> !METRIC_NAME.matcher(n).matches());
		String matchers = identity.entrySet()
			.stream()
			.map((e) -> "," + e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining());
		SortedMap<Censused.Family, Long> out = new TreeMap<>();
		for (int from = 0; from < names.size(); from += SLICE) {
			String slice = String.join("|", names.subList(from, Math.min(names.size(), from + SLICE)));
			JsonNode data = client.get("api/v1/query",
					List.of(new String[] { "query",
							"count by (__name__, job) ({__name__=~\"" + slice + "\"" + matchers + "})" },
							new String[] { "time", Long.toString(at.getEpochSecond()) }));
			if (!"vector".equals(data.path("resultType").asString(""))) {
				throw new PrometheusQueryException("the count of series at " + client.url() + " answered a "
						+ Text.oneLine(data.path("resultType").asString("nothing"), 40)
						+ ", not a vector: is it a Prometheus-compatible API?", false);
			}
			for (JsonNode r : data.path("result")) {
				JsonNode m = r.path("metric");
				out.put(new Censused.Family(m.path("job").asString(""), m.path("__name__").asString("")),
						Math.round(Double.parseDouble(r.path("value").get(1).asString())));
			}
		}
		return out;
	}

}
