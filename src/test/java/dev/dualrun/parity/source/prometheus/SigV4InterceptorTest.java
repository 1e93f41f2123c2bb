package dev.dualrun.parity.source.prometheus;

import java.io.IOException;
import java.time.Clock;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.demo.SigV4Verifier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Buffer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SDK's signer, as the interceptor applies it to OkHttp requests, checked by the
 * verifier written from the specification: GET queries with every character PromQL uses,
 * POSTed forms, session tokens; a wrong secret is refused.
 */
class SigV4InterceptorTest {

	private static final HttpUrl WORKSPACE = HttpUrl
		.parse("https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-1234/api/v1/query_range");

	private static final String QUERY = "sum by (path, method) (increase(http_requests_total{path=~\"/api/.*\","
			+ "code!=\"500\"}[5m])) / 60 + 1 * avg_over_time(x[1m:30s]) # ü&=%";

	@Test
	void getAndPostFormQueriesSignedByTheSdkPassTheSpecificationsVerifier() throws IOException {
		SigV4Interceptor signer = new SigV4Interceptor("eu-west-1", "aps",
				StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "s3cr3t")));
		SigV4Verifier verifier = new SigV4Verifier(Map.of("AKIDTEST", "s3cr3t"), Map.of(), "eu-west-1", "aps",
				Clock.systemUTC());
		Request get = new Request.Builder()
			.url(WORKSPACE.newBuilder()
				.addQueryParameter("query", QUERY)
				.addQueryParameter("start", "1700000000")
				.addQueryParameter("end", "1700003600")
				.addQueryParameter("step", "60")
				.build())
			.header("Accept", "application/json")
			.build();
		Request post = new Request.Builder().url(WORKSPACE)
			.post(new FormBody.Builder().add("query", QUERY).add("start", "1700000000").add("step", "60").build())
			.build();
		for (Request request : List.of(get, post)) {
			Request signed = signer.sign(request);
			assertThat(signed.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
				.contains("/eu-west-1/aps/aws4_request");
			assertThat(verifier.verify(received(signed)).accepted()).as(request.method()).isTrue();
			SigV4Verifier wrongSecret = new SigV4Verifier(Map.of("AKIDTEST", "other"), Map.of(), "eu-west-1", "aps",
					Clock.systemUTC());
			assertThat(wrongSecret.verify(received(signed)).errorType()).isEqualTo("InvalidSignatureException");
		}
		assertThat(signer.secretsInUse()).containsExactly("s3cr3t");
	}

	@Test
	void aSessionTokenIsSentAndSigned() throws IOException {
		SigV4Interceptor signer = new SigV4Interceptor("us-east-1", "aps",
				StaticCredentialsProvider.create(AwsSessionCredentials.create("ASIATEST", "s3cr3t", "token-1")));
		Request signed = signer
			.sign(new Request.Builder().url(WORKSPACE.newBuilder().query("query=up").build()).build());
		assertThat(signed.header("X-Amz-Security-Token")).isEqualTo("token-1");
		assertThat(signed.header("Authorization")).contains("x-amz-security-token");
		SigV4Verifier verifier = new SigV4Verifier(Map.of("ASIATEST", "s3cr3t"), Map.of("ASIATEST", "token-1"),
				"us-east-1", "aps", Clock.systemUTC());
		assertThat(verifier.verify(received(signed)).accepted()).isTrue();
		assertThat(signer.secretsInUse()).containsExactly("s3cr3t", "token-1");
	}

	@Test
	void aNamedProfileOfTheSharedCredentialsFileSigns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws IOException {
		java.nio.file.Path file = dir.resolve("credentials");
		java.nio.file.Files.writeString(file, "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = d\n"
				+ "[amp]\naws_access_key_id = AKIDAMP\naws_secret_access_key = amp-secret\n");
		String before = System.getProperty("aws.sharedCredentialsFile");
		System.setProperty("aws.sharedCredentialsFile", file.toString());
		try {
			SigV4Interceptor signer = new SigV4Interceptor("eu-west-1", "aps", "amp");
			Request signed = signer
				.sign(new Request.Builder().url(WORKSPACE.newBuilder().query("query=up").build()).build());
			assertThat(signed.header("Authorization")).contains("Credential=AKIDAMP/");
			SigV4Verifier verifier = new SigV4Verifier(Map.of("AKIDAMP", "amp-secret"), Map.of(), "eu-west-1", "aps",
					Clock.systemUTC());
			assertThat(verifier.verify(received(signed)).accepted()).isTrue();
		}
		finally {
			if (before == null) {
				System.clearProperty("aws.sharedCredentialsFile");
			}
			else {
				System.setProperty("aws.sharedCredentialsFile", before);
			}
		}
	}

	@Test
	void noCredentialsIsOneClearFailureNotARetry() {
		SigV4Interceptor signer = new SigV4Interceptor("us-east-1", "aps", () -> {
			throw software.amazon.awssdk.core.exception.SdkClientException.create("Unable to load credentials\nmore");
		});
		assertThatThrownBy(() -> signer.sign(new Request.Builder().url(WORKSPACE).build()))
			.isInstanceOf(SigV4Interceptor.SigningException.class)
			.hasMessage("no AWS credentials to sign the request with SigV4 (Unable to load credentials)");
	}

	/** The request as the server receives it: the Host header OkHttp sends included. */
	private static SigV4Verifier.Request received(Request signed) throws IOException {
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		if (signed.header("Host") == null) {
			headers.add(new AbstractMap.SimpleEntry<>("Host", signed.url().host()));
		}
		signed.headers().forEach((h) -> headers.add(new AbstractMap.SimpleEntry<>(h.getFirst(), h.getSecond())));
		byte[] body = new byte[0];
		if (signed.body() != null) {
			Buffer buffer = new Buffer();
			signed.body().writeTo(buffer);
			body = buffer.readByteArray();
			if (signed.header("Content-Type") == null) {
				headers.add(new AbstractMap.SimpleEntry<>("Content-Type", signed.body().contentType().toString()));
			}
		}
		return new SigV4Verifier.Request(signed.method(), signed.url().encodedPath(),
				(signed.url().encodedQuery() != null) ? signed.url().encodedQuery() : "", headers, body);
	}

}
