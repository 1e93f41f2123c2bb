package dev.dualrun.parity.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.dualrun.parity.compare.Verdict;
import dev.dualrun.parity.estate.Coverage;
import dev.dualrun.parity.store.PairResultRow;
import dev.dualrun.parity.store.RunRow;

/**
 * A run's verdicts as Prometheus metrics in the text exposition format, for
 * node_exporter's textfile collector: a parity regression can page someone. Written
 * atomically (a temporary file renamed over the old one), as the collector requires.
 *
 * <pre>
 * parity_pair_verdict{mapping="m.yml",pair="latency-root-get",verdict="PASS"} 1
 * parity_pair_passing{mapping="m.yml",pair="latency-root-get"} 1
 * parity_run_pairs{mapping="m.yml",verdict="FAIL"} 4
 * parity_run_timestamp_seconds{mapping="m.yml"} 1.7964e+09
 * </pre>
 */
public final class VerdictTextfile {

	private VerdictTextfile() {
	}

	/**
	 * @param run the run, finished
	 * @param results its pairs' results
	 * @param coverage the estate's coverage, or null
	 * @return the metrics in the text format
	 */
	public static String of(RunRow run, List<PairResultRow> results, Coverage coverage) {
		return of(run, results, coverage, List.of());
	}

	/**
	 * As {@link #of(RunRow, List, Coverage)}, with the alert pairs:
	 * {@code parity_alert_pair_verdict} and {@code parity_alert_pair_passing}.
	 * @param run the run
	 * @param results its pairs' results
	 * @param coverage the estate's coverage, or null
	 * @param alerts its alert pairs' results
	 * @return the metrics in the text format
	 */
	public static String of(RunRow run, List<PairResultRow> results, Coverage coverage,
			List<dev.dualrun.parity.store.AlertVerdictRow> alerts) {
		String text = pairs(run, results, coverage);
		if (alerts.isEmpty()) {
			return text;
		}
		String mapping = "mapping=\"" + escape(run.mappingSource()) + "\"";
		StringBuilder out = new StringBuilder(text);
		out.append("# HELP parity_alert_pair_verdict The verdict of each alert pair in the mapping's latest run: "
				+ "1 for the verdict it got.\n# TYPE parity_alert_pair_verdict gauge\n");
		alerts.forEach((a) -> out.append("parity_alert_pair_verdict{")
			.append(mapping)
			.append(",alert=\"")
			.append(escape(a.alertId()))
			.append("\",verdict=\"")
			.append(a.verdict())
			.append("\"} 1\n"));
		out.append("# HELP parity_alert_pair_passing 1 when the alert pair's verdict is PASS, else 0.\n"
				+ "# TYPE parity_alert_pair_passing gauge\n");
		alerts.forEach((a) -> out.append("parity_alert_pair_passing{")
			.append(mapping)
			.append(",alert=\"")
			.append(escape(a.alertId()))
			.append("\"} ")
			.append("PASS".equals(a.verdict()) ? 1 : 0)
			.append('\n'));
		return out.toString();
	}

	private static String pairs(RunRow run, List<PairResultRow> results, Coverage coverage) {
		String mapping = "mapping=\"" + escape(run.mappingSource()) + "\"";
		StringBuilder out = new StringBuilder();
		out.append("# HELP parity_pair_verdict The verdict of each pair in the mapping's latest run: 1 for the "
				+ "verdict it got.\n# TYPE parity_pair_verdict gauge\n");
		for (PairResultRow r : results) {
			out.append("parity_pair_verdict{")
				.append(mapping)
				.append(",pair=\"")
				.append(escape(r.pairId()))
				.append("\",verdict=\"")
				.append(r.verdict())
				.append("\"} 1\n");
		}
		out.append("# HELP parity_pair_passing 1 when the pair's verdict is PASS, else 0.\n"
				+ "# TYPE parity_pair_passing gauge\n");
		for (PairResultRow r : results) {
			out.append("parity_pair_passing{")
				.append(mapping)
				.append(",pair=\"")
				.append(escape(r.pairId()))
				.append("\"} ")
				.append(r.verdict().isPassing() ? 1 : 0)
				.append('\n');
		}
		run(out, mapping, run, results);
		if (coverage != null) {
			estate(out, mapping, coverage);
		}
		return out.toString();
	}

