package dev.dualrun.parity.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.alert.AlertJudgement.Code;
import dev.dualrun.parity.alert.AlertJudgement.Finding;
import dev.dualrun.parity.config.AlertChange;

/**
 * Collects the findings of one judgement by code, in the order first found; each code
 * becomes one finding: its first message, and how many more there were.
 */
final class Findings {

	private final Map<Code, List<String>> found = new LinkedHashMap<>();

	private final Map<Code, AlertChange> remedies = new java.util.HashMap<>();

	void add(Code code, String message) {
		this.found.computeIfAbsent(code, (k) -> new ArrayList<>()).add(message);
	}

	/**
	 * @param code the finding's code
	 * @param message what was found and what to do
	 * @param remedy the change of the rule it implies (the first kept)
	 */
	void add(Code code, String message, AlertChange remedy) {
		add(code, message);
		this.remedies.putIfAbsent(code, remedy);
	}

	/**
	 * @return true if a finding says the sides differ (a replay that differs from what
	 * happened does not)
	 */
	boolean differ() {
		return this.found.keySet().stream().anyMatch((c) -> c != Code.REPLAY_DIFFERS);
	}

	/**
	 * @return one finding for each code, in order
	 */
	List<Finding> list() {
		List<Finding> findings = new ArrayList<>();
		for (Map.Entry<Code, List<String>> e : this.found.entrySet()) {
			List<String> messages = e.getValue();
			String more = (messages.size() > 1) ? " (and " + (messages.size() - 1) + " more)" : "";
			findings.add(new Finding(e.getKey(), messages.get(0) + more, this.remedies.get(e.getKey())));
		}
		return findings;
	}

}
