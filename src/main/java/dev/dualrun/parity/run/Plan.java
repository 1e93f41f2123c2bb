package dev.dualrun.parity.run;

import java.time.Instant;
import java.util.List;

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
 */
public record Plan(List<RunPairRow> pairs, List<RunAlertRow> alerts, String mappingSha256, Instant start, Instant end,
		long minimumCalls) {

}
