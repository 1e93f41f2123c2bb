package dev.dualrun.parity.source.prometheus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.source.CardinalityException;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.source.TimeSeries;

/**
 * The Prometheus side. CloudWatch's point (T, v) covers [T, T+P) while PromQL
 * {@code f(x[P])} at t covers (t-P, t] (Prometheus 3) or [t-P, t] (Prometheus 2, see
 * {@link RangeRule}), so the query runs from {@code start + P} to {@code end} with step P
 * and each timestamp t is mapped to t - P (the shift rule).
 */
public final class PrometheusSource implements MetricSource {

	private final PrometheusClient client;

	private final Side side;

	private final AtomicLong queries = new AtomicLong();

	private volatile Backend backend;

	/**
	 * @param client the API's client
	 * @param side the side of each pair this source reads
	 */
	public PrometheusSource(PrometheusClient client, Side side) {
		this.client = client;
		this.side = side;
	}

	private String query(PairMapping pair) {
		return PrometheusQuery.of(pair.query(this.side));
	}

	@Override
	public String side() {
		return "Prometheus";
	}

	@Override
	public void fetch(List<PairMapping> pairs, QueryWindow window, Consumer<SeriesResult> results) {
		for (PairMapping pair : pairs) {
			try {
				results.accept(SeriesResult.ok(pair.id(), fetch(pair, window)));
			}
			catch (SourceException ex) {
				results.accept(SeriesResult.failed(pair.id(), ex));
			}
		}
	}

	/**
	 * @param pair the pair
	 * @param window the aligned window
	 * @return the pair's series, timestamps shifted to bucket starts
	 * @throws SourceException if the query fails or returns more than one series
	 */
	@Override
	public TimeSeries fetch(PairMapping pair, QueryWindow window) {
		long p = window.period().toSeconds();
		Instant first = window.start().plusSeconds(p);
		this.queries.incrementAndGet();
		RangeResult result = this.client.queryRange(query(pair), first, window.end(), p);
		List<Map<String, String>> read = pair.comparesSeries()
				? new SeriesReader(this.client).read(query(pair), window.start(), window.end()) : null;
		if (result.series().isEmpty()) {
			return new TimeSeries(java.util.Map.of(), new long[0], new double[0], result.warnings(), read);
		}
		if (result.seriesCount() > 1) {
			String labels = result.series()
				.stream()
				.limit(5)
				.map((s) -> s.labels().toString())
				.collect(Collectors.joining(", "));
			List<Map<String, String>> sets = result.series().stream().map(RangeResult.Series::labels).toList();
			String advice = spelledTwice(sets)
					? "the series differ only in how le or quantile is written (\"1\" and \"1.0\"): Prometheus 2 and 3 "
							+ "sources are mixed behind this API; relabel le to one spelling (the version rule)"
					: "sum by the labels that map the CloudWatch dimensions";
			throw new CardinalityException(
					"Prometheus returned " + result.seriesCount() + " series where one was meant for pair '" + pair.id()
							+ "' (" + labels + ((result.seriesCount() > 5) ? ", ..." : "") + "): " + advice + "; query "
							+ PrometheusClient.oneLine(query(pair)),
					result.series().stream().map(RangeResult.Series::labels).toList());
		}
		RangeResult.Series s = result.series().get(0);
		long[] shifted = new long[s.timestamps().length];
		for (int i = 0; i < shifted.length; i++) {
			shifted[i] = s.timestamps()[i] - p * 1000;
		}
		TimeSeries series = new TimeSeries(s.labels(), shifted, s.values(), result.warnings(), read);
		return (pair.kind() == StatisticKind.PERCENTILE && this.side == Side.NEW) ? withBuckets(series, pair, window)
				: series;
	}

	/**
	 * A percentile's histogram buckets, which its estimate is exact to; when they cannot
	 * be read (a backend without the label values API), the series without them, saying
	 * so: it is then judged by its tolerance alone.
	 */
	private TimeSeries withBuckets(TimeSeries series, PairMapping pair, QueryWindow window) {
		try {
			return series
				.withBucketBounds(new BucketBoundsReader(this.client).read(query(pair), window.start(), window.end()));
		}
		catch (SourceException ex) {
			List<String> messages = new java.util.ArrayList<>(series.messages());
			messages.add("the histogram's bucket bounds could not be read (" + ex.getMessage()
					+ "): the percentile is judged by its tolerance alone");
			return series.withMessages(messages);
		}
	}

	/**
	 * @param labelSets the label sets of the series returned (those kept)
	 * @return true if two of them are one series once {@code le} and {@code quantile} are
	 * written as Prometheus 3 writes them (as floats: {@code 1} is {@code 1.0})
	 */
	static boolean spelledTwice(List<Map<String, String>> labelSets) {
		java.util.Set<Map<String, String>> seen = new java.util.HashSet<>();
		for (Map<String, String> labels : labelSets) {
			if (!seen.add(normalised(labels))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param labels a series' labels
	 * @return the labels with {@code le} and {@code quantile} as Prometheus 3 writes them
	 */
	static Map<String, String> normalised(Map<String, String> labels) {
		Map<String, String> out = new java.util.TreeMap<>(labels);
		for (String name : List.of("le", "quantile")) {
			String v = out.get(name);
			if (v != null) {
				out.put(name, floatSpelling(v));
			}
		}
		return out;
	}

	private static String floatSpelling(String value) {
		try {
			double d = Double.parseDouble(value.strip());
			if (Double.isInfinite(d)) {
				return (d > 0) ? "+Inf" : "-Inf";
			}
			return new java.math.BigDecimal(value.strip()).stripTrailingZeros()
				.toPlainString()
				.transform((s) -> s.contains(".") ? s : s + ".0");
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

	@Override
	public String describe(PairMapping pair, QueryWindow window) {
		return "query_range " + query(pair) + " start=" + window.start().plus(pair.period()) + " end=" + window.end()
				+ " step=" + pair.period().toSeconds() + "s";
	}

	@Override
	public String version() {
		return this.client.version();
	}

	/**
	 * The server's version is asked once, the first time, with the range-selector rule it
	 * implies.
	 */
	@Override
	public Backend backend() {
		Backend known = this.backend;
		if (known == null) {
			String version = version();
			known = new Backend(this.client.url(), null, version, RangeRule.of(version).describe());
			this.backend = known;
		}
		return known;
	}

	@Override
	public long splits() {
		return this.client.splits();
	}

	@Override
	public CallCount calls() {
		return new CallCount(this.client.calls(), this.queries.get(), this.client.retries());
	}

}
