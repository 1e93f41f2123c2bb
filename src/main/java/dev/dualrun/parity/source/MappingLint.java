package dev.dualrun.parity.source;

import java.util.ArrayList;
import java.util.List;

import dev.dualrun.parity.config.LintFinding;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.PairMapping;

/**
 * The linter: each pair checked before any call by the rules of the sources of both its
 * sides ({@link Linted}). ERROR findings stop a run: the pair cannot be compared as
 * written. WARNING findings are shown in the report beside the verdict. What it cannot
 * check: that metrics and labels exist, that a series is really a counter, and what a
 * recording rule computes.
 */
public final class MappingLint {

	private MappingLint() {
	}

	/**
	 * @param file a validated mapping
	 * @return all findings, in pair order
	 */
	public static List<LintFinding> lint(MappingFile file) {
		List<LintFinding> findings = new ArrayList<>();
		for (PairMapping pair : file.pairs()) {
			findings.addAll(lint(pair));
		}
		return findings;
	}

	/**
	 * The new side's rules first (its query read and checked against the old side), then
	 * the old side's against what the new query reads; an unreadable new query is its own
	 * finding alone.
	 * @param pair a pair
	 * @return its findings
	 */
	public static List<LintFinding> lint(PairMapping pair) {
		Linted neu = Sources.capability(pair.newType(), Linted.class).orElse(null);
		QueryShape shape = (neu != null) ? neu.shape(pair.neu()) : null;
		List<LintFinding> out = new ArrayList<>();
		if (neu != null) {
			out.addAll(neu.lint(pair, shape));
		}
		if (shape != null) {
			Sources.capability(pair.oldType(), Linted.class).ifPresent((old) -> out.addAll(old.lint(pair, shape)));
		}
		return out;
	}

}
