package dev.dualrun.parity.source.cloudwatch;

import java.time.Instant;

import dev.dualrun.parity.config.CloudWatchQuery;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.SourceProvider;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * CloudWatch as the old side: {@code GetMetricData} through the SDK, the client made from
 * {@code parity.cloudwatch.*} when a run opens the source.
 */
public final class CloudWatchSourceProvider implements SourceProvider {

	@Override
	public String type() {
		return "cloudwatch";
	}

	@Override
	public Role role() {
		return Role.OLD;
	}

	@Override
	public String displayName() {
		return "CloudWatch";
	}

	@Override
	public String missingDataHint() {
		return "check namespace, metric name, dimensions and unit";
	}

	@Override
	public MetricSource open(ParityProperties properties) {
		ParityProperties.CloudWatch settings = properties.cloudwatch();
		CloudWatchClientFactory.AttemptCounter attempts = new CloudWatchClientFactory.AttemptCounter();
		CloudWatchClient client = CloudWatchClientFactory.create(settings, attempts);
		String endpoint = (settings.endpoint() != null) ? settings.endpoint()
				: "region " + client.serviceClientConfiguration().region().id();
		return new CloudWatchSource(client, endpoint, attempts, true);
	}

	/** The metric in the CloudWatch console, for real AWS only. */
	@Override
	public String link(PairMapping pair, Instant start, Instant end, long periodSeconds, String location,
			String region) {
		return (pair.old() instanceof CloudWatchQuery q)
				? ConsoleLink.of(region, location, q, start, end, periodSeconds) : null;
	}

}
