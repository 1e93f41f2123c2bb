package dev.dualrun.parity.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dualrun.parity.config.AlertMapping;
import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.LintFinding;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.source.MappingLint;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.StoreJson;
import dev.dualrun.parity.store.RunAlertRow;
import dev.dualrun.parity.store.RunPairRow;

/**
 * Plans a run: loads, validates and lints the mapping, selects the pairs, aligns each
 * pair's window, checks that the old side still keeps it, and counts the fewest calls. A
 * lint ERROR, an unknown pair or a window the old side no longer keeps stops the run
 * (exit 2); lint warnings are kept with each planned pair.
 */
public final class RunPlanner {

	private static final Logger log = LoggerFactory.getLogger(RunPlanner.class);

	private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

	/** Lint warnings logged one by one before the rest are counted. */
	static final int LOGGED_WARNINGS = 20;

	private final ParityProperties properties;

	private final Clock clock;

	/**
	 * @param properties the settings (the settle delay)
	 * @param clock the clock
	 */
	public RunPlanner(ParityProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param runId the run
	 * @param request what the run was asked for
	 * @return the plan
	 * @throws ConfigurationException naming the cause and the place
	 */
	public Plan plan(long runId, RunRequest request) {
		Instant now = this.clock.instant();
		Duration settle = this.properties.settle();
		MappingFile mapping = Sources.mappingLoader().load(Path.of(request.mapping()));
		List<PairMapping> pairs = select(mapping, request.pairs());
		Map<String, List<String>> warnings = lint(mapping, pairs);
		Instant to = (request.to() != null) ? request.to() : now.minus(settle);
		Instant from = (request.from() != null) ? request.from() : to.minus(DEFAULT_WINDOW);
		if (!from.isBefore(to)) {
			throw new ConfigurationException("--from " + from + " is not before --to " + to);
		}
		List<RunPairRow> rows = new ArrayList<>();
		Map<String, Map<QueryWindow, List<PairMapping>>> groups = new TreeMap<>();
		Instant start = null;
		Instant end = null;
		Map<Side, Set<String>> systems = new EnumMap<>(Side.class);
		for (int i = 0; i < pairs.size(); i++) {
			// the pair as run names its systems as their sources do
			PairMapping pair = pairs.get(i);
			pair = pair.withSides(Sources.sides(pair.oldType(), pair.newType()));
			QueryWindow window = window(pair, from, to, now, settle);
			systems.computeIfAbsent(Side.OLD, (k) -> new TreeSet<>()).add(pair.sides().oldName());
			systems.computeIfAbsent(Side.NEW, (k) -> new TreeSet<>()).add(pair.sides().newName());
			groups.computeIfAbsent(pair.oldType(), (t) -> new LinkedHashMap<>())
				.computeIfAbsent(window, (w) -> new ArrayList<>())
				.add(pair);
			start = (start == null || window.start().isBefore(start)) ? window.start() : start;
			end = (end == null || window.end().isAfter(end)) ? window.end() : end;
			rows.add(new RunPairRow(runId, pair.id(), i, (int) pair.period().toSeconds(), window.start(), window.end(),
					PairDefinitions.toJson(pair), StoreJson.json(warnings.getOrDefault(pair.id(), List.of()))));
		}
		List<RunAlertRow> alerts = alerts(runId, mapping, request.pairs(), from, to);
		alertSystems(mapping, request.pairs(), systems);
		if (start == null && !alerts.isEmpty()) {
			start = alerts.get(0).windowStart();
			end = alerts.get(0).windowEnd();
		}
		log.info("run {}: planned {} pair(s){} from {} over {} .. {}", runId, rows.size(),
				alerts.isEmpty() ? "" : " and " + alerts.size() + " alert pair(s)", request.mapping(), start, end);
		return new Plan(rows, alerts, mapping.sha256(), start, end, minimumCalls(groups), systems);
	}

	private QueryWindow window(PairMapping pair, Instant from, Instant to, Instant now, Duration settle) {
		QueryWindow window;
		try {
			window = QueryWindow.aligned(from, to, now, settle, pair.period());
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigurationException("pair '" + pair.id() + "': " + ex.getMessage());
		}
		Sources.checkWindow(pair, window, now);
		return window;
	}

	private static long minimumCalls(Map<String, Map<QueryWindow, List<PairMapping>>> groups) {
		long calls = 0;
		for (var byType : groups.entrySet()) {
			for (var byWindow : byType.getValue().entrySet()) {
				calls += Sources.provider(byType.getKey()).minimumCalls(byWindow.getValue(), byWindow.getKey());
			}
		}
		return calls;
	}

	/**
	 * Adds the systems the alert pairs read to those of the metric pairs.
	 */
	private static void alertSystems(MappingFile mapping, List<String> ids, Map<Side, Set<String>> systems) {
		for (AlertMapping a : mapping.alerts()) {
			if (ids.isEmpty() || ids.contains(a.id())) {
				var sides = Sources.sides(a.old().type(), a.neu().type());
				systems.computeIfAbsent(Side.OLD, (k) -> new TreeSet<>()).add(sides.oldName());
				systems.computeIfAbsent(Side.NEW, (k) -> new TreeSet<>()).add(sides.newName());
			}
		}
	}

	/**
	 * The alert pairs: the requested window on whole minutes, each side on its own grid.
	 */
	private static List<RunAlertRow> alerts(long runId, MappingFile mapping, List<String> ids, Instant from,
			Instant to) {
		List<AlertMapping> alerts = ids.isEmpty() ? mapping.alerts()
				: mapping.alerts().stream().filter((a) -> ids.contains(a.id())).toList();
		Instant alertFrom = from.truncatedTo(ChronoUnit.MINUTES);
		Instant alertTo = to.truncatedTo(ChronoUnit.MINUTES);
		List<RunAlertRow> rows = new ArrayList<>();
		for (int i = 0; i < alerts.size(); i++) {
			rows.add(new RunAlertRow(runId, alerts.get(i).id(), i, alertFrom, alertTo, StoreJson.json(alerts.get(i))));
		}
		return rows;
	}

	/**
	 * Runs the linter on the selected pairs: an ERROR stops the run (exit 2), naming
	 * file, line, pair and rule; warnings are kept with each planned pair.
	 */
	private static Map<String, List<String>> lint(MappingFile mapping, List<PairMapping> pairs) {
		Map<String, List<String>> warnings = new HashMap<>();
		List<LintFinding> errors = new ArrayList<>();
		int logged = 0;
		for (PairMapping pair : pairs) {
			for (LintFinding f : MappingLint.lint(pair)) {
				if (f.severity() == LintFinding.Severity.ERROR) {
					errors.add(f);
					continue;
				}
				warnings.computeIfAbsent(pair.id(), (k) -> new ArrayList<>()).add(f.rule() + ": " + f.message());
				if (logged++ < LOGGED_WARNINGS) {
					log.warn("{}", f.format(mapping.source()));
				}
			}
		}
		if (logged > LOGGED_WARNINGS) {
			log.warn(
					"{}: {} more lint warning(s), each shown in its pair's report section; all of them: lint --mapping {}",
					mapping.source(), logged - LOGGED_WARNINGS, mapping.source());
		}
		if (!errors.isEmpty()) {
			throw lintFailure(mapping, errors);
		}
		return warnings;
	}

	private static ConfigurationException lintFailure(MappingFile mapping, List<LintFinding> errors) {
		return new ConfigurationException(errors.get(0).format(mapping.source()) + ((errors.size() > 1)
				? " (and " + (errors.size() - 1) + " more lint error(s); see the lint command)" : ""));
	}

	/**
	 * What the plan step would refuse, checked before a run starts: bad input is not a
	 * failed run in the store.
	 * @param mapping the mapping
	 * @param ids the pair and alert ids asked for, or none for every pair
	 * @return the pairs to run
	 * @throws ConfigurationException naming an unknown id or the first lint error
	 */
	public static List<PairMapping> check(MappingFile mapping, List<String> ids) {
		List<PairMapping> pairs = select(mapping, ids);
		List<LintFinding> errors = pairs.stream()
			.flatMap((p) -> MappingLint.lint(p).stream())
			.filter((f) -> f.severity() == LintFinding.Severity.ERROR)
			.toList();
		if (!errors.isEmpty()) {
			throw lintFailure(mapping, errors);
		}
		return pairs;
	}

	private static List<PairMapping> select(MappingFile mapping, List<String> ids) {
		if (ids.isEmpty()) {
			return mapping.pairs();
		}
		Set<String> wanted = new LinkedHashSet<>(ids);
		List<PairMapping> selected = new ArrayList<>();
		for (String id : wanted) {
			if (mapping.alerts().stream().anyMatch((a) -> a.id().equals(id))) {
				continue;
			}
			selected.add(mapping.pair(id).orElseThrow(() -> unknown(mapping, id)));
		}
		return selected;
	}

	private static ConfigurationException unknown(MappingFile mapping, String id) {
		return new ConfigurationException(
				"unknown pair id '" + id + "' in " + mapping.source() + " ("
						+ dev.dualrun.parity.config.Suggestions.didYouMean(id,
								java.util.stream.Stream
									.concat(mapping.pairs().stream().map(PairMapping::id),
											mapping.alerts().stream().map(AlertMapping::id))
									.toList())
						+ "known: "
						+ String.join(", ", mapping.pairs().stream().map(PairMapping::id).limit(10).toList())
						+ ((mapping.pairs().size() > 10) ? ", ... " + mapping.pairs().size() + " in all" : "")
						+ (mapping.alerts().isEmpty() ? "" : "; alerts: "
								+ String.join(", ", mapping.alerts().stream().map(AlertMapping::id).limit(10).toList()))
						+ ")");
	}

}
