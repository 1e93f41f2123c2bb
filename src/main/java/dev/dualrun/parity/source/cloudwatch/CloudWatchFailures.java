package dev.dualrun.parity.source.cloudwatch;

import java.util.Set;

import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.SourceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;

/**
 * What a failed CloudWatch call means: a failure in one line (refused credentials,
 * throttling, an error with its code, an answer that is not CloudWatch's, no answer),
 * whether a retry may help, and whether halving the call may isolate a bad query.
 */
final class CloudWatchFailures {

	/** Error codes of a refused identity: every half would be refused too. */
	private static final Set<String> AUTH_CODES = Set.of("AccessDenied", "AccessDeniedException",
			"UnrecognizedClientException", "InvalidClientTokenId", "SignatureDoesNotMatch", "IncompleteSignature",
			"ExpiredToken", "ExpiredTokenException", "MissingAuthenticationToken", "InvalidSignatureException");

	private CloudWatchFailures() {
	}

	/**
	 * A failure of a CloudWatch call in one line: refused credentials, throttling, a
	 * CloudWatch error with its code, an answer that is not CloudWatch's, or no answer.
	 * @param ex the SDK's exception
	 * @param scope the call and where, e.g. {@code GetMetricData for pair 'x' at region
	 * us-east-1}
	 * @return the failure, retryable where a retry may help
	 */
	static SourceException translate(SdkException ex, String scope) {
		if (ex instanceof CloudWatchException cw) {
			String code = (cw.awsErrorDetails() != null) ? cw.awsErrorDetails().errorCode() : null;
			String message = (cw.awsErrorDetails() != null) ? cw.awsErrorDetails().errorMessage() : cw.getMessage();
			int status = cw.statusCode();
			if (code == null && message == null) {
				var raw = (cw.awsErrorDetails() != null) ? cw.awsErrorDetails().rawResponse() : null;
				String body = (raw != null) ? new String(raw.asByteArray(), java.nio.charset.StandardCharsets.UTF_8)
						: "";
				return new SourceException(
						"CloudWatch answered HTTP " + status + " with a body that is not a CloudWatch error ("
								+ Text.oneLine(body, 120) + "): is the endpoint a CloudWatch API? in " + scope,
						status >= 500, ex);
			}
			String cause = (status == 401 || status == 403) ? "CloudWatch refused the credentials"
					: cw.isThrottlingException() ? "CloudWatch throttled" : "CloudWatch error";
			return new SourceException(cause + " (" + code + ", HTTP " + status + ": " + message + ") in " + scope,
					status >= 500 || cw.isThrottlingException(), ex);
		}
		if (ex instanceof SdkClientException && String.valueOf(ex.getMessage()).startsWith("Unable to unmarshall")) {
			return new SourceException(
					"CloudWatch's answer could not be read (not the protocol of the CloudWatch API: "
							+ Text.oneLine(ex.getMessage(), 200) + "): is the endpoint a CloudWatch API? in " + scope,
					false, ex);
		}
		if (ex instanceof SdkClientException) {
			return new SourceException(
					"CloudWatch not reachable or client failed (" + ex.getMessage() + ") in " + scope, true, ex);
		}
		return new SourceException("CloudWatch failed (" + ex.getMessage() + ") in " + scope, true, ex);
	}

	/**
	 * Refusals of a call for what it asks, not for who asks or how often; and a call not
	 * answered in time, which asks for too much at once.
	 */
	static boolean splittable(SourceException failure) {
		if (timedOut(failure)) {
			return true;
		}
		if (!(failure.getCause() instanceof CloudWatchException cw) || cw.isThrottlingException()) {
			return false;
		}
		int status = cw.statusCode();
		return status >= 500 || (status == 400 && !AUTH_CODES.contains(errorCode(cw)));
	}

	/**
	 * @param failure a failed call
	 * @return whether its last attempt was not answered within the attempt timeout (or
	 * the socket's)
	 */
	static boolean timedOut(SourceException failure) {
		for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
			if (t instanceof ApiCallAttemptTimeoutException || t instanceof ApiCallTimeoutException
					|| t instanceof java.net.SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static String errorCode(CloudWatchException cw) {
		return (cw.awsErrorDetails() != null) ? cw.awsErrorDetails().errorCode() : null;
	}

}
