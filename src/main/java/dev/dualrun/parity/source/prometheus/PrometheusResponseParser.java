package dev.dualrun.parity.source.prometheus;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the JSON of {@code /api/v1/query_range}. Keeps every (timestamp, value) pair as
 * received: steps with no result are absent, never inferred from position.
 */
final class PrometheusResponseParser {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	/** Series read with their values; one is meant, the others only prove the mistake. */
	static final int KEEP_VALUES = 2;

	/** Label sets kept of a query that returned several series (for the diagnosis). */
	static final int KEEP_LABELS = 20;

	/**
	 * Reads the answer as a stream: the values of the first {@link #KEEP_VALUES} series,
	 * the labels of the first {@link #KEEP_LABELS}, and only the count of the rest, so an
	 * answer of millions of series (a query without {@code sum by}) costs no memory.
	 * @param body the response body
	 * @return the matrix and warnings
	 * @throws PrometheusApiException if the body is not a successful matrix answer
	 */
	RangeResponse parseRange(InputStream body) {
		try (JsonParser p = this.mapper.createParser(body)) {
			if (p.nextToken() != JsonToken.START_OBJECT) {
				throw new PrometheusApiException("response is not a JSON object", false);
			}
			String status = null;
			String errorType = null;
			String error = null;
			Matrix matrix = new Matrix();
			List<String> warnings = new ArrayList<>();
			while (p.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = p.currentName();
				JsonToken value = p.nextToken();
				switch (name) {
					case "status" -> status = p.getValueAsString();
					case "errorType" -> errorType = p.getValueAsString();
					case "error" -> error = p.getValueAsString();
					case "warnings", "infos" -> strings(p, value, warnings);
					case "data" -> data(p, value, matrix);
					default -> p.skipChildren();
				}
			}
			if ("error".equals(status)) {
				throw new PrometheusApiException(((errorType != null) ? errorType : "error") + ": " + error, false);
			}
			if (!"success".equals(status)) {
				throw new PrometheusApiException(
						"response has no status 'success' (got '" + ((status != null) ? status : "") + "')", false);
			}
			if (!"matrix".equals(matrix.type)) {
				throw new PrometheusApiException(
						"expected resultType 'matrix', got '" + ((matrix.type != null) ? matrix.type : "") + "'",
						false);
			}
			return new RangeResponse(matrix.series, warnings, matrix.count);
		}
		catch (JacksonException ex) {
			throw new PrometheusApiException("response is not valid JSON (" + ex.getOriginalMessage() + ")", false);
		}
	}

	/**
	 * What a range answer's {@code data} holds: its type, the series kept, and their
	 * count.
	 */
	private static final class Matrix {

		private String type;

		private final List<RangeResponse.Series> series = new ArrayList<>();

		private int count;

	}

	/**
	 * Reads {@code data}, the parser on its value: {@code resultType} and the series of
	 * {@code result}.
	 */
	private static void data(JsonParser p, JsonToken value, Matrix matrix) {
		if (value != JsonToken.START_OBJECT) {
			p.skipChildren();
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = p.currentName();
			JsonToken v = p.nextToken();
			if ("resultType".equals(field)) {
				matrix.type = p.getValueAsString();
			}
			else if ("result".equals(field) && v == JsonToken.START_ARRAY) {
				while (p.nextToken() == JsonToken.START_OBJECT) {
					RangeResponse.Series s = series(p, matrix.count < KEEP_LABELS, matrix.count < KEEP_VALUES);
					if (s != null) {
						matrix.series.add(s);
					}
					matrix.count++;
				}
			}
			else {
				p.skipChildren();
			}
		}
	}

	/**
	 * One {@code {"metric": {...}, "values": [[t, "v"], ...]}} object, the parser on its
	 * start.
	 * @return the series, null if neither labels nor values are kept; values empty if
	 * only the labels are
	 */
	private static RangeResponse.Series series(JsonParser p, boolean labelsToo, boolean valuesToo) {
		Map<String, String> labels = new LinkedHashMap<>();
		long[] ts = new long[0];
		double[] vs = new double[0];
		int n = 0;
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = p.currentName();
			JsonToken v = p.nextToken();
			if ("metric".equals(field) && v == JsonToken.START_OBJECT && labelsToo) {
				while (p.nextToken() == JsonToken.PROPERTY_NAME) {
					String key = p.currentName();
					p.nextToken();
					labels.put(key, p.getValueAsString());
				}
			}
			else if ("values".equals(field) && v == JsonToken.START_ARRAY && valuesToo) {
				ts = new long[64];
				vs = new double[64];
				while (p.nextToken() == JsonToken.START_ARRAY) {
					p.nextToken();
					double t = p.getValueAsDouble();
					p.nextToken();
					String text = p.getValueAsString();
					while (p.nextToken() != JsonToken.END_ARRAY) {
						p.skipChildren();
					}
					if (n == ts.length) {
						ts = java.util.Arrays.copyOf(ts, n * 2);
						vs = java.util.Arrays.copyOf(vs, n * 2);
					}
					ts[n] = Math.round(t * 1000.0);
					vs[n] = parseValue(text);
					n++;
				}
			}
			else {
				p.skipChildren();
			}
		}
		if (!labelsToo && !valuesToo) {
			return null;
		}
		return new RangeResponse.Series(labels, java.util.Arrays.copyOf(ts, n), java.util.Arrays.copyOf(vs, n));
	}

	private static void strings(JsonParser p, JsonToken value, List<String> into) {
		if (value != JsonToken.START_ARRAY) {
			p.skipChildren();
			return;
		}
		while (p.nextToken() != JsonToken.END_ARRAY) {
			into.add(p.getValueAsString());
		}
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

	/**
	 * @param body an answer of the HTTP API
	 * @return its {@code data}
	 * @throws PrometheusApiException if it is not a successful answer
	 */
	JsonNode data(InputStream body) {
		JsonNode root = read(body);
		checkStatus(root);
		return root.path("data");
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
