package dev.dualrun.parity.store;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one judge, checked: a stored run judged again with its own tolerances gives each
 * pair the same verdict, the same diagnoses (codes and words) and the same q-value, and
 * each alert pair the same verdict and findings.
 */
public final class RejudgeCheck {

	private RejudgeCheck() {
	}

	/**
	 * @param store the store
	 * @param runId a run of the job
	 * @return the judgement's run
	 */
	public static long reproduces(ParityStore store, long runId) {
		long again = new Rejudgement(store, Clock.systemUTC()).rejudge(runId, null, "the same tolerances");
		assertThat(judged(store, again)).as("run " + runId + " judged again").isEqualTo(judged(store, runId));
		assertThat(alerts(store, again)).as("run " + runId + "'s alert pairs judged again")
			.isEqualTo(alerts(store, runId));
		return again;
	}

	private static Map<String, List<Object>> judged(ParityStore store, long runId) {
		Map<String, List<Object>> out = new LinkedHashMap<>();
		for (PairResultRow r : store.results().results(runId)) {
			out.put(r.pairId(), java.util.Arrays.asList(r.verdict(), r.summary(), r.diagnoses(), r.qValue()));
		}
		return out;
	}

	private static Map<String, List<Object>> alerts(ParityStore store, long runId) {
		Map<String, List<Object>> out = new LinkedHashMap<>();
		for (AlertVerdictRow r : store.alerts().verdicts(runId)) {
			out.put(r.alertId(), java.util.Arrays.asList(r.verdict(), r.firstCode(), r.summary()));
		}
		return out;
	}

}
