package dev.dualrun.parity.source.cloudwatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;

/**
 * CloudWatch across regions: a pair whose query names a region ({@code region:} in the
 * mapping) is read in that region, by a client of its own with its own request rate (a
 * GetMetricData quota holds per account and region); the others in the run's region.
 * Calls never mix regions. A run of the run's region alone is one
 * {@link CloudWatchSource}, as before.
 */
final class RegionalCloudWatchSource implements MetricSource {

	private final CloudWatchSettings settings;

	private final CloudWatchSource home;

	private final String homeRegion;

	private final Map<String, CloudWatchSource> others = new ConcurrentHashMap<>();

	RegionalCloudWatchSource(CloudWatchSettings settings) {
		this.settings = settings;
		this.home = open(settings);
		this.homeRegion = this.home.backend().region();
	}

	private static CloudWatchSource open(CloudWatchSettings settings) {
		CloudWatchClientFactory.AttemptCounter attempts = new CloudWatchClientFactory.AttemptCounter();
		CloudWatchClient client = CloudWatchClientFactory.create(settings, attempts);
		String endpoint = (settings.endpoint() != null) ? settings.endpoint()
				: "region " + client.serviceClientConfiguration().region().id();
		return new CloudWatchSource(client, endpoint, attempts, true);
	}

	private CloudWatchSource source(PairMapping pair) {
		String region = CloudWatchSource.query(pair).region();
		if (region == null || region.equals(this.homeRegion)) {
			return this.home;
		}
		return this.others.computeIfAbsent(region, (r) -> open(this.settings.inRegion(r)));
	}

	private String regionOf(PairMapping pair) {
		String region = CloudWatchSource.query(pair).region();
		return (region != null) ? region : this.homeRegion;
	}

	/** The fewest calls of each region, region by region in the order they first come. */
	@Override
	public List<List<PairMapping>> plan(List<PairMapping> pairs, QueryWindow window) {
		Map<String, List<PairMapping>> byRegion = new LinkedHashMap<>();
		pairs.forEach((p) -> byRegion.computeIfAbsent(regionOf(p), (r) -> new ArrayList<>()).add(p));
		List<List<PairMapping>> calls = new ArrayList<>();
		byRegion.values().forEach((group) -> calls.addAll(CallPlanner.plan(group, window.count())));
		return calls;
	}

	@Override
	public void fetch(List<PairMapping> pairs, QueryWindow window, Consumer<SeriesResult> results) {
		if (!pairs.isEmpty()) {
			source(pairs.get(0)).fetch(pairs, window, results);
		}
	}

	@Override
	public String describe(PairMapping pair, QueryWindow window) {
		return this.home.describe(pair, window);
	}

	@Override
	public String side() {
		return this.home.side();
	}

	@Override
	public String version() {
		return this.home.version();
	}

	/**
	 * Where the run read CloudWatch: the regions it asked, the run's always first (the
	 * region of the pairs that name none).
	 */
	@Override
	public Backend backend() {
		Backend home = this.home.backend();
		if (this.others.isEmpty()) {
			return home;
		}
		List<String> regions = new ArrayList<>(List.of(home.region()));
		regions.addAll(new TreeMap<>(this.others).keySet());
		return new Backend(home.location(), String.join(", ", regions), home.version(), home.semantics());
	}

	@Override
	public long splits() {
		return this.home.splits() + this.others.values().stream().mapToLong(CloudWatchSource::splits).sum();
	}

	@Override
	public CallCount calls() {
		long calls = 0;
		long metrics = 0;
		long retries = 0;
		List<CloudWatchSource> all = new ArrayList<>(this.others.values());
		all.add(this.home);
		for (CloudWatchSource s : all) {
			CallCount c = s.calls();
			calls += c.calls();
			metrics += c.metricsRequested();
			retries += c.retries();
		}
		return new CallCount(calls, metrics, retries);
	}

	@Override
	public void close() {
		this.home.close();
		this.others.values().forEach(CloudWatchSource::close);
	}

}
