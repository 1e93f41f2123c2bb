package dev.dualrun.parity.estate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.dualrun.parity.config.Exclusion;
import dev.dualrun.parity.source.Censused;

/**
 * The families of the old side against the new side's, by the number of their series: a
 * family the new side lacks, or holds fewer series of, blocks unless an exclusion that
 * has not expired names it (its namespace the family's job, its metric the family).
 *
 * @param old the old side's census
 * @param neu the new side's census of the same families
 * @param rows every family of the old side, in order
 */
public record FamilyCensus(Censused.Census old, Censused.Census neu, List<Row> rows) {

	/** What a family's counts say. */
	public enum Status {

		/** As many series on both sides. */
		SAME,
		/** More series on the new side (other sources' series among them). */
		MORE,
		/** Fewer series on the new side. */
		FEWER,
		/** No series on the new side. */
		MISSING,
		/** Left out on purpose. */
		EXCLUDED

	}

	/**
	 * A family.
	 *
	 * @param family the family and its job
	 * @param oldSeries its series on the old side
	 * @param newSeries its series on the new side
	 * @param status what the counts say
	 * @param exclusion the exclusion that names it, or null
	 */
	public record Row(Censused.Family family, long oldSeries, long newSeries, Status status, Exclusion exclusion) {

		/**
		 * @return true if the family blocks the sign-off
		 */
		public boolean blocking() {
			return this.status == Status.FEWER || this.status == Status.MISSING;
		}

	}

	/**
	 * @param old the old side's census
	 * @param neu the new side's census of the same families
	 * @param exclusions the exclusions
	 * @param today the day expiries are judged on
	 * @return the comparison
	 */
	public static FamilyCensus of(Censused.Census old, Censused.Census neu, List<Exclusion> exclusions,
			LocalDate today) {
		List<Row> rows = new ArrayList<>();
		old.series().forEach((family, count) -> {
			long other = neu.series().getOrDefault(family, 0L);
			Status status = (other == 0) ? Status.MISSING
					: (other < count) ? Status.FEWER : (other > count) ? Status.MORE : Status.SAME;
			Exclusion exclusion = exclusions.stream()
				.filter((e) -> !e.expired(today) && e.matches(family.group(), family.name(), Map.of()))
				.findFirst()
				.orElse(null);
			boolean excused = exclusion != null && (status == Status.FEWER || status == Status.MISSING);
			rows.add(new Row(family, count, other, excused ? Status.EXCLUDED : status, exclusion));
		});
		return new FamilyCensus(old, neu, rows);
	}

	/**
	 * @param status a status
	 * @return the families with it
	 */
	public long count(Status status) {
		return this.rows.stream().filter((r) -> r.status() == status).count();
	}

	/**
	 * @return true if nothing blocks
	 */
	public boolean complete() {
		return this.rows.stream().noneMatch(Row::blocking);
	}

	/**
	 * @param all true for every family, false for those that block or are excluded
	 * @return the table, a line a family
	 */
	public List<String> table(boolean all) {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "%-20s %-50s %10s %10s  %s", "job", "family", "old", "new", "status"));
		for (Row r : this.rows) {
			if (all || r.blocking() || r.status() == Status.EXCLUDED) {
				lines.add(String.format(Locale.ROOT, "%-20s %-50s %10d %10d  %s", r.family().group(), r.family().name(),
						r.oldSeries(), r.newSeries(), describe(r)));
			}
		}
		return lines;
	}

	private static String describe(Row r) {
		return switch (r.status()) {
			case SAME -> "same";
			case MORE -> "more on the new side";
			case FEWER -> "fewer on the new side";
			case MISSING -> "missing on the new side";
			case EXCLUDED -> "excluded until " + r.exclusion().expires() + " (" + r.exclusion().reason() + ")";
		};
	}

	/**
	 * @param pairs writes a family's pair, or null when it has none
	 * @return a mapping file to review that pairs every family of the old side with the
	 * new side's copy, blocking families included
	 */
	public String draftMapping(java.util.function.BiFunction<Censused.Family, Map<String, String>, String> pairs) {
		StringBuilder yaml = new StringBuilder(String.format(Locale.ROOT,
				"# A pair for every metric family of %s at %s and its copy at %s, written by census to review.%n"
						+ "# The same query on both sides; ${period} is the pair's period.%n"
						+ "defaults: { period: 1m }%npairs:%n",
				this.old.system(), this.old.location(), this.neu.location()));
		for (Row r : this.rows) {
			String pair = pairs.apply(r.family(), this.old.identity());
			if (pair != null) {
				yaml.append(pair);
			}
		}
		return yaml.toString();
	}

	/**
	 * @return the summary line
	 */
	public String summary() {
		return String.format(Locale.ROOT,
				"%s: %d famil%s of %s at %s%s; %s at %s: %d the same, %d with more series, %d with fewer, %d missing, "
						+ "%d excluded",
				complete() ? "COMPLETE" : "NOT COMPLETE", this.rows.size(), (this.rows.size() == 1) ? "y" : "ies",
				this.old.system(), this.old.location(),
				this.old.identity().isEmpty() ? "" : " (identified by " + this.old.identity() + ")", this.neu.system(),
				this.neu.location(), count(Status.SAME), count(Status.MORE), count(Status.FEWER), count(Status.MISSING),
				count(Status.EXCLUDED));
	}

}
