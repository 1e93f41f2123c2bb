package dev.dualrun.parity.source.cloudwatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.dualrun.parity.config.CloudWatchQuery;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.Inventory;
import dev.dualrun.parity.source.InventoryQuery;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
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

	/** The metrics of the account (and its linked accounts) through ListMetrics. */
	@Override
	public Inventory inventory(ParityProperties properties, InventoryQuery query) {
		ParityProperties.CloudWatch settings = properties.cloudwatch();
		try (CloudWatchClient client = CloudWatchClientFactory.create(settings,
				new CloudWatchClientFactory.AttemptCounter())) {
			String location = (settings.endpoint() != null) ? settings.endpoint()
					: "region " + client.serviceClientConfiguration().region().id();
			return CloudWatchInventory.list(client, location, query);
		}
	}

	@Override
	public int concurrency(ParityProperties properties) {
		return properties.cloudwatch().concurrency();
	}

	@Override
	public long minimumCalls(List<PairMapping> pairs, QueryWindow window) {
		return CallPlanner.minimumCalls(pairs.size(), window.count());
	}

	/**
	 * Rule 1: CloudWatch keeps sub-minute data 3 hours, one-minute data 15 days,
	 * five-minute data 63 days; older data only exists at the coarser period.
	 */
	@Override
	public String windowProblem(PairMapping pair, QueryWindow window, Instant now) {
		long p = pair.period().toSeconds();
		Duration age = Duration.between(window.start(), now);
		if (p < 60 && age.compareTo(Duration.ofHours(3)) > 0) {
			return "CloudWatch keeps sub-minute data 3 hours";
		}
		if (p % 300 != 0 && age.compareTo(Duration.ofDays(15)) > 0) {
			return "CloudWatch keeps one-minute data 15 days: use a multiple of 5m";
		}
		if (p % 3600 != 0 && age.compareTo(Duration.ofDays(63)) > 0) {
			return "CloudWatch keeps five-minute data 63 days: use a multiple of 1h";
		}
		if (age.compareTo(Duration.ofDays(455)) > 0) {
			return "CloudWatch keeps metrics 15 months";
		}
		return null;
	}

	/** The metric in the CloudWatch console, for real AWS only. */
	@Override
	public String link(PairMapping pair, Instant start, Instant end, long periodSeconds, String location,
			String region) {
		return (pair.old() instanceof CloudWatchQuery q)
				? ConsoleLink.of(region, location, q, start, end, periodSeconds) : null;
	}

}
