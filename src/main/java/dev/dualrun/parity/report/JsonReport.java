package dev.dualrun.parity.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.store.RunRow;

/**
 * The machine-readable report, {@code run-<id>.json}: a stable, versioned schema
 * documented in src/site/markdown/outputs.md (not the internal report model).
 * {@code schemaVersion} changes only when a field is removed or changes meaning; new
 * fields may appear within a version.
 *
 * @param schema always {@code parity-validator/run}
 * @param schemaVersion 2 (version 1, superseded: {@code run.cloudwatch} and
 * {@code run.prometheus}, {@code pairs[].cloudwatchQuery} and {@code pairs[].promql}, the
 * codes {@code GAP_PROMETHEUS} and {@code GAP_CLOUDWATCH})
 * @param run the run
 * @param pairs one entry per planned pair, in mapping order
 * @param alerts one entry per alert pair, in mapping order ({@link #alert})
 */
public record JsonReport(String schema, int schemaVersion, Run run, List<Pair> pairs,
		List<Map<String, Object>> alerts) {

	/**
	 * @param id run id
	 * @param status RUNNING, COMPLETED or FAILED
	 * @param error why it failed, or null
	 * @param startedAt ISO-8601
	 * @param finishedAt ISO-8601, or null
	 * @param windowStart aligned window start, inclusive
	 * @param windowEnd aligned window end, exclusive
	 * @param mapping the mapping file as named
	 * @param mappingSha256 its hash
	 * @param judgedFrom for a re-judgement, the run judged; else null
	 * @param counts pairs per verdict
	 * @param oldSide the old side (the system being retired): system, location (region or
	 * endpoint), region, version, calls, minimum calls, metrics requested, retries
	 * @param newSide the new side (the system that replaces it): system, location (base
	 * URL), version, range-selector rule, requests, retries
	 */
	public record Run(long id, String status, String error, String startedAt, String finishedAt, String windowStart,
			String windowEnd, String mapping, String mappingSha256, Long judgedFrom, Map<String, Integer> counts,
			@JsonProperty("old") Map<String, Object> oldSide, @JsonProperty("new") Map<String, Object> newSide) {

	}

	/**
	 * @param id pair id
	 * @param description what it means
	 * @param verdict PASS, WARN, FAIL, NO_DATA, INSUFFICIENT_DATA, UNSETTLED, ERROR or
	 * NOT_JUDGED
	 * @param summary the first reason
	 * @param diagnoses all reasons, with stable codes
	 * @param figures key figures as text
	 * @param evidence statistical evidence as text
	 * @param oldQuery the old side's query, described
	 * @param newQuery the new side's query as sent
	 * @param periodSeconds the period
	 * @param unitFactor the unit factor
	 * @param tolerance the tolerance, described
	 * @param discrepancies how many periods disagree
	 * @param history verdicts in the last runs, oldest first
	 */
	public record Pair(String id, String description, String verdict, String summary, List<Diagnosis> diagnoses,
			Map<String, String> figures, Map<String, String> evidence, String oldQuery, String newQuery,
			long periodSeconds, double unitFactor, String tolerance, int discrepancies,
			List<RunReport.HistoryEntry> history) {

	}

	static JsonReport of(RunReport report) {
		return new JsonReport(SCHEMA, VERSION, run(report.run(), report.counts()),
				report.pairs().stream().map(JsonReport::pair).toList(),
				report.alerts().stream().map(JsonReport::alert).toList());
	}

	/**
	 * An alert pair in the JSON report: verdict, findings with their codes, each side's
	 * definition and episodes (replayed, and as its history has them), the matches with
	 * their delays in seconds.
	 * @param v the alert pair
	 * @return its entry
	 */
	static Map<String, Object> alert(AlertView v) {
		Map<String, Object> out = new java.util.LinkedHashMap<>();
		out.put("id", v.id());
		out.put("description", v.description());
		out.put("verdict", v.verdict());
		out.put("summary", v.summary());
		out.put("findings", v.findings());
		var d = v.document();
		if (d.judgement() == null) {
			out.put("error", d.error());
			return out;
		}
		out.put("old", side(d.old(), d.judgement().oldInAlarm()));
		out.put("new", side(d.neu(), d.judgement().newInAlarm()));
		List<Map<String, Object>> matches = new java.util.ArrayList<>();
		for (var m : d.judgement().matches()) {
			matches.add(map("kind", m.kind(), "old", episode(m.oldEpisode()), "new", episode(m.newEpisode()),
					"onsetDelaySeconds", (m.onsetDelay() != null) ? m.onsetDelay().toSeconds() : null,
					"recoveryDelaySeconds", (m.recoveryDelay() != null) ? m.recoveryDelay().toSeconds() : null));
		}
		out.put("matches", matches);
		out.put("onsetToleranceSeconds", d.judgement().onsetTolerance().toSeconds());
		out.put("recoveryToleranceSeconds", d.judgement().recoveryTolerance().toSeconds());
		return out;
	}

	private static Map<String, Object> side(dev.dualrun.parity.alert.AlertSide s, java.time.Duration inAlarm) {
		var c = s.condition();
		return map("system", s.system(), "name", c.name(), "definition", c.definition(), "comparison",
				(c.comparison() != null) ? c.comparison().symbol() : null, "threshold",
				Double.isFinite(c.threshold()) ? c.threshold() : null, "stepSeconds", c.step().toSeconds(),
				"holdSeconds", c.holdFor().toSeconds(), "missingData", c.missingData().word(), "health", c.health(),
				"episodes", s.replayed().stream().map(JsonReport::episode).toList(), "actualSource", s.actualSource(),
				"actualEpisodes", (s.actual() != null) ? s.actual().stream().map(JsonReport::episode).toList() : null,
				"inAlarmSeconds", inAlarm.toSeconds(), "notes", s.notes());
	}

	private static Map<String, Object> episode(dev.dualrun.parity.alert.Episode e) {
		return (e == null) ? null
				: map("start", e.start().toString(), "end", e.end().toString(), "ongoing", e.ongoing());
	}

	static final String SCHEMA = "parity-validator/run";

	static final int VERSION = 2;

	static Run run(RunRow r, Map<String, Integer> counts) {
		return new Run(r.id(), r.status(), r.error(), String.valueOf(r.startedAt()),
				(r.finishedAt() != null) ? r.finishedAt().toString() : null,
				(r.windowStart() != null) ? r.windowStart().toString() : null,
				(r.windowEnd() != null) ? r.windowEnd().toString() : null, r.mappingSource(), r.mappingSha256(),
				r.judgedFrom(), counts,
				map("system", r.old().system(), "location", r.old().location(), "region", r.old().region(), "version",
						r.old().version(), "calls", r.old().calls(), "minimumCalls", r.oldMinCalls(),
						"metricsRequested", r.old().metrics(), "retries", r.old().retries()),
				map("system", r.neu().system(), "location", r.neu().location(), "version", r.neu().version(),
						"rangeSelectors", r.neu().semantics(), "requests", r.neu().calls(), "retries",
						r.neu().retries()));
	}

	static Pair pair(RunReport.PairSection p) {
		return new Pair(p.id(), p.description(), p.verdict(), p.summary(), p.diagnoses(), p.metrics(), p.evidence(),
				p.oldQuery(), p.newQuery(), p.period(), p.unitFactor(), p.tolerance(), p.discrepancyCount(),
				p.history());
	}

	/**
	 * Writes the report pair by pair as the store is read, never the whole document in
	 * memory: {@link #pair} for each pair, then close.
	 */
	static final class Stream implements AutoCloseable {

		private final tools.jackson.core.JsonGenerator gen;

		Stream(tools.jackson.databind.ObjectMapper json, java.io.OutputStream out, RunRow run,
				Map<String, Integer> counts) {
			this.gen = json.writer().withDefaultPrettyPrinter().createGenerator(out);
			this.gen.writeStartObject();
			this.gen.writeStringProperty("schema", SCHEMA);
			this.gen.writeNumberProperty("schemaVersion", VERSION);
			this.gen.writePOJOProperty("run", run(run, counts));
			this.gen.writeName("pairs");
			this.gen.writeStartArray();
		}

		void pair(RunReport.PairSection section) {
			this.gen.writePOJO(JsonReport.pair(section));
		}

		private dev.dualrun.parity.estate.Coverage coverage;

		private List<AlertView> alerts = List.of();

		/**
		 * @param alerts the alert pairs, written after the pairs
		 */
		void alerts(List<AlertView> alerts) {
			this.alerts = alerts;
		}

		/**
		 * @param estate the estate's coverage, written after the pairs; null for none
		 */
		void coverage(dev.dualrun.parity.estate.Coverage estate) {
			this.coverage = estate;
		}

		@Override
		public void close() {
			this.gen.writeEndArray();
			this.gen.writeName("alerts");
			this.gen.writeStartArray();
			for (AlertView a : this.alerts) {
				this.gen.writePOJO(JsonReport.alert(a));
			}
			this.gen.writeEndArray();
			if (this.coverage != null) {
				this.gen.writePOJOProperty("coverage", JsonReport.coverage(this.coverage));
			}
			this.gen.writeEndObject();
			this.gen.close();
		}

	}

	/**
	 * The estate's coverage in the JSON report: counts, a line per namespace, and each
	 * metric that blocks.
	 * @param c the coverage
	 * @return its JSON shape
	 */
	static Map<String, Object> coverage(dev.dualrun.parity.estate.Coverage c) {
		List<Map<String, Object>> blocking = new java.util.ArrayList<>();
		for (var e : c.entries()) {
			if (e.status() == dev.dualrun.parity.estate.Coverage.Status.UNCOVERED
					|| e.status() == dev.dualrun.parity.estate.Coverage.Status.EXCLUSION_EXPIRED) {
				blocking.add(map("namespace", e.metric().namespace(), "metric", e.metric().metric(), "dimensions",
						e.metric().dimensions(), "status", e.status().name(), "exclusion", e.by()));
			}
		}
		Map<String, Object> counts = new java.util.LinkedHashMap<>();
		for (var s : dev.dualrun.parity.estate.Coverage.Status.values()) {
			counts.put(s.name(), c.count(s));
		}
		return map("inventory", c.inventoryId(), "takenAt", c.takenAt().toString(), "system", c.system(), "complete",
				c.complete(), "metrics", c.entries().size(), "counts", counts, "namespaces", c.byNamespace(),
				"unlistedPairs", c.unlisted(), "blocking", blocking);
	}

	private static Map<String, Object> map(Object... keyValues) {
		Map<String, Object> m = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			m.put((String) keyValues[i], keyValues[i + 1]);
		}
		return m;
	}

}
