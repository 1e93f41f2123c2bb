package dev.dualrun.parity.fix;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.source.Sources;

/**
 * A run's fixes written into its mapping file's text, each at its pair, with the unified
 * diff (java-diff-utils) of the file and its fix.
 *
 * @param written each fix written, as "pair (CODE): change"
 * @param unfixed the failing pairs with no fix, each with why
 * @param pairIds the pairs fixed, to run again
 * @param text the mapping file's text with the fixes
 * @param diff the unified diff, empty when nothing was written
 */
public record WrittenFix(List<String> written, List<String> unfixed, List<String> pairIds, String text, String diff) {

	/**
	 * @param planned the run's fixes
	 * @param mapping the mapping file's text
	 * @param name the mapping file's name
	 * @param fixedName the name of the file the fix is written to
	 * @return the fixes written
	 */
	public static WrittenFix of(FixPlanner.Planned planned, String mapping, String name, String fixedName) {
		MappingText text = new MappingText(mapping);
		List<String> written = new ArrayList<>();
		List<String> unfixed = new ArrayList<>(planned.unfixed());
		List<String> ids = new ArrayList<>();
		for (PairFix fix : planned.fixes()) {
			String change = apply(text, fix);
			if (change != null) {
				written.add(fix.pair().id() + " (" + fix.code() + "): " + change);
				ids.add(fix.pair().id());
			}
			else {
				unfixed.add(fix.pair().id() + " (" + fix.code() + ", nothing in the file to change)");
			}
		}
		String edited = text.edited();
		List<String> before = mapping.lines().toList();
		List<String> after = edited.lines().toList();
		List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(name, fixedName, before, DiffUtils.diff(before, after),
				2);
		return new WrittenFix(written, unfixed, ids, edited, String.join("\n", diff));
	}

	/**
	 * The labels declared by the old side's source; the query changed when its source can
	 * write it, else the unit factor.
	 */
	private static String apply(MappingText text, PairFix fix) {
		if (!fix.labels().isEmpty()) {
			SideReader old = Sources.provider(fix.pair().oldType()).reader();
			String field = old.addedLabelsField();
			return (field != null && text.declareLabels(fix.pair().id(), old.key(), field, fix.labels()))
					? fix.labelsChange(field) : null;
		}
		if (fix.query() != null) {
			SideReader reader = Sources.provider(fix.pair().newType()).reader();
			if (reader.queryField() != null && text.rewriteBlockField(fix.pair().id(), reader.key(),
					reader.queryField(), (t) -> reader.rewrite(t, fix.query(), fix.pair().period()))) {
				return fix.queryChange();
			}
		}
		if (!Double.isNaN(fix.unitFactor())
				&& text.setPairKey(fix.pair().id(), "unit-factor", PairFix.number(fix.unitFactor()))) {
			return fix.unitFactorChange();
		}
		return null;
	}

}
