package dev.dualrun.parity.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dualrun.parity.compare.PairJudge;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.estate.Coverage;
import dev.dualrun.parity.estate.Estate;
import dev.dualrun.parity.report.ReportBuilder;
import dev.dualrun.parity.report.ReportWriter;
import dev.dualrun.parity.report.VerdictTextfile;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunRow;

/**
 * The work of step {@code report}: the q-values of the run's pairs (the judge's
 * false-discovery adjustment), the verdicts counted, the HTML, JSON and JUnit reports
 * rendered from the store and the textfile written, then the run closed: COMPLETED, or
 * FAILED when every pair and alert pair errored.
 */
public final class RunClosing {

	private static final Logger log = LoggerFactory.getLogger(RunClosing.class);

	/**
	 * Outside the tool's own loggers, so its lines go to the log file alone: the command
	 * that ran the job says an undelivered output once, on standard error.
	 */
	private static final Logger outputs = LoggerFactory.getLogger("parity.outputs");

	private final ParityStore store;

	private final ParityProperties properties;

	private final Clock clock;

	/**
	 * @param store the store
	 * @param properties the settings (where reports and the textfile go)
	 * @param clock the clock
	 */
	public RunClosing(ParityStore store, ParityProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Pushes the run's metrics when a Pushgateway is set. A Pushgateway that cannot be
	 * reached does not fail the run: its results are stored and reported; the command
	 * exits 3 naming the cause.
	 */
	private String push(long runId, RunRow run, String metrics) {
		if (this.properties.pushgateway() == null) {
			return null;
		}
		try {
			dev.dualrun.parity.report.VerdictPush.push(this.properties.pushgateway(), run.mappingSource(), metrics);
			log.info("run {}: verdicts pushed to the Pushgateway at {}", runId, this.properties.pushgateway());
			return null;
		}
		catch (java.io.IOException | RuntimeException ex) {
			String failure = "the Pushgateway at " + this.properties.pushgateway() + " did not take the verdicts: "
					+ Text.oneLine(String.valueOf(ex.getMessage()));
			outputs.warn("run {}: {}", runId, failure);
			return failure;
		}
	}

	/**
	 * Writes the textfile when one is set. A textfile that cannot be written does not
	 * fail the run: its results are stored and reported; the warning names the cause.
	 */
	private String textfile(long runId, String metrics) {
		if (this.properties.textfile() == null) {
			return null;
		}
		try {
			VerdictTextfile.write(this.properties.textfile(), metrics);
			return null;
		}
		catch (java.io.UncheckedIOException ex) {
			outputs.warn("run {}: {}", runId, ex.getMessage());
			return ex.getMessage();
		}
	}

	/**
	 * A closed run: its report, and what of its outputs could not be delivered.
	 *
	 * @param report the run's report
	 * @param undelivered why the verdicts did not reach the textfile or the Pushgateway,
	 * or null
	 */
	public record Closed(Path report, String undelivered) {
	}

	/**
	 * @param runId the run
	 * @return the run's report, and a textfile's or a Pushgateway's failure
	 */
	public Closed close(long runId) {
		this.store.saveQValues(runId, PairJudge.qValues(this.store.pValues(runId)));
		Instant finished = this.clock.instant();
		// counted first, closed last: the run is COMPLETED only once its report exists,
		// so a kill in between leaves it RUNNING and a restart writes the report again
		this.store.runs().count(runId);
		RunRow run = this.store.run(runId).orElseThrow();
		var alerts = this.store.alerts().verdicts(runId);
		boolean alertsErrored = alerts.stream().allMatch((a) -> "ERROR".equals(a.verdict()));
		boolean pairsErrored = run.errorCount() == run.pairsTotal();
		// nothing was judged: the run failed (a backend down, a wrong credential)
		boolean allErrored = (run.pairsTotal() > 0 || !alerts.isEmpty()) && pairsErrored && alertsErrored;
		String status = allErrored ? "FAILED" : "COMPLETED";
		String error = !allErrored ? null
				: (run.pairsTotal() > 0)
						? "every pair errored; first: " + this.store.results().firstError(runId).orElse("unknown")
						: "every alert pair errored; first: " + alerts.get(0).summary();
		RunRow counted = run.finished(status, finished, error);
		Coverage estate = Estate.ofMappingFile(this.store, run.mappingSource(),
				LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));
		Path file = new ReportWriter().write(new ReportBuilder(this.store, this.clock).withCoverage(estate), counted,
				this.properties.reportsDir());
		String undelivered = null;
		if (this.properties.textfile() != null || this.properties.pushgateway() != null) {
			// for node_exporter's textfile collector or a Pushgateway: a parity
			// regression can page someone
			String metrics = VerdictTextfile.of(counted, this.store.results().results(runId), estate, alerts);
			String textfile = textfile(runId, metrics);
			String pushed = push(runId, counted, metrics);
			undelivered = (textfile != null && pushed != null) ? textfile + "; " + pushed
					: (textfile != null) ? textfile : pushed;
		}
		this.store.runs().reported(runId, file.toString());
		this.store.runs().close(runId, status, finished, error);
		log.info("run {}: report {}", runId, file);
		return new Closed(file, undelivered);
	}

}
