package dev.dualrun.parity.source.prometheus;

import java.time.Instant;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.SourceProvider;

/**
 * Prometheus (or any Prometheus-compatible API: Mimir, Thanos, Amazon Managed Prometheus)
 * as the new side: {@code query_range} through OkHttp, from {@code parity.prometheus.*}.
 */
public final class PrometheusSourceProvider implements SourceProvider {

	@Override
	public String type() {
		return "prometheus";
	}

	@Override
	public Role role() {
		return Role.NEW;
	}

	@Override
	public String displayName() {
		return "Prometheus";
	}

	@Override
	public String missingDataHint() {
		return "check the metric name and label matchers of the PromQL";
	}

	@Override
	public int concurrency(ParityProperties properties) {
		return properties.prometheus().concurrency();
	}

	@Override
	public MetricSource open(ParityProperties properties) {
		return new PrometheusSource(new PrometheusClient(properties.prometheus()));
	}

	/** The query in the Prometheus graph UI. */
	@Override
	public String link(PairMapping pair, Instant start, Instant end, long periodSeconds, String location,
			String region) {
		return GraphLink.of(location, pair.promql(), start, end, periodSeconds);
	}

}
