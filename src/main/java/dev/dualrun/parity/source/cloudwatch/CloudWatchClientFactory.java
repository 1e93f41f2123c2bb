package dev.dualrun.parity.source.cloudwatch;

import java.net.URI;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.ParityProperties;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;

/**
 * Builds the SDK client the standard AWS ways: region from the setting or the default
 * chain ({@code AWS_REGION}, profile), credentials from a named profile or the default
 * chain, and the endpoint from the setting or the SDK's own
 * {@code AWS_ENDPOINT_URL_CLOUDWATCH}.
 */
public final class CloudWatchClientFactory {

	private CloudWatchClientFactory() {
	}

	/**
	 * @param settings the CloudWatch settings
	 * @return a client; close it when the run ends
	 * @throws ConfigurationException if no region can be found or the endpoint is not a
	 * URI
	 */
	public static CloudWatchClient create(ParityProperties.CloudWatch settings) {
		CloudWatchClientBuilder builder = CloudWatchClient.builder()
			.region(region(settings))
			.credentialsProvider(credentials(settings));
		if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
			try {
				builder.endpointOverride(URI.create(settings.endpoint()));
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigurationException(
						"CloudWatch endpoint '" + settings.endpoint() + "' is not a URI: " + ex.getMessage());
			}
		}
		return builder.build();
	}

	private static Region region(ParityProperties.CloudWatch settings) {
		if (settings.region() != null && !settings.region().isBlank()) {
			return Region.of(settings.region());
		}
		try {
			return new DefaultAwsRegionProviderChain().getRegion();
		}
		catch (SdkClientException ex) {
			throw new ConfigurationException(
					"no AWS region for CloudWatch: set AWS_REGION, a profile region, or --cloudwatch-region");
		}
	}

	private static AwsCredentialsProvider credentials(ParityProperties.CloudWatch settings) {
		if (settings.profile() != null && !settings.profile().isBlank()) {
			return ProfileCredentialsProvider.builder().profileName(settings.profile()).build();
		}
		return DefaultCredentialsProvider.builder().build();
	}

}
