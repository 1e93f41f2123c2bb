package dev.dualrun.parity.source.prometheus.edge;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.TimeSeries;
import dev.dualrun.parity.source.prometheus.PrometheusClient;
import dev.dualrun.parity.source.prometheus.PrometheusSource;

/**
 * The edge as the old side: its PromQL read as any Prometheus-compatible API reads it,
 * and the labels of the series it read given the labels they carry on the way (the edge's
 * external labels, read once a run, and those the pair declares), so that they compare
 * with the other side's as sets.
 */
final class EdgeSource implements MetricSource {

	private final PrometheusClient client;

	private final PrometheusSource api;

	private final boolean readExternalLabels;

	private volatile Map<String, String> external;

	private final Map<QueryWindow, List<String>> remoteWrite = new java.util.concurrent.ConcurrentHashMap<>();

	EdgeSource(PrometheusClient client, boolean readExternalLabels) {
		this.client = client;
		this.api = new PrometheusSource(client, Side.OLD);
		this.readExternalLabels = readExternalLabels;
	}

	@Override
	public String side() {
		return EdgeSourceProvider.NAME;
	}

	@Override
	public void fetch(List<PairMapping> pairs, QueryWindow window, Consumer<SeriesResult> results) {
		Map<String, PairMapping> byId = new java.util.HashMap<>();
		pairs.forEach((p) -> byId.put(p.id(), p));
		this.api.fetch(pairs, window, (r) -> results.accept(r.isOk()
				? SeriesResult.ok(r.pairId(), withRemoteWrite(onTheWay(r.series(), byId.get(r.pairId())), window))
				: r));
	}

	/**
	 * @param series the edge's answer
	 * @param pair its pair
	 * @return it with the labels of each series read as the other side should hold them
	 */
	private TimeSeries onTheWay(TimeSeries series, PairMapping pair) {
		if (series.seriesRead() == null) {
			return series;
		}
		Map<String, String> added = new TreeMap<>(externalLabels());
		added.putAll(((EdgeQuery) pair.old()).externalLabels());
		return series.withSeriesRead(series.seriesRead().stream().map((labels) -> {
			Map<String, String> sent = new TreeMap<>(labels);
			added.forEach(sent::putIfAbsent);
			return (Map<String, String>) sent;
		}).toList());
	}

	/**
	 * @param series the edge's answer
	 * @param window its window
	 * @return it with what the edge's remote write says of the window among its messages
	 */
	private TimeSeries withRemoteWrite(TimeSeries series, QueryWindow window) {
		List<String> said = this.remoteWrite.computeIfAbsent(window, (w) -> RemoteWriteCounters.over(this.client, w));
		if (said.isEmpty()) {
			return series;
		}
		List<String> messages = new java.util.ArrayList<>(series.messages());
		messages.addAll(said);
		return series.withMessages(messages);
	}

	/**
	 * @return the edge's external labels, read once, the first time they are needed
	 * (batches fetched at once wait for that one read, so a run's count of calls does not
	 * depend on their timing)
	 */
	Map<String, String> externalLabels() {
		Map<String, String> known = this.external;
		if (known == null) {
			synchronized (this) {
				known = this.external;
				if (known == null) {
					known = this.readExternalLabels ? ExternalLabels.read(this.client) : Map.of();
					this.external = known;
				}
			}
		}
		return known;
	}

	@Override
	public String describe(PairMapping pair, QueryWindow window) {
		return this.api.describe(pair, window);
	}

	@Override
	public String version() {
		return this.api.version();
	}

	/** The edge's API and version, with the external labels its series were given. */
	@Override
	public Backend backend() {
		Backend b = this.api.backend();
		Map<String, String> labels = externalLabels();
		String semantics = (labels.isEmpty() ? "no external labels" : "external labels " + labels)
				+ ((b.semantics() != null) ? "; " + b.semantics() : "");
		return new Backend(b.location(), b.region(), b.version(), semantics);
	}

	@Override
	public long splits() {
		return this.api.splits();
	}

	@Override
	public CallCount calls() {
		return this.api.calls();
	}

}
