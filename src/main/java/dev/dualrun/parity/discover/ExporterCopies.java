package dev.dualrun.parity.discover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.dualrun.parity.discover.Discovery.Proposal;
import dev.dualrun.parity.discover.Discovery.Sides;
import dev.dualrun.parity.source.Catalog;
import dev.dualrun.parity.source.Discoverable;
import dev.dualrun.parity.source.InventoryItem;

/**
 * Finds the series an exporter copied an old-side metric into (its dimensions in the
 * labels) and pairs it exactly: samples stamped at the old side's bucket starts are read
 * as the new side reads each period's last sample, at the exporter's period; samples
 * stamped at scrape time are proposed below the threshold.
 */
final class ExporterCopies {

	private final Catalog catalog;

	private final Sides sides;

	private final Set<String> names;

	private final Instant from;

	private final Instant now;

	/**
	 * @param catalog the new side's catalog
	 * @param sides the two sides
	 * @param names the new side's metric names
	 * @param from the start of the series read
	 * @param now the present
	 */
	ExporterCopies(Catalog catalog, Sides sides, Set<String> names, Instant from, Instant now) {
		this.catalog = catalog;
		this.sides = sides;
		this.names = names;
		this.from = from;
		this.now = now;
	}

	/**
	 * @param item a listed metric
	 * @return the pair with an exporter's copy of it, or null if no exporter copied it
	 */
	Proposal propose(InventoryItem item) {
		for (Discoverable.Copy copy : this.sides.old().copies(item)) {
			if (this.names.contains(copy.name())) {
				Proposal p = copy(item, copy);
				if (p != null) {
					return p;
				}
			}
		}
		return null;
	}

	private Proposal copy(InventoryItem item, Discoverable.Copy copy) {
		Map<String, String> matchers = new LinkedHashMap<>();
		copy.labels().forEach((dim, label) -> matchers.put(label, item.dimensions().get(dim)));
		List<String> labels = new ArrayList<>(matchers.keySet());
		String selector = this.sides.neu().selector(copy.name(), matchers);
		List<Map<String, String>> series = this.catalog.series(selector, this.from, this.now);
		// the exporter's series carry exactly the metric's dimensions
		if (copy.dimensionPrefix() != null) {
			series.removeIf((s) -> s.keySet()
				.stream()
				.anyMatch((k) -> k.startsWith(copy.dimensionPrefix()) && !labels.contains(k)));
		}
		if (series.isEmpty()) {
			return null;
		}
		List<Long> times = this.catalog.sampleTimes(selector, this.now, 3 * 3600);
		long spacing = spacing(times);
		boolean bucketStamped = !times.isEmpty() && times.stream().allMatch((t) -> t % 60_000 == 0);
		List<String> why = new ArrayList<>();
		why.add(copy.exporter() + " series " + copy.name() + " with the dimensions as labels " + labels);
		String period = (spacing >= 60_000 && spacing % 60_000 == 0)
				? dev.dualrun.parity.config.Durations.compact(java.time.Duration.ofMillis(spacing)) : "5m";
		String query = this.sides.neu().lastSample(copy.name(), matchers, bucketStamped);
		double confidence;
		if (bucketStamped) {
			confidence = (series.size() == 1) ? 1.0 : 0.9;
			why.add("samples stamped at " + this.sides.oldName() + "'s bucket starts every " + period + ": "
					+ this.sides.neu().lastSampleNote());
		}
		else {
			confidence = 0.5;
			why.add("samples stamped at scrape time: the exporter's delay shifts them by an unknown part of a "
					+ "period; " + this.sides.old().stampAdvice());
		}
		if (series.size() > 1) {
			why.add(series.size() + " series match (regions or accounts): sum by keeps the dimensions only");
		}
		return new Proposal(item, this.sides.old().id(item), copy.statistic(), null, query, period, confidence, why,
				copy.exporter(), copy.name());
	}

	private static long spacing(List<Long> times) {
		List<Long> sorted = new ArrayList<>(new java.util.TreeSet<>(times));
		if (sorted.size() < 2) {
			return 0;
		}
		List<Long> gaps = new ArrayList<>();
		for (int i = 1; i < sorted.size(); i++) {
			gaps.add(sorted.get(i) - sorted.get(i - 1));
		}
		Collections.sort(gaps);
		return gaps.get(gaps.size() / 2);
	}

}
