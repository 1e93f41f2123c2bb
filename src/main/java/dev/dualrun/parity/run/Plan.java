package dev.dualrun.parity.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.store.BackendRow;
import dev.dualrun.parity.store.RunAlertRow;
import dev.dualrun.parity.store.RunPairRow;

/**
 * A run's plan: each pair with its aligned window and exact definition, the alert pairs,
 * and what the plan adds to the run's record.
 *
 * @param pairs the planned pairs, in mapping order
 * @param alerts the planned alert pairs
 * @param mappingSha256 the hash of the mapping file's bytes
 * @param start the earliest window start, or null for nothing planned
 * @param end the latest window end, or null
 * @param minimumCalls the fewest calls the old side needs
 * @param systems the systems each side will read, by the names their sources give
 */
public record Plan(List<RunPairRow> pairs, List<RunAlertRow> alerts, String mappingSha256, Instant start, Instant end,
		long minimumCalls, Map<Side, Set<String>> systems) {

	/**
	 * @param runId the run
	 * @param stepExecutionId the plan step
	 * @return a row for each system the run will read, with nothing read yet: a run that
	 * fails before its first call still names what it was to read
	 */
	public List<BackendRow> backends(long runId, long stepExecutionId) {
		List<BackendRow> rows = new ArrayList<>();
		this.systems.forEach((side, names) -> names.forEach((name) -> rows
			.add(new BackendRow(runId, stepExecutionId, side, name, null, null, null, null, 0, 0, 0, 0))));
		return rows;
	}

}
