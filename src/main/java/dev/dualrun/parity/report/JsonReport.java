package dev.dualrun.parity.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.store.RunRow;

/**
 * The machine-readable report, {@code run-<id>.json}: a stable, versioned schema
 * documented in the README (not the internal report model). {@code schemaVersion} changes
 * only when a field is removed or changes meaning; new fields may appear within a
 * version.
 *
 * @param schema always {@code parity-validator/run}
 * @param schemaVersion 2 (version 1, superseded: {@code run.cloudwatch} and
 * {@code run.prometheus}, {@code pairs[].cloudwatchQuery} and {@code pairs[].promql}, the
 * codes {@code GAP_PROMETHEUS} and {@code GAP_CLOUDWATCH})
 * @param run the run
 * @param pairs one entry per planned pair, in mapping order
 */
public record JsonReport(String schema, int schemaVersion, Run run, List<Pair> pairs) {

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
				report.pairs().stream().map(JsonReport::pair).toList());
	}

	static final String SCHEMA = "parity-validator/run";

	static final int VERSION = 2;

	static Run run(RunRow r, Map<String, Integer> counts) {
		return new Run(r.id(), r.status(), r.error(), String.valueOf(r.startedAt()),
				(r.finishedAt() != null) ? r.finishedAt().toString() : null,
				(r.windowStart() != null) ? r.windowStart().toString() : null,
				(r.windowEnd() != null) ? r.windowEnd().toString() : null, r.mappingSource(), r.mappingSha256(),
				r.judgedFrom(), counts,
				map("system", r.oldSystem(), "location", r.oldLocation(), "region", r.oldRegion(), "version",
						r.oldVersion(), "calls", r.oldCalls(), "minimumCalls", r.oldMinCalls(), "metricsRequested",
						r.oldMetrics(), "retries", r.oldRetries()),
				map("system", r.newSystem(), "location", r.newLocation(), "version", r.newVersion(), "rangeSelectors",
						r.newRangeRule(), "requests", r.newCalls(), "retries", r.newRetries()));
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

		/**
		 * @param estate the estate's coverage, written after the pairs; null for none
		 */
		void coverage(dev.dualrun.parity.estate.Coverage estate) {
			this.coverage = estate;
		}

		@Override
		public void close() {
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
