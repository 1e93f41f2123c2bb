package dev.dualrun.parity.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.compare.Verdict;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.estate.Coverage;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.Waiver;
import dev.dualrun.parity.store.PairResultRow;
import dev.dualrun.parity.store.ParityStore;

/**
 * Whether a migration can be signed off: a pair is signed off when it passed in each of
 * the last K completed runs of its mapping file, or when a waiver that has not expired
 * accepts its difference. The migration can be signed off when every pair is.
 *
 * @param mapping the mapping file
 * @param runs the runs considered, oldest first
 * @param required how many consecutive passing runs a pair needs
 * @param today the day of the sign-off (waivers expire after their day)
 * @param pairs each pair's status
 * @param generatedAt when it was rendered
 * @param coverage the estate's coverage by the mapping, from the latest inventory; null
 * when no inventory was taken (the estate is then not checked, and the report says so)
 */
public record SignOffReport(String mapping, List<Long> runs, int required, LocalDate today, List<PairStatus> pairs,
		String generatedAt, Coverage coverage) {

	/** A pair's status. */
	public enum Status {

		/** Passed in each of the last K runs. */
		SIGNED_OFF,
		/** Accepted by a waiver that holds. */
		WAIVED,
		/** Its waiver expired and it does not pass: it blocks. */
		WAIVER_EXPIRED,
		/** It blocks the sign-off. */
		BLOCKED

	}

	/**
	 * @param id the pair
	 * @param status its status
	 * @param reason in words
	 * @param verdicts its verdict in each run considered, oldest first
	 * @param waiver its waiver, or null
	 */
	public record PairStatus(String id, Status status, String reason, List<RunReport.HistoryEntry> verdicts,
			Waiver waiver) {

	}

	/**
	 * @return true if every pair is signed off or waived, and every metric of the
	 * estate's latest inventory is covered by a pair or excluded on purpose
	 */
	public boolean signedOff() {
		return this.pairs.stream().allMatch((p) -> p.status() == Status.SIGNED_OFF || p.status() == Status.WAIVED)
				&& (this.coverage == null || this.coverage.complete());
	}

	/**
	 * @param estate the estate's coverage
	 * @return this sign-off over the estate too
	 */
	public SignOffReport withCoverage(Coverage estate) {
		return new SignOffReport(this.mapping, this.runs, this.required, this.today, this.pairs, this.generatedAt,
				estate);
	}

	/**
	 * @return how many pairs have the status
	 */
	public long count(Status status) {
		return this.pairs.stream().filter((p) -> p.status() == status).count();
	}

	/**
	 * @param store the store
	 * @param mapping the mapping file (its source names the runs to consider)
	 * @param waivers the waivers
	 * @param required the consecutive passing runs needed
	 * @param today the day of the sign-off
	 * @return the sign-off report
	 */
	public static SignOffReport build(ParityStore store, MappingFile mapping, List<Waiver> waivers, int required,
			LocalDate today) {
		List<Long> runs = new ArrayList<>(store.results().recentRunsOf(mapping.source(), required));
		Collections.reverse(runs);
		Map<String, Map<Long, PairResultRow>> byPair = new HashMap<>();
		for (long run : runs) {
			store.results()
				.results(run)
				.forEach((r) -> byPair.computeIfAbsent(r.pairId(), (k) -> new HashMap<>()).put(run, r));
		}
		Map<String, Waiver> waiverOf = new HashMap<>();
		waivers.forEach((w) -> waiverOf.put(w.pair(), w));
		List<PairStatus> pairs = new ArrayList<>();
		for (PairMapping pair : mapping.pairs()) {
			Map<Long, PairResultRow> results = byPair.getOrDefault(pair.id(), Map.of());
			List<RunReport.HistoryEntry> verdicts = runs.stream()
				.map((run) -> new RunReport.HistoryEntry(run,
						results.containsKey(run) ? results.get(run).verdict().name() : "-"))
				.toList();
			Map<Long, String> summaries = new HashMap<>();
			results.forEach((run, r) -> summaries.put(run, r.summary()));
			pairs.add(status(pair.id(), runs, required, summaries, verdicts, waiverOf.get(pair.id()), today));
		}
		// alert pairs sign off as metric pairs do, named alerts/<id> (a waiver names them
		// so)
		Map<String, Map<Long, dev.dualrun.parity.store.AlertVerdictRow>> byAlert = new HashMap<>();
		for (long run : runs) {
			store.alerts()
				.verdicts(run)
				.forEach((r) -> byAlert.computeIfAbsent(r.alertId(), (k) -> new HashMap<>()).put(run, r));
		}
		for (dev.dualrun.parity.config.AlertMapping alert : mapping.alerts()) {
			Map<Long, dev.dualrun.parity.store.AlertVerdictRow> results = byAlert.getOrDefault(alert.id(), Map.of());
			Map<Long, String> summaries = new HashMap<>();
			results.forEach((run, r) -> summaries.put(run, r.summary()));
			List<RunReport.HistoryEntry> verdicts = runs.stream()
				.map((run) -> new RunReport.HistoryEntry(run,
						results.containsKey(run) ? results.get(run).verdict() : "-"))
				.toList();
			String id = "alerts/" + alert.id();
			pairs.add(status(id, runs, required, summaries, verdicts, waiverOf.get(id), today));
		}
		return new SignOffReport(mapping.source(), runs, required, today, pairs, java.time.Instant.now().toString(),
				null);
	}

	private static PairStatus status(String id, List<Long> runs, int required, Map<Long, String> summaries,
			List<RunReport.HistoryEntry> verdicts, Waiver waiver, LocalDate today) {
		boolean passed = runs.size() >= required && verdicts.stream().allMatch((v) -> Verdict.isPassing(v.verdict()));
		if (passed) {
			return new PairStatus(id, Status.SIGNED_OFF, "passed in each of the last " + required + " runs", verdicts,
					waiver);
		}
		// what went wrong first, then how many runs are still needed
		String why = verdicts.stream()
			.filter((v) -> !Verdict.isPassing(v.verdict()))
			.reduce((a, b) -> b)
			.map((last) -> last.verdict() + " in run " + last.runId()
					+ ((summaries.get(last.runId()) != null) ? ": " + summaries.get(last.runId())
							: " (not in that run)"))
			.orElse("passed in each of the " + runs.size() + " runs so far");
		if (runs.size() < required) {
			why += "; " + runs.size() + " of the " + required + " runs needed so far";
		}
		if (waiver != null && !waiver.expired(today)) {
			return new PairStatus(id, Status.WAIVED, "waived by " + waiver.owner() + " until " + waiver.expires() + ": "
					+ waiver.reason() + " (" + why + ")", verdicts, waiver);
		}
		if (waiver != null) {
			return new PairStatus(id, Status.WAIVER_EXPIRED, "the waiver by " + waiver.owner() + " EXPIRED on "
					+ waiver.expires() + " (" + waiver.reason() + "); " + why, verdicts, waiver);
		}
		return new PairStatus(id, Status.BLOCKED, why, verdicts, null);
	}

}
