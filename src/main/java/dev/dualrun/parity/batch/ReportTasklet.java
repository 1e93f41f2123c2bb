package dev.dualrun.parity.batch;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.report.ReportBuilder;
import dev.dualrun.parity.report.ReportWriter;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunRow;

/**
 * Step {@code report}: counts the verdicts, renders the HTML, JSON and JUnit reports from
 * the store, then closes the run (COMPLETED, or FAILED when every pair errored).
 */
record ReportTasklet(ParityStore store, ParityProperties properties, Clock clock) implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long runId = RunContext.requireRunId(contribution.getStepExecution().getJobExecution());
		this.store.adjustFalseDiscoveries(runId);
		java.time.Instant finished = this.clock.instant();
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
		var estate = dev.dualrun.parity.estate.Estate.ofMappingFile(this.store, run.mappingSource(),
				java.time.LocalDate.ofInstant(this.clock.instant(), java.time.ZoneOffset.UTC));
		Path file = new ReportWriter().write(new ReportBuilder(this.store, this.clock).withCoverage(estate), counted,
				this.properties.reportsDir());
		if (this.properties.textfile() != null) {
			// for node_exporter's textfile collector: a parity regression can page
			// someone
			dev.dualrun.parity.report.VerdictTextfile.write(this.properties.textfile(),
					dev.dualrun.parity.report.VerdictTextfile.of(counted, this.store.results().results(runId), estate,
							alerts));
		}
		this.store.runs().reported(runId, file.toString());
		this.store.runs().close(runId, status, finished, error);
		log.info("run {}: report {}", runId, file);
		return RepeatStatus.FINISHED;
	}

}
