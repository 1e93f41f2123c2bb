package dev.dualrun.parity.source.prometheus;

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
	public MetricSource open(ParityProperties properties) {
		return new PrometheusSource(new PrometheusClient(properties.prometheus()));
	}

}
