package dev.dualrun.parity.batch;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

import dev.dualrun.parity.config.Text;

/**
 * A worker's handling of one partition request: Spring Batch's
 * {@link StepExecutionRequestHandler} runs the partition's step, after two checks of the
 * shared job repository. A request whose run has ended (its manager gave up, or the run
 * was recovered for a restart that sent requests of its own) or whose partition has
 * finished is skipped: a request left in the queue never runs a partition twice. And a
 * step that failed before it could record its end is recorded FAILED, so that the
 * manager, which reads the repository, does not wait for it.
 */
final class PartitionWorker {

	private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

	private final JobRepository jobRepository;

	private final StepExecutionRequestHandler handler = new StepExecutionRequestHandler();

	PartitionWorker(JobRepository jobRepository, Map<String, org.springframework.batch.core.step.Step> steps) {
		this.jobRepository = jobRepository;
		this.handler.setJobRepository(jobRepository);
		this.handler.setStepLocator(steps::get);
	}

	void handle(StepExecutionRequest request) {
		StepExecution partition = this.jobRepository.getStepExecution(request.getStepExecutionId());
		if (partition == null) {
			log.warn(
					"partition request for step execution {} ({}): not in this store, skipped (do the manager and "
							+ "this worker use the same database?)",
					request.getStepExecutionId(), Text.oneLine(request.getStepName()));
			return;
		}
		Long runId = RunContext.runId(partition.getJobExecution());
		if (!partition.getJobExecution().getStatus().isRunning() || !partition.getStatus().isRunning()) {
			log.info(
					"run {}: partition {} skipped: the partition is {} and its job execution {} (a request left "
							+ "from an earlier attempt)",
					runId, partition.getStepName(), partition.getStatus(), partition.getJobExecution().getStatus());
			return;
		}
		if (partition.getStatus() == BatchStatus.STARTED) {
			log.info("run {}: partition {} taken up again (the worker that had it stopped before its end)", runId,
					partition.getStepName());
		}
		StepExecution done = this.handler.handle(request);
		StepExecution stored = this.jobRepository.getStepExecution(done.getId());
		if (done.getStatus().isUnsuccessful() && stored != null && stored.getStatus().isRunning()) {
			done.setEndTime(java.time.LocalDateTime.now());
			this.jobRepository.update(done);
		}
	}

}
