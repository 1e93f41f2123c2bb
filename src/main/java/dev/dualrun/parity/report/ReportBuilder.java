package dev.dualrun.parity.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import dev.dualrun.parity.compare.Verdict;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.Sides;
import dev.dualrun.parity.config.Tolerance;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.DiscrepancyRow;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.store.Backends;
import dev.dualrun.parity.store.PairResultRow;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.StoreJson;
import dev.dualrun.parity.store.RunPairRow;
import dev.dualrun.parity.store.RunRow;
import dev.dualrun.parity.store.VerdictRow;

import static dev.dualrun.parity.report.Figures.num;
import static dev.dualrun.parity.report.Figures.pct;
import static dev.dualrun.parity.report.Figures.signedPct;

/** Builds a {@link RunReport} from what the store holds for a run. */
public final class ReportBuilder {

	/** Discrepancies listed per pair; the store keeps all of them. */
	static final int WORST = 15;

	/** Verdict shown for a planned pair that was never judged (the run stopped first). */
	static final String NOT_JUDGED = "NOT_JUDGED";

	/** Runs shown in each pair's history strip. */
	static final int HISTORY = 14;

	/** Runs listed on the index page. */
	public static final int INDEX = 200;

	private final ParityStore store;

	private final Clock clock;

	private Map<String, List<RunReport.HistoryEntry>> history = Map.of();

	private dev.dualrun.parity.estate.Coverage coverage;

	/**
	 * @param estate the estate's coverage to show with the run, or null
	 * @return this builder
	 */
	public ReportBuilder withCoverage(dev.dualrun.parity.estate.Coverage estate) {
		this.coverage = estate;
		return this;
	}

