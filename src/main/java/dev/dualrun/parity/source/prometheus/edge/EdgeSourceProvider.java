package dev.dualrun.parity.source.prometheus.edge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.SettingsBinder;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.source.Censused;
import dev.dualrun.parity.source.Configurable;
import dev.dualrun.parity.source.Costed;
import dev.dualrun.parity.source.Linked;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SourceProvider;
import dev.dualrun.parity.source.prometheus.GraphLink;
import dev.dualrun.parity.source.prometheus.PrometheusClient;
import dev.dualrun.parity.source.prometheus.QueryRangeCost;
import dev.dualrun.parity.source.prometheus.SeriesCensus;

/**
 * An edge Prometheus (any Prometheus-compatible API) as the old side, against the central
 * store it feeds by remote write or federation: {@code query_range} and {@code series} on
 * the edge, from {@code parity.edge.*}.
 */
public final class EdgeSourceProvider implements SourceProvider, Configurable, Linked, Costed, Censused {

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

	/** Every family the edge holds, by job, with its external labels as its identity. */
	@Override
	public Census census(ParityProperties properties, List<String> families, Map<String, String> identity, Instant at) {
		EdgeSettings settings = EdgeSettings.of(properties);
		PrometheusClient client = new PrometheusClient(settings.api());
		Map<String, String> external = settings.readExternalLabels() ? ExternalLabels.read(client) : Map.of();
		return new Census(NAME, client.url(), external, SeriesCensus.count(client, families, identity, at),
				client.calls());
	}

	/**
	 * A counter ({@code _total}, {@code _count}, {@code _sum}) as its rate, anything else
	 * summed; a histogram's buckets are compared through its count and sum.
	 */
	@Override
	public String draftPair(Family family, Map<String, String> identity) {
		String name = family.name();
		if (name.endsWith("_bucket")) {
			return null;
		}
		boolean counter = name.endsWith("_total") || name.endsWith("_count") || name.endsWith("_sum");
		String job = family.group().isEmpty() ? "" : "job=\"" + family.group() + "\"";
		String atStore = java.util.stream.Stream
			.concat(java.util.stream.Stream.of(job),
					new java.util.TreeMap<>(identity).entrySet()
						.stream()
						.map((e) -> e.getKey() + "=\"" + e.getValue() + "\""))
			.filter((m) -> !m.isEmpty())
			.collect(java.util.stream.Collectors.joining(","));
		String id = (family.group().isEmpty() ? "" : family.group() + "-") + name;
		return "  - id: " + id.replaceAll("[^A-Za-z0-9_.-]", "-") + "\n    edge: { query: '" + query(name, job, counter)
				+ "' }\n    prometheus: { query: '" + query(name, atStore, counter) + "' }\n";
	}

	private static String query(String name, String matchers, boolean counter) {
		String selector = name + (matchers.isEmpty() ? "" : "{" + matchers + "}");
		return counter ? "sum(rate(" + selector + "[${period}]))" : "sum(" + selector + ")";
	}

	/** The query in the edge's graph UI. */
	@Override
	public String link(PairMapping pair, Instant start, Instant end, long periodSeconds, String location,
			String region) {
		return GraphLink.of(location, ((EdgeQuery) pair.old()).query(), start, end, periodSeconds);
	}

}
