package dev.dualrun.parity.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which stored runs may go. A run is kept while it is among the newest {@code keepRuns}
 * runs of its mapping file, or younger than {@code olderThan}; always kept are a run
 * still RUNNING, the newest {@code signOffRuns} completed runs of each mapping file (a
 * sign-off reads them), and a run whose evidence a kept re-judgement still reads.
 *
 * @param keepRuns runs kept per mapping file, or null for no such limit
 * @param olderThan runs started longer ago than this may go, or null for no such limit
 * @param signOffRuns completed runs per mapping file a sign-off may still need
 */
public record Retention(Integer keepRuns, Duration olderThan, int signOffRuns) {

	/**
	 * @param runs every stored run, newest first
	 * @param now the present
	 * @return the runs to delete, newest first
	 */
	public List<RunRow> expired(List<RunRow> runs, Instant now) {
		Map<String, Integer> seen = new HashMap<>();
		Map<String, Integer> completed = new HashMap<>();
		List<RunRow> expired = new ArrayList<>();
		Set<Long> kept = new HashSet<>();
		for (RunRow run : runs) {
			String mapping = run.mappingSource();
			int n = seen.merge(mapping, 1, Integer::sum);
			boolean signOff = "COMPLETED".equals(run.status()) && run.judgedFrom() == null
					&& completed.merge(mapping, 1, Integer::sum) <= this.signOffRuns;
			boolean byCount = this.keepRuns != null && n > this.keepRuns;
			boolean byAge = this.olderThan != null && run.startedAt().isBefore(now.minus(this.olderThan));
			boolean expire = (byCount || byAge) && !signOff && !"RUNNING".equals(run.status());
			if (expire) {
				expired.add(run);
			}
			else {
				kept.add(run.id());
			}
		}
		// a kept re-judgement keeps the run whose evidence it reads
		Set<Long> needed = new HashSet<>();
		runs.stream()
			.filter((r) -> kept.contains(r.id()) && r.judgedFrom() != null)
			.forEach((r) -> needed.add(r.judgedFrom()));
		expired.removeIf((r) -> needed.contains(r.id()));
		return expired;
	}

}
