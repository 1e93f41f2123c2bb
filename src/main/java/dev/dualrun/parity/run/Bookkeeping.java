package dev.dualrun.parity.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.store.BackendRow;

/**
 * A step's record of what it read of each system: one row for the step (or partition),
 * the side and the system, with its counts so far, which the step writes in each of its
 * chunk transactions and the run sums when it is read.
 */
final class Bookkeeping {

	private Bookkeeping() {
	}

	/**
	 * @param runId the run
	 * @param stepExecutionId the step
	 * @param side the side its sources read
	 * @param sources the step's open sources
	 * @return a row for each
	 */
	static List<BackendRow> rows(long runId, long stepExecutionId, Side side, Collection<MetricSource> sources) {
		List<BackendRow> rows = new ArrayList<>();
		for (MetricSource source : sources) {
			MetricSource.Backend backend = source.backend();
			MetricSource.CallCount calls = source.calls();
			rows.add(new BackendRow(runId, stepExecutionId, side, source.side(), backend.location(), backend.region(),
					backend.version(), backend.semantics(), calls.calls(), calls.metricsRequested(), calls.retries(),
					source.splits()));
		}
		return rows;
	}

}