	public ReportBuilder(ParityStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Runs of at most this many pairs show every pair in full, as a small report does.
	 */
	static final int FULL_DETAIL = 100;

	/**
	 * Pairs shown in full in a larger report: those that are not PASS, worst verdict
	 * first; the others are rows of the table with a small chart drawn on demand.
	 */
	static final int DETAILED = 200;

	/** Pairs read from the store at a time. */
	static final int PAGE = 500;

	/**
	 * @param runId the run
	 * @return the report model
	 * @throws IllegalArgumentException if there is no such run
	 */
	public RunReport build(long runId) {
		return build(this.store.run(runId)
			.orElseThrow(() -> new IllegalArgumentException("no run " + runId + " in the database")), (p) -> {
			});
	}

	/**
	 * @param run the run as the report shows it (the report step passes its final status
	 * before storing it, so a run is COMPLETED only once its report exists)
	 * @return the report model
	 */
	public RunReport build(RunRow run) {
		return build(run, (p) -> {
		});
	}

	/**
	 * Reads the run's pairs from the store a page at a time and hands each pair's full
	 * section to {@code everyPair} as it goes (the JSON and JUnit reports are streamed
	 * from it); the model keeps a compact row of every pair and the full sections and
	 * charts of the pairs shown in full only, so memory does not grow with the run.
	 * @param run the run as the report shows it
	 * @param everyPair receives each pair's section, in mapping order
	 * @return the report model
	 */
	public RunReport build(RunRow run, Consumer<RunReport.PairSection> everyPair) {
		return build(run, everyPair, null);
	}

	/**
	 * As {@link #build(RunRow, Consumer)}, but hands each pair's table row to
	 * {@code everyRow} instead of keeping it in the model (the report writer streams the
	 * rows of a large run to a file).
	 * @param run the run as the report shows it
	 * @param everyPair receives each pair's section, in mapping order
	 * @param everyRow receives each pair's row, in mapping order; null to keep the rows
	 * in the model
	 * @return the report model
	 */
	public RunReport build(RunRow run, Consumer<RunReport.PairSection> everyPair, Consumer<RunReport.Row> everyRow) {
		long runId = run.id();
		List<VerdictRow> verdicts = this.store.results().verdicts(List.of(runId));
		Map<String, Integer> counts = counts(run, verdicts);
		boolean full = run.pairsTotal() <= FULL_DETAIL;
		this.history = history(runId);
		long evidenceRun = (run.judgedFrom() != null) ? run.judgedFrom() : runId;
		// the pairs shown in full in a large run: the first DETAILED that are not PASS,
		// worst verdict first
		java.util.Set<String> detailed = full ? null : detailedPairs(verdicts);
		List<RunReport.PairSection> sections = new ArrayList<>();
		List<PairChart> charts = new ArrayList<>();
		List<RunReport.Row> rows = new ArrayList<>((everyRow == null) ? run.pairsTotal() : 0);
		List<Sides> sides = new ArrayList<>();
		int total = 0;
		int after = -1;
		List<RunPairRow> page;
		while (!(page = this.store.runs().pairsAfter(runId, after, PAGE)).isEmpty()) {
			int first = page.get(0).ordinal();
			after = page.get(page.size() - 1).ordinal();
			Map<String, PairResultRow> results = new java.util.HashMap<>();
			this.store.results().resultsBetween(runId, first, after).forEach((r) -> results.put(r.pairId(), r));
			for (RunPairRow planned : page) {
				PairResultRow result = results.get(planned.pairId());
				PairMapping pair = PairDefinitions.fromJson(planned.definition());
				boolean inFull = full || detailed.contains(planned.pairId());
				List<DiscrepancyRow> discrepancies = (result != null && result.verdict() != Verdict.PASS)
						? this.store.results().worstDiscrepancies(runId, planned.pairId(), ChartBuilder.MARKS)
						: List.of();
				RunReport.PairSection section = section(run, planned, result, discrepancies);
				everyPair.accept(section);
				if (inFull) {
					sections.add(section);
					ChartBuilder.build(this.store, evidenceRun, planned, pair, discrepancies).ifPresent(charts::add);
				}
				// the small chart stored when the pair was judged; computed from the
				// evidence
				// for runs stored before that
				Object small = inFull ? null
						: (result != null && result.chart() != null) ? CompactChart.read(result.chart())
								: ChartBuilder.compact(this.store, evidenceRun, planned, pair).orElse(null);
				int side = sides.indexOf(section.sides());
				if (side < 0) {
					side = sides.size();
					sides.add(section.sides());
				}
				RunReport.Row row = RunReport.Row.of(section, inFull, small, side);
				if (everyRow == null) {
					rows.add(row);
				}
				else {
					everyRow.accept(row);
				}
				total++;
			}
		}
		return new RunReport(run, counts, sections, this.clock.instant().toString(), charts,
				asReported(this.store.latestRuns(INDEX), run), rows, total, List.copyOf(sides), this.coverage,
				alerts(run));
	}

	/**
	 * The latest runs with the one reported as the report shows it: the store still holds
	 * it RUNNING until its report is written.
	 */
	private static List<RunRow> asReported(List<RunRow> latest, RunRow run) {
		return latest.stream().map((r) -> (r.id() == run.id()) ? run : r).toList();
	}

	/**
	 * @param run the run
	 * @return its alert pairs as the report shows them, in mapping order
	 */
	public List<AlertView> alerts(RunRow run) {
		// read once a run: the report writer asks before it builds (the JUnit suite
		// counts
		// them first), and the build asks again
		if (this.alertsOf == null || this.alertsOf != run.id()) {
			this.alertViews = this.store.alerts().results(run.id()).stream().map(AlertView::of).toList();
			this.alertsOf = run.id();
		}
		return this.alertViews;
	}

	private Long alertsOf;

	private List<AlertView> alertViews;

	/**
	 * @param run the run
	 * @return pairs per verdict, every verdict listed, NOT_JUDGED for planned pairs
	 * without one
	 */
	Map<String, Integer> counts(RunRow run) {
		return counts(run, this.store.results().verdicts(List.of(run.id())));
	}

	private static Map<String, Integer> counts(RunRow run, List<VerdictRow> verdicts) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Verdict v : Verdict.values()) {
			counts.put(v.name(), 0);
		}
		int judged = 0;
		for (VerdictRow v : verdicts) {
			counts.merge(v.verdict(), 1, Integer::sum);
			judged++;
		}
		int planned = run.pairsTotal();
		if (planned > judged) {
			counts.put(NOT_JUDGED, planned - judged);
		}
		return counts;
	}

	private static java.util.Set<String> detailedPairs(List<VerdictRow> verdicts) {
		return verdicts.stream()
			.filter((v) -> !Verdict.PASS.name().equals(v.verdict()))
			.sorted(java.util.Comparator.comparingInt((VerdictRow v) -> -RunReport.rank(v.verdict())))
			.limit(DETAILED)
			.map(VerdictRow::pairId)
			.collect(java.util.stream.Collectors.toSet());
	}

	private RunReport.PairSection section(RunRow run, RunPairRow planned, PairResultRow r,
			List<DiscrepancyRow> worstFirst) {
		PairMapping pair = PairDefinitions.fromJson(planned.definition());
		Tolerance t = pair.tolerance();
		Backends newRead = run.of(Side.NEW, pair.sides().newName());
		Backends oldRead = run.of(Side.OLD, pair.sides().oldName());
		String newLink = link(pair, pair.newType(), planned, newRead.location(), null);
		String oldLink = link(pair, pair.oldType(), planned, oldRead.location(), oldRead.region());
		String tolerance = String.format(Locale.ROOT,
				"per point max(%s, %s %%); coverage >= %s %%; within >= %s %%; |bias| <= %s %%", num(t.absolute()),
				num(t.relative() * 100), num(t.minCoverage() * 100), num(t.minWithin() * 100), num(t.maxBias() * 100));
		if (r == null) {
			return new RunReport.PairSection(pair.id(), pair.description(), NOT_JUDGED,
					"not judged: the run stopped first", List.of(), List.of(), pair.old().describe(),
					pair.neu().describe(), pair.period().toSeconds(), pair.unitFactor(), tolerance, Map.of(), Map.of(),
					List.of(), 0, List.of(), this.history.getOrDefault(pair.id(), List.of()), newLink, oldLink,
					pair.sides());
		}
		Map<String, String> metrics = new LinkedHashMap<>();
		metrics.put("periods compared", Integer.toString(r.commonPoints()));
		metrics.put("within tolerance", pct(r.withinShare()));
		metrics.put("bias", signedPct(r.bias()));
		metrics.put("MAPE", pct(r.mape()));
		metrics.put(pair.sides().oldName() + " coverage", pct(r.old().coverage()));
		metrics.put(pair.sides().newName() + " coverage", pct(r.neu().coverage()));
		metrics.put("best lag (periods)", (r.bestLag() != null) ? String.format(Locale.ROOT, "%+d", r.bestLag()) : "-");
		metrics.put("median ratio " + pair.sides().newName() + "/" + pair.sides().oldName(), num(r.medianRatio()));
		List<List<String>> aggregates = new ArrayList<>();
		aggregates
			.add(List.of("periods with data", num(toDouble(r.old().count())), num(toDouble(r.neu().count())), "-"));
		row(aggregates, "mean", r.old().mean(), r.neu().mean());
		row(aggregates, "sum", r.old().sum(), r.neu().sum());
		row(aggregates, "min", r.old().min(), r.neu().min());
		row(aggregates, "max", r.old().max(), r.neu().max());
		row(aggregates, "p50", r.old().p50(), r.neu().p50());
		row(aggregates, "p95", r.old().p95(), r.neu().p95());
		row(aggregates, "p99", r.old().p99(), r.neu().p99());
		return new RunReport.PairSection(pair.id(), pair.description(), r.verdict().name(), r.summary(),
				StoreJson.diagnoses(r.diagnoses()), notes(planned, r), pair.old().describe(), pair.neu().describe(),
				pair.period().toSeconds(), pair.unitFactor(), tolerance, metrics, EvidenceWords.of(r), aggregates,
				this.store.results().countDiscrepancies(planned.runId(), planned.pairId()),
				worstFirst.subList(0, Math.min(WORST, worstFirst.size()))
					.stream()
					.map((d) -> new RunReport.DiscrepancyView(d.bucketStart().toString(), d.kind(), num(d.oldValue()),
							num(d.newValue()), num(d.absError()), signedPct(d.relError())))
					.toList(),
				this.history.getOrDefault(pair.id(), List.of()), newLink, oldLink, pair.sides());
	}

	private static String link(PairMapping pair, String type, RunPairRow planned, String location, String region) {
		return Sources.capability(type, dev.dualrun.parity.source.Linked.class)
			.map((l) -> l.link(pair, planned.windowStart(), planned.windowEnd(), pair.period().toSeconds(), location,
					region))
			.orElse(null);
	}

	/** Each pair's verdict in the last runs (re-judgements left out), oldest first. */
	private Map<String, List<RunReport.HistoryEntry>> history(long runId) {
		List<Long> runs = new ArrayList<>(this.store.results().recentRuns(runId, HISTORY));
		if (runs.isEmpty()) {
			return Map.of();
		}
		java.util.Collections.reverse(runs);
		Map<String, Map<Long, String>> verdicts = new java.util.HashMap<>();
		this.store.results()
			.verdicts(runs)
			.forEach((v) -> verdicts.computeIfAbsent(v.pairId(), (k) -> new java.util.HashMap<>())
				.put(v.runId(), v.verdict()));
		Map<String, List<RunReport.HistoryEntry>> out = new java.util.HashMap<>();
		verdicts.forEach((pair, byRun) -> out.put(pair,
				runs.stream().map((r) -> new RunReport.HistoryEntry(r, byRun.getOrDefault(r, "-"))).toList()));
		return out;
	}

	/** Alignment notes, then the linter's warnings. */
	private static List<String> notes(RunPairRow planned, PairResultRow r) {
		List<String> notes = new ArrayList<>(StoreJson.strings(r.notes()));
		if (planned.lint() != null) {
			StoreJson.strings(planned.lint()).forEach((w) -> notes.add("lint " + w));
		}
		return notes;
	}

	private static void row(List<List<String>> rows, String name, Double c, Double p) {
		String diff = (c != null && p != null && c != 0) ? signedPct((p - c) / Math.abs(c)) : "-";
		rows.add(List.of(name, num(c), num(p), diff));
	}

	private static Double toDouble(Long v) {
		return (v != null) ? v.doubleValue() : null;
	}

}
