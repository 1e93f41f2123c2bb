package dev.dualrun.parity.cli;

import java.util.List;
import java.util.ListResourceBundle;
import java.util.ResourceBundle;

import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.demo.DemoBackends;
import dev.dualrun.parity.source.AlertReplay;
import dev.dualrun.parity.source.Inventoried;
import dev.dualrun.parity.source.QuotaShared;
import dev.dualrun.parity.source.SourceProvider;
import dev.dualrun.parity.source.Sources;

/**
 * The words of {@code --help} that name the sources there are, as picocli variables
 * ({@code ${parity.old-systems}}): the commands speak of an old and a new side, and these
 * say which systems those are.
 */
final class HelpWords {

	private HelpWords() {
	}

	/**
	 * @return the bundle of the variables
	 */
	static ResourceBundle bundle() {
		Object[][] words = { { "parity.old-systems", names(Side.OLD) }, { "parity.new-systems", names(Side.NEW) },
				{ "parity.demo.description", DemoBackends.DESCRIPTION },
				{ "parity.inventory.by",
						or(Sources.withCapability(Inventoried.class).stream().map(Inventoried::listedBy).toList()) },
				{ "parity.quotas",
						or(Sources.withCapability(QuotaShared.class).stream().map(QuotaShared::quota).toList()) },
				{ "parity.alerts.old", alerts(Side.OLD) }, { "parity.alerts.new", alerts(Side.NEW) } };
		return new ListResourceBundle() {

			@Override
			protected Object[][] getContents() {
				return words;
			}

		};
	}

	private static String names(Side side) {
		return or(Sources.all().stream().filter((p) -> p.role() == side).map(SourceProvider::displayName).toList());
	}

	private static String alerts(Side side) {
		return or(Sources.withCapability(AlertReplay.class)
			.stream()
			.filter((a) -> ((SourceProvider) a).role() == side)
			.map(AlertReplay::describeAlerts)
			.toList());
	}

	/** {@code a}, {@code a or b}, {@code a, b or c}. */
	static String or(List<String> words) {
		if (words.size() <= 1) {
			return words.isEmpty() ? "none" : words.get(0);
		}
		return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
	}

}
