package dev.dualrun.parity.batch;

import java.time.Clock;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.run.Plan;
import dev.dualrun.parity.run.RunPlanner;
import dev.dualrun.parity.store.ParityStore;

/**
 * Step {@code plan}: the run planned ({@link RunPlanner}) and its plan stored in the
 * step's transaction, with the systems it will read (the run itself was recorded before
 * the job, so a mapping error leaves it FAILED with the cause). A resumed run keeps its
 * plan.
 */
record PlanTasklet(ParityStore store, ParityProperties properties, Clock clock) implements Tasklet {

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var job = contribution.getStepExecution().getJobExecution();
		ParityJobParameters params = ParityJobParameters.of(job.getJobParameters());
		if (params.resumeRun() == null) {
			long runId = RunContext.requireRunId(job);
			Plan plan = new RunPlanner(this.properties, this.clock).plan(runId, params.request());
			this.store.plan(runId, plan.pairs());
			this.store.planAlerts(plan.alerts());
			this.store.saveBackends(plan.backends(runId, contribution.getStepExecution().getId()));
			this.store.runs()
				.planned(runId, plan.mappingSha256(), plan.start(), plan.end(), plan.pairs().size(),
						plan.minimumCalls());
		}
		return RepeatStatus.FINISHED;
	}

}
