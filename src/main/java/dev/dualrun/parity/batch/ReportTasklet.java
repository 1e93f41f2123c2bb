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
 * Step {@code report}: closes the run (COMPLETED, or FAILED when every pair errored) and
 * renders its HTML and JSON reports from the store.
 */
final class ReportTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

	private final ParityStore store;

	private final ParityProperties properties;

	private final Clock clock;

	ReportTasklet(ParityStore store, ParityProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long runId = RunContext.requireRunId(contribution.getStepExecution().getJobExecution());
		this.store.runs().finish(runId, "COMPLETED", this.clock.instant(), null);
		RunRow run = this.store.run(runId).orElseThrow();
		if (run.pairsTotal() > 0 && run.errorCount() == run.pairsTotal()) {
			String cause = this.store.results().results(runId).get(0).error();
			this.store.runs().finish(runId, "FAILED", this.clock.instant(), "every pair errored; first: " + cause);
		}
		Path file = new ReportWriter().write(new ReportBuilder(this.store, this.clock).build(runId),
				this.properties.reportsDir());
		this.store.runs().reported(runId, file.toString());
		log.info("run {}: report {}", runId, file);
		return RepeatStatus.FINISHED;
	}

}
