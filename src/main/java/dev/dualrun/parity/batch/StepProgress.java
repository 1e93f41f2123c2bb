package dev.dualrun.parity.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Logs each step's start and end with the run, so a person sees where a night is. */
final class StepProgress implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(StepProgress.class);

	@Override
	public void beforeStep(StepExecution step) {
		log.info("run {}: step {} started", RunContext.runId(step.getJobExecution()), step.getStepName());
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		log.info("run {}: step {} {} in {} ms ({} item(s))", RunContext.runId(step.getJobExecution()),
				step.getStepName(), step.getStatus(),
				(step.getStartTime() != null)
						? java.time.Duration.between(step.getStartTime(), java.time.LocalDateTime.now()).toMillis() : 0,
				step.getWriteCount());
		return null;
	}

}
