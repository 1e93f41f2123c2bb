package dev.dualrun.parity.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.dualrun.parity.config.AlertMapping;
import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.LintFinding;
import dev.dualrun.parity.config.MappingLoader;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunAlertRow;
import dev.dualrun.parity.store.RunPairRow;

/**
 * Step {@code plan}: loads, validates and lints the mapping, selects the pairs, aligns
 * each pair's window and stores the plan in the step's transaction (the run itself was
 * recorded before the job, so a mapping error leaves it FAILED with the cause).
 */
record PlanTasklet(ParityStore store, ParityProperties properties, Clock clock) implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(PlanTasklet.class);

	private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

	/** Lint warnings printed one by one before the rest are counted. */
	static final int LOGGED_WARNINGS = 20;

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var jobExecution = contribution.getStepExecution().getJobExecution();
		ParityJobParameters params = ParityJobParameters.of(jobExecution.getJobParameters());
		if (params.resumeRun() != null) {
			// a completed run's ERROR pairs judged again: the plan stands
			return RepeatStatus.FINISHED;
		}
		Instant now = this.clock.instant();
		Duration settle = this.properties.settle();
		long runId = RunContext.requireRunId(jobExecution);
		MappingFile mapping = dev.dualrun.parity.source.Sources.mappingLoader().load(Path.of(params.mapping()));
		List<PairMapping> pairs = select(mapping, params.pairs());
		Map<String, List<String>> warnings = lint(mapping, pairs);
		Instant to = (params.to() != null) ? params.to() : now.minus(settle);
		Instant from = (params.from() != null) ? params.from() : to.minus(DEFAULT_WINDOW);
		if (!from.isBefore(to)) {
			throw new ConfigurationException("--from " + from + " is not before --to " + to);
		}
		List<RunPairRow> rows = new ArrayList<>();
		Map<String, Map<QueryWindow, List<PairMapping>>> groups = new TreeMap<>();
		Instant start = null;
		Instant end = null;
		for (int i = 0; i < pairs.size(); i++) {
			// the pair as run names its systems as their sources do
			PairMapping pair = pairs.get(i);
			pair = pair.withSides(Sources.sides(pair.oldType(), pair.newType()));
			QueryWindow window;
			try {
				window = QueryWindow.aligned(from, to, now, settle, pair.period());
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigurationException("pair '" + pair.id() + "': " + ex.getMessage());
			}
			Sources.checkWindow(pair, window, now);
			groups.computeIfAbsent(pair.oldType(), (t) -> new java.util.LinkedHashMap<>())
				.computeIfAbsent(window, (w) -> new ArrayList<>())
				.add(pair);
			start = (start == null || window.start().isBefore(start)) ? window.start() : start;
			end = (end == null || window.end().isAfter(end)) ? window.end() : end;
			rows.add(new RunPairRow(runId, pair.id(), i, (int) pair.period().toSeconds(), window.start(), window.end(),
					PairDefinitions.toJson(pair), ParityStore.json(warnings.getOrDefault(pair.id(), List.of()))));
		}
		long minCalls = 0;
		for (var byType : groups.entrySet()) {
			for (var byWindow : byType.getValue().entrySet()) {
				minCalls += Sources.provider(byType.getKey()).minimumCalls(byWindow.getValue(), byWindow.getKey());
			}
		}
		this.store.plan(runId, rows);
		// alert pairs: the requested window on whole minutes, each side on its own grid
		List<AlertMapping> alerts = selectAlerts(mapping, params.pairs());
		Instant alertFrom = from.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		Instant alertTo = to.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		List<RunAlertRow> alertRows = new ArrayList<>();
		for (int i = 0; i < alerts.size(); i++) {
			alertRows.add(
					new RunAlertRow(runId, alerts.get(i).id(), i, alertFrom, alertTo, ParityStore.json(alerts.get(i))));
		}
		this.store.planAlerts(alertRows);
		if (start == null && !alerts.isEmpty()) {
			start = alertFrom;
			end = alertTo;
		}
		this.store.runs().planned(runId, mapping.sha256(), start, end, rows.size(), minCalls);
		log.info("run {}: planned {} pair(s){} from {} over {} .. {}", runId, rows.size(),
				alerts.isEmpty() ? "" : " and " + alerts.size() + " alert pair(s)", params.mapping(), start, end);
		return RepeatStatus.FINISHED;
	}

	/**
	 * Runs the linter on the selected pairs: an ERROR stops the run (exit 2), naming
	 * file, line, pair and rule; warnings are kept with each planned pair.
	 */
	private static Map<String, List<String>> lint(MappingFile mapping, List<PairMapping> pairs) {
		Map<String, List<String>> warnings = new java.util.HashMap<>();
		List<LintFinding> errors = new ArrayList<>();
		int logged = 0;
		int more = 0;
		for (PairMapping pair : pairs) {
			for (LintFinding f : dev.dualrun.parity.source.MappingLint.lint(pair)) {
				if (f.severity() == LintFinding.Severity.ERROR) {
					errors.add(f);
				}
				else {
					warnings.computeIfAbsent(pair.id(), (k) -> new ArrayList<>()).add(f.rule() + ": " + f.message());
					if (logged++ < LOGGED_WARNINGS) {
						log.warn("{}", f.format(mapping.source()));
					}
					else {
						more++;
					}
				}
			}
		}
		if (more > 0) {
			log.warn(
					"{}: {} more lint warning(s), each shown in its pair's report section; all of them: lint --mapping {}",
					mapping.source(), more, mapping.source());
		}
		if (!errors.isEmpty()) {
			throw new ConfigurationException(errors.get(0).format(mapping.source()) + ((errors.size() > 1)
					? " (and " + (errors.size() - 1) + " more lint error(s); see the lint command)" : ""));
		}
		return warnings;
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
			PairMapping pair = mapping.pair(id)
				.orElseThrow(() -> new ConfigurationException("unknown pair id '" + id + "' in " + mapping.source()
						+ " (known: "
						+ String.join(", ", mapping.pairs().stream().map(PairMapping::id).limit(10).toList())
						+ ((mapping.pairs().size() > 10) ? ", ... " + mapping.pairs().size() + " in all" : "")
						+ (mapping.alerts().isEmpty() ? "" : "; alerts: "
								+ String.join(", ", mapping.alerts().stream().map(AlertMapping::id).limit(10).toList()))
						+ ")"));
			selected.add(pair);
		}
		return selected;
	}

	private static List<AlertMapping> selectAlerts(MappingFile mapping, List<String> ids) {
		if (ids.isEmpty()) {
			return mapping.alerts();
		}
		return mapping.alerts().stream().filter((a) -> ids.contains(a.id())).toList();
	}

}
