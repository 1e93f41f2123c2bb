package dev.dualrun.parity.source.prometheus;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import dev.dualrun.parity.source.aws.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs every request with AWS Signature Version 4, by the AWS SDK's own signer
 * ({@code AwsV4HttpSigner}) and credential chain, for Amazon Managed Service for
 * Prometheus (service {@code aps}) and any other SigV4-protected HTTP API. GET queries
 * and POSTed forms alike: the payload is hashed into the signature. Added after the retry
 * interceptor, so that each attempt is signed anew (a signature is valid 5 minutes).
 * Credentials come from the default chain (environment, system properties, web identity,
 * {@code ~/.aws}, container and instance roles; session tokens included) or a named
 * profile, resolved per request so that temporary credentials are refreshed. A signature
 * or secret is never logged.
 */
public final class SigV4Interceptor implements Interceptor {

	private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

	private final AwsCredentialsProvider credentials;

	private final String region;

	private final String service;

	/** The secret and session token of the credentials last used, never to be shown. */
	private volatile List<String> inUse = List.of();

	/**
	 * @param region the signing region (e.g. {@code us-east-1})
	 * @param service the signing name of the service (e.g. {@code aps})
	 * @param profile a named profile, or null for the default chain
	 */
	public SigV4Interceptor(String region, String service, String profile) {
		this(region, service, AwsCredentials.of(profile, "parity.prometheus.sigv4.profile or --aws-profile"));
	}

	/**
	 * @param region the signing region
	 * @param service the signing name of the service
	 * @param credentials where the credentials come from
	 */
	public SigV4Interceptor(String region, String service, AwsCredentialsProvider credentials) {
		this.region = region;
		this.service = service;
		this.credentials = credentials;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		return chain.proceed(sign(chain.request()));
	}

	Request sign(Request request) throws IOException {
		AwsCredentialsIdentity identity;
		try {
			identity = this.credentials.resolveCredentials();
		}
		catch (SdkClientException ex) {
			throw new SigningException("no AWS credentials to sign the request with SigV4 (" + firstLine(ex) + ")", ex);
		}
		this.inUse = java.util.stream.Stream
			.of(identity.secretAccessKey(),
					(identity instanceof software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity session)
							? session.sessionToken() : null)
			.filter((v) -> v != null && !v.isBlank())
			.toList();
		RequestBody body = request.body();
		byte[] payload = null;
		Request.Builder out = request.newBuilder();
		SdkHttpRequest.Builder sdk = SdkHttpRequest.builder()
			.method(SdkHttpMethod.fromValue(request.method()))
			.uri(request.url().uri());
		for (String name : request.headers().names()) {
			sdk.putHeader(name, request.headers(name));
		}
		if (body != null) {
			Buffer buffer = new Buffer();
			body.writeTo(buffer);
			payload = buffer.readByteArray();
			MediaType type = body.contentType();
			if (type != null && request.header("Content-Type") == null) {
				// signed as sent: OkHttp would add it only after the signature
				sdk.putHeader("Content-Type", type.toString());
				out.header("Content-Type", type.toString());
			}
		}
		byte[] signedPayload = payload;
		SignedRequest signed = this.signer.sign((r) -> r.identity(identity)
			.request(sdk.build())
			.payload((signedPayload != null) ? ContentStreamProvider.fromByteArray(signedPayload) : null)
			.putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, this.service)
			.putProperty(AwsV4HttpSigner.REGION_NAME, this.region));
		for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
			out.removeHeader(header.getKey());
			for (String value : header.getValue()) {
				out.addHeader(header.getKey(), value);
			}
		}
		return out.build();
	}

	/**
	 * @return the secret access key and session token of the credentials last used
	 */
	public List<String> secretsInUse() {
		return this.inUse;
	}

	private static String firstLine(Exception ex) {
		String message = String.valueOf(ex.getMessage());
		int nl = message.indexOf('\n');
		return (nl < 0) ? message : message.substring(0, nl);
	}

	/**
	 * The request could not be signed (no credentials): not worth a retry.
	 */
	public static final class SigningException extends RuntimeException {

		SigningException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
