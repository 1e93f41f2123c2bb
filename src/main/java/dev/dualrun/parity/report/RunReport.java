package dev.dualrun.parity.report;

import java.util.List;
import java.util.Map;

import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.config.Sides;
import dev.dualrun.parity.store.RunRow;

/**
 * What a run report shows, built from the store.
 *
 * @param run the run
 * @param counts pairs per verdict, in verdict order
 * @param pairs the sections of the pairs shown in full, in mapping order (every pair in a
 * small run; in a large one those that are not PASS, the worst first)
 * @param generatedAt when the report was rendered (ISO-8601)
 * @param charts the charts of the pairs shown in full that have stored series
 * @param recentRuns the latest runs, newest first, for the index page
 * @param rows one compact row per planned pair, in mapping order, for the table; empty
 * when the rows were streamed to a file as the store was read (a large run)
 * @param totalPairs the number of planned pairs (the table's rows)
 * @param sides the systems of the run's pairs, each once: a row names its pair's by an
 * index into this table, so a large page does not repeat them
 * @param coverage the estate's coverage by the run's mapping, from the latest inventory,
 * or null when none was taken
 * @param alerts the run's alert pairs, in mapping order
 */
public record RunReport(RunRow run, Map<String, Integer> counts, List<PairSection> pairs, String generatedAt,
		List<PairChart> charts, List<RunRow> recentRuns, List<Row> rows, int totalPairs, List<Sides> sides,
		dev.dualrun.parity.estate.Coverage coverage, List<AlertView> alerts) {

	/**
	 * @param alertPairs the run's alert pairs
	 * @return this report with them
	 */
	public RunReport withAlerts(List<AlertView> alertPairs) {
		return new RunReport(this.run, this.counts, this.pairs, this.generatedAt, this.charts, this.recentRuns,
				this.rows, this.totalPairs, this.sides, this.coverage, alertPairs);
	}

	/**
	 * A report whose pairs are all shown in full.
	 * @param run the run
	 * @param counts pairs per verdict
	 * @param pairs every pair's section
	 * @param generatedAt when rendered
	 * @param charts the charts
	 * @param recentRuns the latest runs
	 */
	public RunReport(RunRow run, Map<String, Integer> counts, List<PairSection> pairs, String generatedAt,
			List<PairChart> charts, List<RunRow> recentRuns) {
		this(run, counts, pairs, generatedAt, charts, recentRuns, rows(pairs), pairs.size(), sidesOf(pairs), null,
				List.of());
	}

	/** Pairs and alert pairs listed at the top of the report, of each kind at most. */
	static final int ATTENTION = 12;

	/**
	 * @return the run's answer in one word, alert pairs included: PASS (exit 0), NOT ALL
	 * PASS (exit 1), or FAILED when the run itself failed
	 */
	public String outcome() {
		if ("FAILED".equals(this.run.status())) {
			return "FAILED";
		}
		boolean pairsPass = this.counts.getOrDefault("PASS", 0) == this.totalPairs;
		boolean alertsPass = this.alerts.stream().allMatch((a) -> "PASS".equals(a.verdict()));
		return (pairsPass && alertsPass) ? "PASS" : "NOT_ALL_PASS";
	}

	/**
	 * @return the pairs that pass
	 */
	public int passing() {
		return this.counts.getOrDefault("PASS", 0);
	}

	/**
	 * @return the alert pairs that pass
	 */
	public long alertsPassing() {
		return this.alerts.stream().filter((a) -> "PASS".equals(a.verdict())).count();
	}

	/**
	 * @return alert pairs per verdict, in the order of their first appearance
	 */
	public Map<String, Integer> alertCounts() {
		Map<String, Integer> byVerdict = new java.util.LinkedHashMap<>();
		this.alerts.stream()
			.sorted(java.util.Comparator.comparing((AlertView a) -> !"PASS".equals(a.verdict())))
			.forEach((a) -> byVerdict.merge(a.verdict(), 1, Integer::sum));
		return byVerdict;
	}

	/**
	 * What does not pass, for the top of the report: the pairs shown in full that do not
	 * pass (the worst first) and the alert pairs that do not pass, each kind up to
	 * {@value #ATTENTION}.
	 * @return one line each
	 */
	public List<Attention> attention() {
		List<Attention> out = new java.util.ArrayList<>();
		this.pairs.stream()
			.filter((p) -> !"PASS".equals(p.verdict()))
			.sorted(java.util.Comparator.comparingInt((PairSection p) -> -rank(p.verdict())))
			.limit(ATTENTION)
			.forEach((p) -> out.add(new Attention("pair", p.id(), p.verdict(), p.summary(), "pair-" + p.id())));
		this.alerts.stream()
			.filter((a) -> !"PASS".equals(a.verdict()))
			.limit(ATTENTION)
			.forEach((a) -> out.add(new Attention("alert pair", a.id(), a.verdict(), a.summary(), "alert-" + a.id())));
		return out;
	}

	/**
	 * @return the pairs and alert pairs that do not pass beyond those
	 * {@link #attention()} lists
	 */
	public int attentionMore() {
		int pairsNotPassing = this.totalPairs - this.counts.getOrDefault("PASS", 0);
		long alertsNotPassing = this.alerts.stream().filter((a) -> !"PASS".equals(a.verdict())).count();
		return (int) (pairsNotPassing + alertsNotPassing) - attention().size();
	}

	/**
	 * @param instant a time, or null
	 * @return it to the second, or "-"
	 */
	public String toSecond(java.time.Instant instant) {
		return (instant != null) ? instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString() : "-";
	}

	/**
	 * A pair or alert pair that does not pass, as the top of the report lists it.
	 *
	 * @param kind "pair" or "alert pair"
	 * @param id its id
	 * @param verdict its verdict
	 * @param summary its first reason
	 * @param anchor the id of its section in the page
	 */
	public record Attention(String kind, String id, String verdict, String summary, String anchor) {

	}

	private static List<Sides> sidesOf(List<PairSection> pairs) {
		return pairs.stream().map(PairSection::sides).distinct().toList();
	}

	private static List<Row> rows(List<PairSection> pairs) {
		List<Sides> table = sidesOf(pairs);
		return pairs.stream().map((p) -> Row.of(p, true, null, table.indexOf(p.sides()))).toList();
	}

	/**
	 * @param verdict a verdict name
	 * @return a sort key: problems first when sorted descending
	 */
	public static int rank(String verdict) {
		return switch (verdict) {
			case "PASS" -> 0;
			case "WARN" -> 1;
			case "UNSETTLED" -> 2;
			case "INSUFFICIENT_DATA", "NO_DATA", "NOT_JUDGED" -> 3;
			case "FAIL" -> 4;
			default -> 5;
		};
	}

	/**
	 * A pair's row in the table of all pairs: what a person scans, and for a pair not
	 * shown in full a small chart drawn when the row is opened.
	 *
	 * @param id the pair
	 * @param verdict its verdict
	 * @param summary the first reason
	 * @param within share within tolerance
	 * @param bias relative difference of the sums
	 * @param history verdict letters of the last runs, oldest first (P, W, F, U, N, I, E;
	 * - absent)
	 * @param detailed true if the pair's full section is in the report
	 * @param figures periods compared, coverages, MAPE and best lag, as text
	 * @param chart the small chart of a pair not shown in full (a {@link PairChart} or
	 * its stored JSON), or null
	 * @param sides the pair's systems, an index into the report's table of sides
	 */
	public record Row(String id, String verdict, String summary, String within, String bias, String history,
			boolean detailed, List<String> figures, Object chart, int sides) {

		/**
		 * @return the row as the page's script reads it: a JSON array
		 */
		Object[] asArray() {
			return new Object[] { this.id, this.verdict, rank(this.verdict), this.summary, this.within, this.bias,
					this.history, this.detailed ? 1 : 0, this.figures, this.chart, this.sides };
		}

		static Row of(PairSection p, boolean detailed, Object chart, int sides) {
			StringBuilder history = new StringBuilder();
			p.history().forEach((h) -> history.append(letter(h.verdict())));
			Map<String, String> m = p.metrics();
			List<String> figures = m.isEmpty() ? List.of()
					: List.of(m.getOrDefault("periods compared", "-"),
							m.getOrDefault(p.sides().oldName() + " coverage", "-"),
							m.getOrDefault(p.sides().newName() + " coverage", "-"), m.getOrDefault("MAPE", "-"),
							m.getOrDefault("best lag (periods)", "-"));
			return new Row(p.id(), p.verdict(), p.summary(), m.getOrDefault("within tolerance", "-"),
					m.getOrDefault("bias", "-"), history.toString(), detailed, figures, chart, sides);
		}

		private static char letter(String verdict) {
			return switch (verdict) {
				case "PASS" -> 'P';
				case "WARN" -> 'W';
				case "FAIL" -> 'F';
				case "UNSETTLED" -> 'U';
				case "NO_DATA" -> 'N';
				case "INSUFFICIENT_DATA" -> 'I';
				case "ERROR" -> 'E';
				default -> '-';
			};
		}

	}

	/**
	 * One pair's section.
	 *
	 * @param id pair id
	 * @param description what the metric means
	 * @param verdict the verdict
	 * @param summary the first reason
	 * @param diagnoses all diagnoses
	 * @param notes alignment notes
	 * @param oldQuery the old side's query, described
	 * @param newQuery the new side's query, exactly as sent
	 * @param period the period in seconds
	 * @param unitFactor the unit factor
	 * @param tolerance the tolerance, described
	 * @param metrics key figures (coverage, within share, bias, MAPE, lag, ratio) as
	 * label to text
	 * @param evidence the statistical evidence as label to text (empty when not computed)
	 * @param aggregates rows of (name, old side, new side, relative difference)
	 * @param discrepancyCount all discrepancies of the pair
	 * @param worst the worst discrepancies
	 * @param history the pair's verdicts in the last runs
	 * @param newLink the same window in the new system's UI, or null
	 * @param oldLink the same window in the old system's console, or null
	 * @param sides what the two systems are called
	 */
	public record PairSection(String id, String description, String verdict, String summary, List<Diagnosis> diagnoses,
			List<String> notes, String oldQuery, String newQuery, long period, double unitFactor, String tolerance,
			Map<String, String> metrics, Map<String, String> evidence, List<List<String>> aggregates,
			int discrepancyCount, List<DiscrepancyView> worst, List<HistoryEntry> history, String newLink,
			String oldLink, Sides sides) {

		/**
		 * @return a sort key: problems first when sorted descending
		 */
		public int verdictRank() {
			return rank(this.verdict);
		}

	}

	/**
	 * A pair's verdict in one earlier run.
	 *
	 * @param runId the run
	 * @param verdict its verdict, or "-" if the pair was not in that run
	 */
	public record HistoryEntry(long runId, String verdict) {

	}

	/**
	 * A discrepancy formatted for reading.
	 *
	 * @param bucketStart the period's start, ISO-8601 UTC
	 * @param kind what is wrong
	 * @param oldValue the old side's value or "-"
	 * @param newValue the new side's value or "-"
	 * @param absError the absolute error or "-"
	 * @param relError the relative error in percent or "-"
	 */
	public record DiscrepancyView(String bucketStart, String kind, String oldValue, String newValue, String absError,
			String relError) {

	}

}
