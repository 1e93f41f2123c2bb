package dev.dualrun.parity.fix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.source.Sources;

/**
 * A run's alert fixes written into copies of the new side's rule files, each where its
 * rule is, with the unified diff of each file changed (java-diff-utils).
 *
 * @param written each fix written, as "alert (CODE): change in rule R, file F"
 * @param unfixed the failing alert pairs with no fix, each with why
 * @param alertIds the alert pairs fixed
 * @param texts each rule file changed, by its path, with its new text
 * @param diff the unified diffs, empty when nothing was written
 */
public record WrittenRules(List<String> written, List<String> unfixed, List<String> alertIds, Map<Path, String> texts,
		String diff) {

	/**
	 * @param planned the run's alert fixes
	 * @param ruleFiles the rule files to look for their rules in, with their texts
	 * @param target where the fixed copy of a rule file goes
	 * @return the fixes written
	 * @throws IllegalArgumentException naming the file that is not a rule file
	 */
	public static WrittenRules of(AlertFix.Planned planned, Map<Path, String> ruleFiles,
			java.util.function.UnaryOperator<Path> target) {
		Map<Path, String> texts = new LinkedHashMap<>(ruleFiles);
		List<String> written = new ArrayList<>();
		List<String> unfixed = new ArrayList<>(planned.unfixed());
		List<String> ids = new ArrayList<>();
		for (AlertFix fix : planned.fixes()) {
			Path where = apply(fix, texts);
			if (where != null) {
				written.add(fix.alert().id() + " (" + fix.code() + "): " + fix.words() + ", " + target.apply(where));
				ids.add(fix.alert().id());
			}
			else {
				unfixed.add(fix.alert().id() + " (" + fix.code() + ", " + fix.words() + (ruleFiles.isEmpty()
						? ": give --rules FILE to write it)"
						: ": not written: the rule is not in the rule files given, or named twice there without its "
								+ "group, or its value is so already, an alias, or not written as <series> <op> <number>)"));
			}
		}
		Map<Path, String> changed = new LinkedHashMap<>();
		List<String> diff = new ArrayList<>();
		texts.forEach((path, text) -> {
			if (!text.equals(ruleFiles.get(path))) {
				changed.put(path, text);
				List<String> before = ruleFiles.get(path).lines().toList();
				List<String> after = text.lines().toList();
				diff.addAll(UnifiedDiffUtils.generateUnifiedDiff(path.toString(), target.apply(path).toString(), before,
						DiffUtils.diff(before, after), 2));
			}
		});
		return new WrittenRules(written, unfixed, ids, changed, String.join("\n", diff));
	}

	/** The fix made in the first file that holds its rule; null if none does. */
	private static Path apply(AlertFix fix, Map<Path, String> texts) {
		SideReader reader = Sources.provider(fix.alert().neu().type()).reader();
		for (Map.Entry<Path, String> file : texts.entrySet()) {
			String changed;
			try {
				changed = reader.rewriteAlert(file.getValue(), fix.alert().neu(), fix.change());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("the rule file " + file.getKey() + " is " + ex.getMessage(), ex);
			}
			if (changed != null) {
				file.setValue(changed);
				return file.getKey();
			}
		}
		return null;
	}

}
