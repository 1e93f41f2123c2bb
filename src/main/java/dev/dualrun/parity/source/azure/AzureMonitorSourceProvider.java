package dev.dualrun.parity.source.azure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.dualrun.parity.config.AzureMonitorQuery;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SourceProvider;

/**
 * Azure Monitor as the old side: the metrics REST API on OkHttp, from
 * {@code parity.azure.*} and the Azure credentials of the environment.
 */
public final class AzureMonitorSourceProvider implements SourceProvider {

	/** Azure Monitor keeps platform metrics 93 days. */
	static final Duration RETENTION = Duration.ofDays(93);

	@Override
	public String type() {
		return AzureMonitorQuery.TYPE;
	}

	@Override
	public Role role() {
		return Role.OLD;
	}

	@Override
	public String displayName() {
		return "Azure Monitor";
	}

	@Override
	public String missingDataHint() {
		return "check resource ID, metric namespace, metric name, aggregation and dimension values";
	}

	@Override
	public MetricSource open(ParityProperties properties) {
		ParityProperties.Azure settings = properties.azure();
		return new AzureMonitorSource(settings, AzureTokenInterceptor.of(settings, System::getenv, Clock.systemUTC()));
	}

	@Override
	public int concurrency(ParityProperties properties) {
		return properties.azure().concurrency();
	}

	@Override
	public long minimumCalls(java.util.List<PairMapping> pairs, QueryWindow window) {
		return AzureMonitorSource.batches(pairs).size();
	}

	@Override
	public String windowProblem(PairMapping pair, QueryWindow window, Instant now) {
		Duration age = Duration.between(window.start(), now);
		return (age.compareTo(RETENTION) > 0) ? "Azure Monitor keeps metrics 93 days" : null;
	}

	/** The resource's metrics blade in the Azure portal, for real Azure only. */
	@Override
	public String link(PairMapping pair, Instant start, Instant end, long periodSeconds, String location,
			String region) {
		if (!(pair.old() instanceof AzureMonitorQuery q) || location == null
				|| !location.startsWith("https://management.azure.com")) {
			return null;
		}
		return "https://portal.azure.com/#@/resource" + q.resource() + "/metrics";
	}

}
