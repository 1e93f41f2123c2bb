package dev.dualrun.parity.batch;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunRow;

/**
 * Keeps the run row and the job execution in step: a job that failed marks its run FAILED
 * with the first cause in one line; a run whose every pair errored fails its job, so a
 * restart retries the errored pairs.
 */
final class RunCompletionListener implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RunCompletionListener.class);

	private final ParityStore store;

	private final Clock clock;

	private final java.time.Duration settle;

	RunCompletionListener(ParityStore store, Clock clock, java.time.Duration settle) {
		this.store = store;
		this.clock = clock;
		this.settle = settle;
	}

	/**
	 * Records a new run (outside any step's transaction, so a failing plan leaves it
	 * FAILED, not absent), or takes up the run of a restarted or resumed job.
	 */
	@Override
	public void beforeJob(JobExecution execution) {
		Long runId = RunContext.runId(execution);
		if (runId != null) {
			this.store.runs().resumed(runId, execution.getId());
			log.info("run {}: restarted as job execution {}", runId, execution.getId());
			return;
		}
		ParityJobParameters params = ParityJobParameters.of(execution.getJobParameters());
		if (params.resumeRun() != null) {
			execution.getExecutionContext().putLong(RunContext.RUN_ID, params.resumeRun());
			this.store.runs().resumed(params.resumeRun(), execution.getId());
			log.info("run {}: resumed as job execution {} for its pairs that errored", params.resumeRun(),
					execution.getId());
			return;
		}
		long id = this.store.runs()
			.insert(params.mapping(), params.pairs().isEmpty() ? null : String.join(",", params.pairs()), params.from(),
					params.to(), (int) this.settle.toSeconds(), this.clock.instant(), execution.getId());
		execution.getExecutionContext().putLong(RunContext.RUN_ID, id);
	}

	@Override
	public void afterJob(JobExecution execution) {
		Long runId = RunContext.runId(execution);
		if (runId == null) {
			return;
		}
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			String cause = execution.getAllFailureExceptions()
				.stream()
				.findFirst()
				.map(RunCompletionListener::rootMessage)
				.orElse("job ended " + execution.getStatus());
			this.store.runs().finish(runId, "FAILED", this.clock.instant(), cause);
			log.info("run {}: FAILED ({})", runId, cause);
			return;
		}
		RunRow run = this.store.run(runId).orElseThrow();
		if ("FAILED".equals(run.status())) {
			execution.setStatus(BatchStatus.FAILED);
			execution.setExitStatus(ExitStatus.FAILED.addExitDescription(run.error()));
		}
		log.info("run {}: {}, {} pair(s): {}", runId, run.status(), run.pairsTotal(), run.counts());
	}

	/**
	 * @param failure a failure
	 * @return the message of our own cause (configuration or source) if any, on one line
	 */
	static String rootMessage(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ConfigurationException || t instanceof SourceException) {
				return Text.oneLine(t.getMessage());
			}
		}
		return Text.oneLine((failure.getMessage() != null) ? failure.getMessage() : failure.toString());
	}

}
