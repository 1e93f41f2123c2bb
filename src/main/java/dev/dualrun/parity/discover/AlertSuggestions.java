package dev.dualrun.parity.discover;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.dualrun.parity.config.AlertMapping;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.MetricIdentity;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.source.AlertSummary;
import dev.dualrun.parity.source.QueryWriter;

/**
 * Suggests alert pairs for the alarms a mapping does not pair yet: each alarm gets the
 * alerting rule that reads the series its metric is paired with (the mapping's metric
 * pairs), whose expression carries the alarm's dimension values, and whose name says the
 * same; the evidence and how sure it is are written beside each pair.
 */
public final class AlertSuggestions {

	private AlertSuggestions() {
	}

	/**
	 * A suggested pair.
	 *
	 * @param alarm the old side's alarm
	 * @param rule the best rule, or null if none shares anything with it
	 * @param confidence 0 to 1
	 * @param why the evidence, in words
	 */
	public record Suggestion(AlertSummary alarm, AlertSummary rule, double confidence, List<String> why) {

	}

	/**
	 * @param alarms the old side's alarms
	 * @param rules the new side's alerting rules
	 * @param mapping the mapping: its metric pairs link metrics to series, its alert
	 * pairs are left out
	 * @param queries the new side's queries, read for the series they watch
	 * @return a suggestion per alarm not yet paired, surest first; each rule suggested
	 * once
	 */
	public static List<Suggestion> suggest(List<AlertSummary> alarms, List<AlertSummary> rules, MappingFile mapping,
			QueryWriter queries) {
		Set<String> pairedAlarms = new HashSet<>();
		Set<String> pairedRules = new HashSet<>();
		for (AlertMapping a : mapping.alerts()) {
			pairedAlarms.add(a.old().name());
			pairedRules.add(a.neu().name());
		}
		List<Suggestion> candidates = new ArrayList<>();
		for (AlertSummary alarm : alarms) {
			if (pairedAlarms.contains(alarm.name())) {
				continue;
			}
			for (AlertSummary rule : rules) {
				if (!pairedRules.contains(rule.name())) {
					candidates.add(score(alarm, rule, mapping, queries));
				}
			}
		}
		candidates.sort(Comparator.comparingDouble((Suggestion s) -> -s.confidence()));
		Set<String> alarmDone = new HashSet<>();
		Set<String> ruleDone = new HashSet<>();
		List<Suggestion> out = new ArrayList<>();
		for (Suggestion s : candidates) {
			String ruleKey = s.rule().group() + "/" + s.rule().name();
			if (s.confidence() > 0 && !alarmDone.contains(s.alarm().name()) && !ruleDone.contains(ruleKey)) {
				out.add(s);
				alarmDone.add(s.alarm().name());
				ruleDone.add(ruleKey);
			}
		}
		for (AlertSummary alarm : alarms) {
			if (!pairedAlarms.contains(alarm.name()) && !alarmDone.contains(alarm.name())) {
				out.add(new Suggestion(alarm, null, 0,
						List.of("no alerting rule shares a series, a dimension value or a name word with it")));
			}
		}
		return out;
	}

	static Suggestion score(AlertSummary alarm, AlertSummary rule, MappingFile mapping, QueryWriter queries) {
		List<String> why = new ArrayList<>();
		Set<String> ruleSeries = queries.families(rule.watches());
		double link = 0;
		for (PairMapping pair : mapping.pairs()) {
			if (pair.old().identities().stream().anyMatch(alarm.metrics()::contains)) {
				Set<String> shared = new LinkedHashSet<>(queries.families(pair.neu()));
				shared.retainAll(ruleSeries);
				if (!shared.isEmpty()) {
					link = 1;
					why.add("the rule reads " + String.join(", ", shared) + ", which pair '" + pair.id()
							+ "' pairs with the alarm's metric");
					break;
				}
			}
		}
		if (link == 0 && !alarm.metrics().isEmpty()) {
			// no pair links them: the words of the metric against the words of the series
			Set<String> metricWords = MetricNames.words(alarm.metrics().get(0).metric());
			Set<String> seriesWords = new HashSet<>();
			ruleSeries.forEach((f) -> seriesWords.addAll(MetricNames.words(f)));
			double overlap = MetricNames.jaccard(metricWords, seriesWords);
			if (overlap > 0) {
				link = overlap;
				why.add("its series " + String.join(", ", ruleSeries) + " " + percent(overlap) + " alike the metric "
						+ alarm.metrics().get(0).metric() + " (no metric pair links them)");
			}
		}
		List<String> values = new ArrayList<>();
		for (MetricIdentity m : alarm.metrics()) {
			values.addAll(m.dimensions().values());
		}
		long found = values.stream().filter((v) -> rule.watches().contains("\"" + v + "\"")).count();
		double dims = values.isEmpty() ? 0 : (double) found / values.size();
		if (found > 0) {
			why.add(found + " of " + values.size() + " dimension value(s) in its expression");
		}
		double name = MetricNames.jaccard(MetricNames.words(alarm.name()), MetricNames.words(rule.name()));
		if (name > 0) {
			why.add("names " + percent(name) + " alike (" + alarm.name() + " ~ " + rule.name() + ")");
		}
		double confidence = 0.5 * link + 0.2 * dims + 0.3 * name;
		return new Suggestion(alarm, rule, confidence, why);
	}

	/**
	 * @param suggestions the suggestions
	 * @param threshold the confidence a pair needs to be written active
	 * @param today the day
	 * @param from where the alarms and rules were read, in words
	 * @param old the old side's reader, which writes its alert blocks
	 * @param neu the new side's reader
	 * @return the {@code alerts:} section to review
	 */
	public static String yaml(List<Suggestion> suggestions, double threshold, LocalDate today, String from,
			SideReader old, SideReader neu) {
		StringBuilder out = new StringBuilder();
		out.append("# Alert pairs suggested by parity-validator suggest-alerts on ")
			.append(today)
			.append(" from ")
			.append(from)
			.append(".\n# Review each before use; pairs below ")
			.append(threshold)
			.append(" are commented out; move the ones you keep into the mapping.\nalerts:\n");
		Set<String> ids = new HashSet<>();
		for (Suggestion s : suggestions) {
			String id = id(s.alarm().name(), ids);
			boolean active = s.rule() != null && s.confidence() >= threshold;
			String p = active ? "" : "# ";
			out.append(p).append("  - id: ").append(id).append('\n');
			out.append("    # ")
				.append((s.rule() == null) ? "no candidate"
						: String.format(Locale.ROOT, "confidence %.2f", s.confidence()))
				.append(": ")
				.append(String.join("; ", s.why()).replace("\n", " "))
				.append('\n');
			out.append(p).append("    ").append(old.alertYaml(s.alarm().name(), null)).append('\n');
			if (s.rule() != null) {
				out.append(p).append("    ").append(neu.alertYaml(s.rule().name(), s.rule().group())).append('\n');
			}
		}
		return out.toString();
	}

	private static String percent(double share) {
		return Math.round(share * 100) + " %";
	}

	private static String id(String alarm, Set<String> taken) {
		String base = alarm.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
		base = base.isEmpty() ? "alert" : base.substring(0, Math.min(base.length(), 120));
		String id = base;
		for (int i = 2; !taken.add(id); i++) {
			id = base + "-" + i;
		}
		return id;
	}

}
