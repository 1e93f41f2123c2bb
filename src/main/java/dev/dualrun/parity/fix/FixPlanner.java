package dev.dualrun.parity.fix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.compare.PairJudge;
import dev.dualrun.parity.compare.SeriesParityCheck;
import dev.dualrun.parity.compare.SideAnswer;
import dev.dualrun.parity.compare.Verdict;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.PairResultRow;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunPairRow;

/**
 * The fixes a stored run implies: each of its failing pairs judged again from what each
 * side answered (the one judge, for its figures: the ratio, the lag), and the change its
 * first diagnosis implies, if a mapping file can hold it.
 */
public final class FixPlanner {

	private FixPlanner() {
	}

	/**
	 * The fixes, and the failing pairs with none.
	 *
	 * @param fixes one per fixable pair, in plan order
	 * @param unfixed the other failing pairs, each with its first diagnosis' code
	 */
	public record Planned(List<PairFix> fixes, List<String> unfixed) {

	}

	/**
	 * @param store the store
	 * @param runId the run
	 * @return the fixes of its failing pairs
	 */
	public static Planned plan(ParityStore store, long runId) {
		// a re-judgement's answers are its run's
		long answered = store.run(runId).map((r) -> (r.judgedFrom() != null) ? r.judgedFrom() : runId).orElse(runId);
		Map<String, PairResultRow> results = new HashMap<>();
		store.results().results(runId).forEach((r) -> results.put(r.pairId(), r));
		List<PairFix> fixes = new ArrayList<>();
		List<String> unfixed = new ArrayList<>();
		for (RunPairRow planned : store.runs().pairs(runId)) {
			PairResultRow result = results.get(planned.pairId());
			if (result == null || result.verdict() != Verdict.FAIL) {
				continue;
			}
			PairMapping pair = PairDefinitions.fromJson(planned.definition());
			QueryWindow window = planned.window();
			SideAnswer old = store.answer(answered, pair, EvidenceRow.Side.OLD);
			SideAnswer neu = store.answer(answered, pair, EvidenceRow.Side.NEW);
			PairJudge.Judgement judged = PairJudge.judge(pair, window, old, neu);
			PairFix fix = PairFix.of(pair, judged.result(), addedOnTheWay(old, neu));
			if (fix != null) {
				fixes.add(fix);
			}
			else {
				unfixed.add(planned.pairId() + " ("
						+ (judged.result().diagnoses().isEmpty() ? "FAIL" : judged.result().diagnoses().get(0).code())
						+ ")");
			}
		}
		return new Planned(fixes, unfixed);
	}

	/** The labels the way added to every series both sides read, if that is all. */
	private static Map<String, String> addedOnTheWay(SideAnswer old, SideAnswer neu) {
		if (old instanceof SideAnswer.Series o && neu instanceof SideAnswer.Series n && o.series().seriesRead() != null
				&& n.series().seriesRead() != null) {
			return SeriesParityCheck.addedOnTheWay(o.series().seriesRead(), n.series().seriesRead()).orElse(Map.of());
		}
		return Map.of();
	}

}
