package dev.dualrun.parity.source.prometheus.edge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.SettingsBinder;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.source.Configurable;
import dev.dualrun.parity.source.Costed;
import dev.dualrun.parity.source.Linked;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SourceProvider;
import dev.dualrun.parity.source.prometheus.GraphLink;
import dev.dualrun.parity.source.prometheus.PrometheusClient;
import dev.dualrun.parity.source.prometheus.QueryRangeCost;

/**
 * An edge Prometheus (any Prometheus-compatible API) as the old side, against the central
 * store it feeds by remote write or federation: {@code query_range} and {@code series} on
 * the edge, from {@code parity.edge.*}.
 */
public final class EdgeSourceProvider implements SourceProvider, Configurable, Linked, Costed {

	/** The system as reports name it. */
	static final String NAME = "edge Prometheus";

	private static final EdgeReader READER = new EdgeReader();

	@Override
	public String displayName() {
		return NAME;
	}

	@Override
	public String missingDataHint() {
		return "check that the edge still scrapes the metric (its targets page) and the PromQL's label matchers";
	}

	@Override
	public SideReader reader() {
		return READER;
	}

	@Override
	public Object settings(SettingsBinder binder) {
		return EdgeSettings.bind(binder);
	}

	@Override
	public Options options() {
		return new EdgeOptions();
	}

	@Override
	public int concurrency(ParityProperties properties) {
		return EdgeSettings.of(properties).api().concurrency();
	}

	/** A {@code query_range} and a {@code series} call a pair. */
	@Override
	public long minimumCalls(List<PairMapping> pairs, QueryWindow window) {
		return 2L * pairs.size();
	}

	/**
	 * The edge's {@code query_range} and {@code series} requests and the samples they
	 * load.
	 */
	@Override
	public String estimate(Map<QueryWindow, List<PairMapping>> pairs, ParityProperties properties) {
		return QueryRangeCost.estimate(pairs, Side.OLD, EdgeSettings.of(properties).api().maxPointsPerRequest());
	}

	@Override
	public MetricSource open(ParityProperties properties) {
		EdgeSettings settings = EdgeSettings.of(properties);
		return new EdgeSource(new PrometheusClient(settings.api()), settings.readExternalLabels());
	}

	/** The query in the edge's graph UI. */
	@Override
	public String link(PairMapping pair, Instant start, Instant end, long periodSeconds, String location,
			String region) {
		return GraphLink.of(location, ((EdgeQuery) pair.old()).query(), start, end, periodSeconds);
	}

}
