package dev.dualrun.parity.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4, written from the specification (the AWS General Reference's
 * "Signature Version 4 signing process" and its test suite), not from the SDK's signer,
 * so that a server built on it checks the client's signing independently: canonical
 * request (normalised, twice-encoded path; sorted, strictly encoded query; the signed
 * headers, lower-cased, trimmed and joined; the SHA-256 of the payload), string to sign,
 * the derived signing key and the HMAC. {@link #verify} answers as Amazon Managed Service
 * for Prometheus does: 403 with the error type and message AWS gives.
 */
public final class SigV4Verifier {

	/** The only algorithm of Signature Version 4 with HMAC. */
	public static final String ALGORITHM = "AWS4-HMAC-SHA256";

	/** AWS refuses a request signed further from its own clock than this. */
	static final Duration MAX_SKEW = Duration.ofMinutes(5);

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final Map<String, String> secrets;

	private final Map<String, String> sessionTokens;

	private final String region;

	private final String service;

	private final Clock clock;

	/**
	 * @param secrets secret access key by access key id
	 * @param sessionTokens the session token each temporary access key must send
	 * ({@code X-Amz-Security-Token}); keys not listed are long-term keys
	 * @param region the region requests must be scoped to
	 * @param service the service requests must be scoped to (e.g. {@code aps})
	 * @param clock the server's clock, for the 5-minute skew rule
	 */
	public SigV4Verifier(Map<String, String> secrets, Map<String, String> sessionTokens, String region, String service,
			Clock clock) {
		this.secrets = Map.copyOf(secrets);
		this.sessionTokens = Map.copyOf(sessionTokens);
		this.region = region;
		this.service = service;
		this.clock = clock;
	}

	/**
	 * A request as it reached the server.
	 *
	 * @param method the HTTP method
	 * @param rawPath the path as sent (percent-encoded)
	 * @param rawQuery the query as sent (percent-encoded), or empty
	 * @param headers every header, in order, names as sent
	 * @param body the payload
	 */
	public record Request(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
			byte[] body) {

		/**
		 * @param name a header name, any case
		 * @return its values, in order
		 */
		List<String> values(String name) {
			return this.headers.stream()
				.filter((h) -> h.getKey().equalsIgnoreCase(name))
				.map(Map.Entry::getValue)
				.toList();
		}

		String first(String name) {
			List<String> v = values(name);
			return v.isEmpty() ? null : v.get(0);
		}

	}

	/**
	 * What the server answers.
	 *
	 * @param accepted true if the signature is valid
	 * @param errorType the AWS error type of a refusal (the {@code x-amzn-ErrorType}
	 * header)
	 * @param message AWS's message of a refusal
	 */
	public record Outcome(boolean accepted, String errorType, String message) {

		static Outcome refused(String type, String message) {
			return new Outcome(false, type, message);
		}

	}

	/**
	 * @param request the request as received
	 * @return whether it is signed by a known key for this region and service
	 */
	public Outcome verify(Request request) {
		String authorization = request.first("Authorization");
		if (authorization == null || !authorization.startsWith(ALGORITHM + " ")) {
			return Outcome.refused("MissingAuthenticationTokenException", "Missing Authentication Token");
		}
		Map<String, String> parts = parameters(authorization);
		String credential = parts.get("Credential");
		String signedHeaders = parts.get("SignedHeaders");
		String signature = parts.get("Signature");
		String[] scope = (credential != null) ? credential.split("/") : new String[0];
		if (signedHeaders == null || signature == null || scope.length != 5 || !"aws4_request".equals(scope[4])) {
			return Outcome.refused("IncompleteSignatureException",
					"Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.");
		}
		String secret = this.secrets.get(scope[0]);
		String amzDate = request.first("X-Amz-Date");
		Outcome refused = scopeRefused(secret, scope);
		if (refused == null) {
			refused = dateRefused(amzDate, scope[1]);
		}
		if (refused != null) {
			return refused;
		}
		List<String> signed = List.of(signedHeaders.split(";"));
		if (!signed.contains("host")) {
			return Outcome.refused("InvalidSignatureException",
					"'Host' must be a 'SignedHeader' in the AWS Authorization.");
		}
		String token = this.sessionTokens.get(scope[0]);
		if (token != null && !token.equals(request.first("X-Amz-Security-Token"))) {
			return Outcome.refused("UnrecognizedClientException",
					"The security token included in the request is invalid.");
		}
		String payloadHash = hex(sha256(request.body()));
		String declared = request.first("X-Amz-Content-Sha256");
		if (declared != null && !declared.equalsIgnoreCase(payloadHash)) {
			return Outcome.refused("InvalidSignatureException",
					"The provided 'x-amz-content-sha256' header does not match what was computed.");
		}
		String expected = signature(secret, scope[1], scope[2], scope[3],
				stringToSign(amzDate, String.join("/", scope[1], scope[2], scope[3], scope[4]),
						canonicalRequest(request, signed, payloadHash)));
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII))) {
			return Outcome.refused("InvalidSignatureException",
					"The request signature we calculated does not match the signature you provided. Check your AWS "
							+ "Secret Access Key and signing method. Consult the service documentation for details.");
		}
		return new Outcome(true, null, null);
	}

	/** The {@code name=value} parameters of an Authorization header. */
	private static Map<String, String> parameters(String authorization) {
		Map<String, String> parts = new java.util.HashMap<>();
		for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
			int eq = part.indexOf('=');
			if (eq > 0) {
				parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
			}
		}
		return parts;
	}

	/**
	 * @param secret the secret of the scope's key, null for an unknown key
	 * @param scope key, date, region, service, {@code aws4_request}
	 * @return the refusal of a credential of an unknown key or of another region or
	 * service, or null
	 */
	private Outcome scopeRefused(String secret, String[] scope) {
		if (secret == null) {
			return Outcome.refused("UnrecognizedClientException",
					"The security token included in the request is invalid.");
		}
		if (!this.region.equals(scope[2])) {
			return Outcome.refused("InvalidSignatureException",
					"Credential should be scoped to a valid region, not '" + scope[2] + "'.");
		}
		if (!this.service.equals(scope[3])) {
			return Outcome.refused("InvalidSignatureException",
					"Credential should be scoped to correct service: '" + this.service + "'.");
		}
		return null;
	}

	/**
	 * @param amzDate the {@code X-Amz-Date} header, or null
	 * @param scopeDate the credential scope's date
	 * @return the refusal of a date missing, not the scope's, or too far from now; or
	 * null
	 */
	private Outcome dateRefused(String amzDate, String scopeDate) {
		Instant signedAt;
		try {
			signedAt = Instant.from(AMZ_DATE.parse((amzDate != null) ? amzDate : ""));
		}
		catch (DateTimeParseException ex) {
			return Outcome.refused("IncompleteSignatureException",
					"X-Amz-Date header missing or not in ISO 8601 basic format.");
		}
		if (!amzDate.startsWith(scopeDate)) {
			return Outcome.refused("InvalidSignatureException",
					"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.");
		}
		Instant now = this.clock.instant();
		if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
			return Outcome.refused("InvalidSignatureException",
					"Signature expired: " + amzDate + " is now earlier than " + AMZ_DATE.format(now.minus(MAX_SKEW))
							+ " (" + AMZ_DATE.format(now) + " - 5 min.)");
		}
		return null;
	}

	/**
	 * Task 1 of the specification.
	 * @param request the request
	 * @param signedHeaders the signed header names, lower case, sorted
	 * @param payloadHash hex SHA-256 of the payload
	 * @return the canonical request
	 */
	static String canonicalRequest(Request request, List<String> signedHeaders, String payloadHash) {
		StringBuilder headers = new StringBuilder();
		for (String name : signedHeaders) {
			headers.append(name)
				.append(':')
				.append(request.values(name)
					.stream()
					.map((v) -> v.strip().replaceAll("\\s+", " "))
					.collect(Collectors.joining(",")))
				.append('\n');
		}
		return request.method() + "\n" + canonicalUri(request.rawPath()) + "\n" + canonicalQuery(request.rawQuery())
				+ "\n" + headers + "\n" + String.join(";", signedHeaders) + "\n" + payloadHash;
	}

	/**
	 * The path with dot segments removed and empty segments collapsed (RFC 3986 section
	 * 5.2.4, as the test suite's normalisation cases want), each segment encoded once
	 * more: services other than S3 sign the already encoded path encoded again.
	 * @param rawPath the path as sent
	 * @return the canonical URI
	 */
	static String canonicalUri(String rawPath) {
		String path = (rawPath == null || rawPath.isEmpty()) ? "/" : rawPath;
		Deque<String> kept = new ArrayDeque<>();
		for (String segment : path.split("/")) {
			if (segment.isEmpty() || segment.equals(".")) {
				continue;
			}
			if (segment.equals("..")) {
				kept.pollLast();
			}
			else {
				kept.addLast(encode(segment));
			}
		}
		String out = "/" + String.join("/", kept);
		return (path.endsWith("/") && !kept.isEmpty()) ? out + "/" : out;
	}

	/**
	 * Each name and value percent-decoded, then encoded strictly (only unreserved
	 * characters stay), sorted by name and then value, {@code name=value} joined by
	 * {@code &}; a name without {@code =} has an empty value.
	 * @param rawQuery the query as sent
	 * @return the canonical query string
	 */
	static String canonicalQuery(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return "";
		}
		List<String[]> params = new ArrayList<>();
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = (eq < 0) ? pair : pair.substring(0, eq);
			String value = (eq < 0) ? "" : pair.substring(eq + 1);
			params.add(new String[] { encode(decode(name)), encode(decode(value)) });
		}
		params.sort((a, b) -> (a[0].equals(b[0])) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
		return params.stream().map((p) -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
	}

	/**
	 * Task 2.
	 * @param amzDate the request's {@code X-Amz-Date}
	 * @param scope date/region/service/aws4_request
	 * @param canonicalRequest the canonical request
	 * @return the string to sign
	 */
	static String stringToSign(String amzDate, String scope, String canonicalRequest) {
		return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
				+ hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Tasks 3 and 4: the signing key derived from the secret by HMAC over date, region,
	 * service and {@code aws4_request}, then the HMAC of the string to sign.
	 * @param secret the secret access key
	 * @param date YYYYMMDD
	 * @param region the region
	 * @param service the service
	 * @param stringToSign the string to sign
	 * @return the hex signature
	 */
	static String signature(String secret, String date, String region, String service, String stringToSign) {
		byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
		key = hmac(key, region);
		key = hmac(key, service);
		key = hmac(key, "aws4_request");
		return hex(hmac(key, stringToSign));
	}

	/**
	 * Signs a request by the specification (for tests of the server and of the
	 * specification itself; the validator signs with the SDK's signer).
	 * @param request the request, with its {@code X-Amz-Date} header
	 * @param accessKey the access key id
	 * @param secret the secret access key
	 * @param region the region
	 * @param service the service
	 * @return the {@code Authorization} header, every header of the request signed
	 */
	static String authorization(Request request, String accessKey, String secret, String region, String service) {
		return authorization(request,
				request.headers().stream().map((h) -> h.getKey().toLowerCase(Locale.ROOT)).distinct().sorted().toList(),
				accessKey, secret, region, service);
	}

	/**
	 * @param request the request, with its {@code X-Amz-Date} header
	 * @param signed the headers to sign, lower case, sorted
	 * @param accessKey the access key id
	 * @param secret the secret access key
	 * @param region the region
	 * @param service the service
	 * @return the {@code Authorization} header
	 */
	static String authorization(Request request, List<String> signed, String accessKey, String secret, String region,
			String service) {
		String amzDate = request.first("X-Amz-Date");
		String date = amzDate.substring(0, 8);
		String scope = date + "/" + region + "/" + service + "/aws4_request";
		String sts = stringToSign(amzDate, scope, canonicalRequest(request, signed, hex(sha256(request.body()))));
		return ALGORITHM + " Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + String.join(";", signed)
				+ ", Signature=" + signature(secret, date, region, service, sts);
	}

	private static String encode(String s) {
		StringBuilder out = new StringBuilder();
		for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.' || c == '~') {
				out.append(c);
			}
			else {
				out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
			}
		}
		return out.toString();
	}

	/** Percent-decoding only: a {@code +} stays a plus sign. */
	private static String decode(String s) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
				out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
				i += 2;
			}
			else {
				out.write(bytes[i]);
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	private static boolean isHex(byte b) {
		return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
	}

	static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] hmac(byte[] key, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
