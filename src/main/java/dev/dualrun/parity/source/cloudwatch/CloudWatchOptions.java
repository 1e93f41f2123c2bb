package dev.dualrun.parity.source.cloudwatch;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import dev.dualrun.parity.source.Configurable;

/**
 * CloudWatch's flags: region, endpoint and credentials profile. The profile is also the
 * one the other AWS services of the run sign with, unless they name their own
 * ({@code parity.aws.profile}).
 */
final class CloudWatchOptions implements Configurable.Options {

	@Option(names = "--cloudwatch-region", paramLabel = "REGION",
			description = "AWS region of CloudWatch. Default: the SDK chain (AWS_REGION, profile)")
	String region;

	@Option(names = "--cloudwatch-endpoint", paramLabel = "URL",
			description = "Endpoint override for CloudWatch. Default: the SDK's (AWS_ENDPOINT_URL_CLOUDWATCH or AWS)")
	String endpoint;

	@Option(names = "--aws-profile", paramLabel = "NAME",
			description = "Named profile for AWS credentials. Default: the SDK's default credentials chain")
	String profile;

	@Override
	public List<String> propertyArgs() {
		Configurable.checkUrl("--cloudwatch-endpoint", this.endpoint);
		List<String> args = new ArrayList<>();
		Configurable.add(args, CloudWatchSettings.PREFIX + ".region", this.region);
		Configurable.add(args, CloudWatchSettings.PREFIX + ".endpoint", this.endpoint);
		Configurable.add(args, CloudWatchSettings.PREFIX + ".profile", this.profile);
		Configurable.add(args, CloudWatchSettings.AWS_PROFILE, this.profile);
		return args;
	}

}