	/**
	 * The run's pairs by verdict, when it finished, its number and whether it completed.
	 */
	private static void run(StringBuilder out, String mapping, RunRow run, List<PairResultRow> results) {
		Map<String, Integer> counts = new TreeMap<>();
		for (Verdict v : Verdict.values()) {
			counts.put(v.name(), 0);
		}
		results.forEach((r) -> counts.merge(r.verdict().name(), 1, Integer::sum));
		out.append("# HELP parity_run_pairs Pairs of the mapping's latest run, by verdict.\n"
				+ "# TYPE parity_run_pairs gauge\n");
		counts.forEach((v, n) -> out.append("parity_run_pairs{")
			.append(mapping)
			.append(",verdict=\"")
			.append(v)
			.append("\"} ")
			.append(n)
			.append('\n'));
		java.time.Instant at = (run.finishedAt() != null) ? run.finishedAt() : run.startedAt();
		out.append("# HELP parity_run_timestamp_seconds When the mapping's latest run finished, in seconds since "
				+ "the epoch.\n# TYPE parity_run_timestamp_seconds gauge\n");
		out.append("parity_run_timestamp_seconds{")
			.append(mapping)
			.append("} ")
			.append(String.format(Locale.ROOT, "%.3f", at.toEpochMilli() / 1000.0))
			.append('\n');
		out.append("# HELP parity_run_id The number of the mapping's latest run.\n# TYPE parity_run_id gauge\n");
		out.append("parity_run_id{").append(mapping).append("} ").append(run.id()).append('\n');
		out.append("# HELP parity_run_completed 1 when the latest run completed, 0 when it failed.\n"
				+ "# TYPE parity_run_completed gauge\n");
		out.append("parity_run_completed{")
			.append(mapping)
			.append("} ")
			.append("COMPLETED".equals(run.status()) ? 1 : 0)
			.append('\n');
	}

	/** The old side's listed metrics by coverage status. */
	private static void estate(StringBuilder out, String mapping, Coverage coverage) {
		out.append("# HELP parity_estate_metrics The old side's listed metrics, by coverage status.\n"
				+ "# TYPE parity_estate_metrics gauge\n");
		for (Coverage.Status s : Coverage.Status.values()) {
			out.append("parity_estate_metrics{")
				.append(mapping)
				.append(",status=\"")
				.append(s.name())
				.append("\"} ")
				.append(coverage.count(s))
				.append('\n');
		}
	}

	/** The text format's label value escaping: backslash, double quote, line feed. */
	static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
	}

	/**
	 * Writes the file atomically, readable by every user (node_exporter reads it as its
	 * own).
	 * @param file the {@code .prom} file
	 * @param text its content
	 */
	public static void write(Path file, String text) {
		try {
			AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the textfile " + file + ": " + cause(ex), ex);
		}
	}

	/**
	 * The file system's reason, which the JDK's exceptions leave out of their message.
	 */
	private static String cause(IOException ex) {
		if (ex instanceof java.nio.file.AccessDeniedException denied) {
			return "permission denied (" + denied.getFile() + ")";
		}
		if (ex instanceof java.nio.file.NoSuchFileException missing) {
			return "no such file or directory (" + missing.getFile() + ")";
		}
		if (ex instanceof java.nio.file.FileAlreadyExistsException file) {
			// its directory could not be created: a file has the name
			return "not a directory (" + file.getFile() + " is a file)";
		}
		if (ex instanceof java.nio.file.NotDirectoryException notDirectory) {
			return "not a directory (" + notDirectory.getFile() + ")";
		}
		if (ex instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
			return fs.getReason().toLowerCase(java.util.Locale.ROOT) + " (" + fs.getFile() + ")";
		}
		return String.valueOf(ex.getMessage());
	}

}
