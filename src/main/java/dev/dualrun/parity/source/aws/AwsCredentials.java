package dev.dualrun.parity.source.aws;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.Text;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Where the sources that call AWS (CloudWatch, the SigV4 signing of Amazon Managed
 * Prometheus) take their credentials from: a named profile, checked before the first call
 * so that a misspelt {@code --aws-profile} is one line and exit 2 rather than an error on
 * every pair, or the SDK's default chain.
 */
public final class AwsCredentials {

	private AwsCredentials() {
	}

	/**
	 * @param profile a named profile, or null or blank for the default chain
	 * @param setting the setting or flag that named it, for the message
	 * @return the credentials' provider
	 * @throws ConfigurationException if no AWS config or credentials file has the profile
	 */
	public static AwsCredentialsProvider of(String profile, String setting) {
		if (profile == null || profile.isBlank()) {
			return DefaultCredentialsProvider.builder().build();
		}
		if (ProfileFile.defaultProfileFile().profile(profile).isEmpty()) {
			throw new ConfigurationException("no AWS profile '" + Text.oneLine(profile, 60)
					+ "' in ~/.aws/config or ~/.aws/credentials (or the files AWS_CONFIG_FILE and "
					+ "AWS_SHARED_CREDENTIALS_FILE name): check " + setting);
		}
		return ProfileCredentialsProvider.builder().profileName(profile).build();
	}

}
