package dev.dualrun.parity.discover;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.source.Catalog;
import dev.dualrun.parity.source.Discoverable;
import dev.dualrun.parity.source.InventoryItem;
import dev.dualrun.parity.source.QueryWriter;

/**
 * Proposes, for each listed old-side metric, the new side's query that should reproduce
 * it:
 * <ol>
 * <li>a series an exporter copied it into (the old side names its exporters' copies, the
 * dimensions in their labels) is paired exactly; samples stamped at the old side's bucket
 * starts are read as the new side reads each period's last sample, and the period is the
 * exporter's; samples stamped at scrape time cannot be aligned exactly and are proposed
 * below the threshold;</li>
 * <li>otherwise the application's own metrics are ranked by evidence: the words of the
 * names ({@code EndpointLatency} ~ {@code http_request_duration_seconds}), the kind the
 * name implies (a latency is a histogram, a count a counter, a depth a gauge), and labels
 * that carry the dimensions' values. The best candidate is proposed with its score; below
 * the threshold, or with no candidate, the pair is written commented out.</li>
 * </ol>
 * The old side's source ({@link Discoverable}) and the new side's ({@link QueryWriter})
 * bring what is theirs: the exporters and statistics, the families and queries.
 */
public final class Discovery {

	/**
	 * A proposed pair: what to write, why, and how sure.
	 *
	 * @param metric the listed metric
	 * @param id the pair's id
	 * @param statistic the old side's statistic
	 * @param unit the old side's unit, or null
	 * @param query the new side's query, its period as {@code ${period}}; null for no
	 * candidate
	 * @param period the period
	 * @param confidence 0 to 1
	 * @param why the evidence, in words
	 * @param exactFrom the exporter whose copy is paired exactly, or null
	 * @param target the new side's series or family
	 */
	public record Proposal(InventoryItem metric, String id, String statistic, String unit, String query, String period,
			double confidence, List<String> why, String exactFrom, String target) {

		/**
		 * @param threshold the confidence a pair needs to be written active
		 * @return true if it is
		 */
		public boolean confident(double threshold) {
			return this.query != null && this.confidence >= threshold;
		}

	}

	/**
	 * The comparison of a candidate's series with the old metric's, over the last hours.
	 *
	 * @param correlation Pearson's correlation of the common periods
	 * @param ratio the median of new / old
	 * @param points the common periods
	 */
	public record Check(double correlation, double ratio, int points) {

	}

	/** Reads both sides of a candidate pair and compares them. */
	@FunctionalInterface
	public interface SeriesCheck {

		/**
		 * @param metric the old side's metric
		 * @param statistic the statistic the candidate reproduces
		 * @param query the candidate's query, with {@code ${period}}
		 * @return the comparison, or null when a side has no data
		 */
		Check compare(InventoryItem metric, String statistic, String query);

	}

	/**
	 * The two sides of the discovered pairs, as their sources contribute to discovery.
	 *
	 * @param old the old side's source
	 * @param oldName the old system's name
	 * @param neu the new side's source
	 * @param newName the new system's name
	 */
	public record Sides(Discoverable old, String oldName, QueryWriter neu, String newName) {

	}

	private final Catalog catalog;

	private final Sides sides;

	private final double threshold;

	private final ExporterCopies copies;

	private final CandidateSearch candidates;

	/**
	 * @param catalog the new side's catalog
	 * @param sides the two sides
	 * @param now the present (series are read over the last day)
	 * @param threshold the confidence a pair needs to be written active
	 * @param check compares the series of the best candidates, or null not to
	 */
	public Discovery(Catalog catalog, Sides sides, Instant now, double threshold, SeriesCheck check) {
		this.catalog = catalog;
		this.sides = sides;
		this.threshold = threshold;
		java.util.Set<String> names = new HashSet<>(catalog.metricNames());
		Instant from = now.minusSeconds(86_400);
		this.copies = new ExporterCopies(catalog, sides, names, from, now);
		this.candidates = new CandidateSearch(catalog, sides, check, names, from, now);
	}

	/**
	 * @param metrics the listed metrics to pair
	 * @return a proposal for each, in order
	 */
	public List<Proposal> propose(List<InventoryItem> metrics) {
		List<Proposal> out = new ArrayList<>();
		Map<String, Integer> ids = new HashMap<>();
		for (InventoryItem item : metrics) {
			Proposal p = this.copies.propose(item);
			if (p == null) {
				p = this.candidates.propose(item);
			}
			String id = p.id();
			int n = ids.merge(id, 1, Integer::sum);
			if (n > 1) {
				p = new Proposal(p.metric(), id + "-" + n, p.statistic(), p.unit(), p.query(), p.period(),
						p.confidence(), p.why(), p.exactFrom(), p.target());
			}
			out.add(p);
		}
		return out;
	}

	/**
	 * @param proposals the proposals
	 * @param source where the inventory came from, for the header
	 * @return a mapping file to review: confident pairs active, the others commented out
	 */
	public String mapping(List<Proposal> proposals, String source) {
		return MappingDraft.write(proposals, this.sides, source, this.catalog.location(), this.threshold);
	}

}
