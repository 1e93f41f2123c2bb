package dev.dualrun.parity.source;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.Side;

/**
 * What a run will ask of each system, stated before any data call: each system's own
 * estimate ({@link Costed}) of the pairs whose side it reads, over their aligned windows
 * (the old side's fewest calls, metrics requested and price; the new side's requests and
 * the samples they load).
 *
 * @param pairs the pairs
 * @param start the earliest window start
 * @param end the latest window end
 * @param systems per system, in words, old sides first
 */
public record CostEstimate(int pairs, Instant start, Instant end, Map<String, String> systems) {

	/**
	 * @param pairs the pairs to run (their definitions, as the mapping gives them)
	 * @param from the requested start, or null for the default window
	 * @param to the requested end, or null
	 * @param now the present
	 * @param properties the settings (settle, limits, prices)
	 * @return the estimate
	 * @throws IllegalArgumentException if a pair has no complete period in the window
	 */
	public static CostEstimate of(List<PairMapping> pairs, Instant from, Instant to, Instant now,
			ParityProperties properties) {
		Instant until = (to != null) ? to : now.minus(properties.settle());
		Instant since = (from != null) ? from : until.minus(Duration.ofHours(24));
		Map<Side, Map<String, Map<QueryWindow, List<PairMapping>>>> bySide = new TreeMap<>();
		Instant start = null;
		Instant end = null;
		for (PairMapping p : pairs) {
			QueryWindow w = QueryWindow.aligned(since, until, now, properties.settle(), p.period());
			for (Side side : Side.values()) {
				bySide.computeIfAbsent(side, (s) -> new TreeMap<>())
					.computeIfAbsent(p.query(side).type(), (t) -> new LinkedHashMap<>())
					.computeIfAbsent(w, (k) -> new ArrayList<>())
					.add(p);
			}
			start = (start == null || w.start().isBefore(start)) ? w.start() : start;
			end = (end == null || w.end().isAfter(end)) ? w.end() : end;
		}
		Map<String, String> systems = new LinkedHashMap<>();
		bySide.values().forEach((byType) -> byType.forEach((type, windows) -> {
			SourceProvider provider = Sources.provider(type);
			if (provider instanceof Costed costed) {
				systems.put(provider.displayName(), costed.estimate(windows, properties));
			}
		}));
		return new CostEstimate(pairs.size(), start, end, systems);
	}

	/**
	 * @return the estimate in lines to print
	 */
	public List<String> lines() {
		List<String> out = new ArrayList<>();
		this.systems.forEach((system, line) -> out.add("  " + system + ": " + line));
		return out;
	}

}
