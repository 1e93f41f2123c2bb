package dev.dualrun.parity.source.prometheus;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the JSON of {@code /api/v1/query_range}. Keeps every (timestamp, value) pair as
 * received: steps with no result are absent, never inferred from position.
 */
final class PrometheusResponseParser {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	/**
	 * @param body the response body
	 * @return the matrix and warnings
	 * @throws PrometheusApiException if the body is not a successful matrix answer
	 */
	RangeResponse parseRange(InputStream body) {
		JsonNode root = read(body);
		checkStatus(root);
		JsonNode data = root.path("data");
		String type = data.path("resultType").asString("");
		if (!"matrix".equals(type)) {
			throw new PrometheusApiException("expected resultType 'matrix', got '" + type + "'", false);
		}
		List<RangeResponse.Series> series = new ArrayList<>();
		for (JsonNode s : data.path("result")) {
			Map<String, String> labels = new LinkedHashMap<>();
			s.path("metric").properties().forEach((e) -> labels.put(e.getKey(), e.getValue().asString()));
			JsonNode values = s.path("values");
			long[] ts = new long[values.size()];
			double[] vs = new double[values.size()];
			for (int i = 0; i < values.size(); i++) {
				JsonNode point = values.get(i);
				ts[i] = Math.round(point.get(0).asDouble() * 1000.0);
				vs[i] = parseValue(point.get(1).asString());
			}
			series.add(new RangeResponse.Series(labels, ts, vs));
		}
		List<String> warnings = new ArrayList<>();
		root.path("warnings").forEach((w) -> warnings.add(w.asString()));
		root.path("infos").forEach((w) -> warnings.add(w.asString()));
		return new RangeResponse(series, warnings);
	}

	/**
	 * @param body the body of {@code /api/v1/status/buildinfo}
	 * @return the version, e.g. {@code 2.42.0}
	 */
	String parseVersion(InputStream body) {
		JsonNode root = read(body);
		checkStatus(root);
		return root.path("data").path("version").asString("unknown");
	}

	/**
	 * @param body an error body
	 * @return {@code errorType: error} if the body is a Prometheus error object, else
	 * null
	 */
	String errorText(byte[] body) {
		try {
			JsonNode root = this.mapper.readTree(body);
			if (root.has("error")) {
				return root.path("errorType").asString("error") + ": " + root.path("error").asString();
			}
		}
		catch (JacksonException ex) {
			// not JSON: the caller reports the HTTP status and the start of the body
		}
		return null;
	}

	static double parseValue(String text) {
		return switch (text) {
			case "NaN" -> Double.NaN;
			case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(text);
		};
	}

	private JsonNode read(InputStream body) {
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new PrometheusApiException("response is not valid JSON (" + ex.getOriginalMessage() + ")", false);
		}
	}

	private void checkStatus(JsonNode root) {
		String status = root.path("status").asString("");
		if ("error".equals(status)) {
			throw new PrometheusApiException(
					root.path("errorType").asString("error") + ": " + root.path("error").asString(), false);
		}
		if (!"success".equals(status)) {
			throw new PrometheusApiException("response has no status 'success' (got '" + status + "')", false);
		}
	}

}
