package dev.dualrun.parity.demo;

/**
 * An error answered in CloudWatch's shape: HTTP status, {@code x-amzn-query-error:
 * <code>;Sender|Receiver} and a CBOR body {@code {"__type":
 * "com.amazonaws.cloudwatch#<shape>", "message": ...}}.
 */
final class CloudWatchError extends RuntimeException {

	final int status;

	final String queryCode;

	final String shape;

	CloudWatchError(int status, String queryCode, String shape, String message) {
		super(message);
		this.status = status;
		this.queryCode = queryCode;
		this.shape = shape;
	}

	static CloudWatchError invalidParameter(String message) {
		return new CloudWatchError(400, "InvalidParameterValue", "InvalidParameterValueException", message);
	}

	static CloudWatchError missingParameter(String message) {
		return new CloudWatchError(400, "MissingParameter", "MissingRequiredParameterException", message);
	}

	static CloudWatchError throttling() {
		return new CloudWatchError(400, "Throttling", "ThrottlingException", "Rate exceeded");
	}

	static CloudWatchError internal() {
		return new CloudWatchError(500, "InternalServiceError", "InternalServiceFault",
				"Internal service error (injected fault)");
	}

	boolean isSender() {
		return this.status < 500;
	}

}
