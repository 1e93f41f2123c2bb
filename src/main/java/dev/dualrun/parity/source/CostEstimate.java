package dev.dualrun.parity.source;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;

/**
 * What a run will ask of each system, stated before any data call (and again after it,
 * from what it did): per old system the fewest calls, the metrics requested and their
 * price; for Prometheus the {@code query_range} requests and an estimate of the samples
 * they load (each range selector reads its period's worth of scrapes at every step).
 *
 * @param pairs the pairs
 * @param start the earliest window start
 * @param end the latest window end
 * @param systems per system: calls, metrics requested, and its price in words (null for
 * none)
 * @param newRequests Prometheus requests
 * @param newSamples samples Prometheus loads, estimated
 */
public record CostEstimate(int pairs, Instant start, Instant end, Map<String, Line> systems, long newRequests,
		long newSamples) {

	/**
	 * @param calls calls at least
	 * @param metrics metrics requested
	 * @param price what they cost, in words, or null
	 */
	public record Line(long calls, long metrics, String price) {

	}

	/**
	 * A range selector of a pair's PromQL, its period already written in ({@code [5m]}).
	 */
	private static final Pattern RANGE = Pattern.compile("\\[\\d+[smhdwy]\\]");

	/**
	 * @param pairs the pairs to run (their definitions, as the mapping gives them)
	 * @param from the requested start, or null for the default window
	 * @param to the requested end, or null
	 * @param now the present
	 * @param properties the settings (settle, limits, prices)
	 * @param scrapeSeconds the scrape interval assumed
	 * @return the estimate
	 */
	public static CostEstimate of(List<PairMapping> pairs, Instant from, Instant to, Instant now,
			ParityProperties properties, long scrapeSeconds) {
		Instant until = (to != null) ? to : now.minus(properties.settle());
		Instant since = (from != null) ? from : until.minus(Duration.ofHours(24));
		Map<String, Map<QueryWindow, List<PairMapping>>> byType = new TreeMap<>();
		long requests = 0;
		long samples = 0;
		Instant start = null;
		Instant end = null;
		for (PairMapping p : pairs) {
			QueryWindow w = QueryWindow.aligned(since, until, now, properties.settle(), p.period());
			byType.computeIfAbsent(p.oldType(), (k) -> new LinkedHashMap<>())
				.computeIfAbsent(w, (k) -> new ArrayList<>())
				.add(p);
			start = (start == null || w.start().isBefore(start)) ? w.start() : start;
			end = (end == null || w.end().isAfter(end)) ? w.end() : end;
			int points = w.count();
			requests += (points + properties.prometheus().maxPointsPerRequest() - 1)
					/ properties.prometheus().maxPointsPerRequest();
			Matcher m = RANGE.matcher(p.promql());
			long perStep = 0;
			while (m.find()) {
				perStep += Math.max(1, p.period().toSeconds() / scrapeSeconds);
			}
			samples += points * Math.max(1, perStep);
		}
		Map<String, Line> systems = new LinkedHashMap<>();
		byType.forEach((type, windows) -> {
			SourceProvider provider = Sources.provider(type);
			long calls = 0;
			long metrics = 0;
			for (var e : windows.entrySet()) {
				calls += provider.minimumCalls(e.getValue(), e.getKey());
				metrics += e.getValue().stream().mapToLong((p) -> p.old().identities().size()).sum();
			}
			systems.put(provider.displayName(), new Line(calls, metrics, provider.price(properties, calls, metrics)));
		});
		return new CostEstimate(pairs.size(), start, end, systems, requests, samples);
	}

	/**
	 * @return the estimate in lines to print
	 */
	public List<String> lines() {
		List<String> out = new ArrayList<>();
		this.systems.forEach((system, l) -> out.add("  " + system + ": at least " + l.calls() + " call(s), "
				+ l.metrics() + " metric(s) requested" + ((l.price() != null) ? "; " + l.price() : "")));
		out.add("  Prometheus: " + this.newRequests + " query_range request(s), about "
				+ String.format(java.util.Locale.ROOT, "%,d", this.newSamples) + " sample(s) loaded");
		return out;
	}

}
