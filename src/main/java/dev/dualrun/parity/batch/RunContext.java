package dev.dualrun.parity.batch;

import org.springframework.batch.core.job.JobExecution;

/**
 * The run id kept in the job's execution context, so every step and a restart find the
 * run.
 */
final class RunContext {

	static final String RUN_ID = "parity.run-id";

	private RunContext() {
	}

	static Long runId(JobExecution execution) {
		return execution.getExecutionContext().containsKey(RUN_ID) ? execution.getExecutionContext().getLong(RUN_ID)
				: null;
	}

	static long requireRunId(JobExecution execution) {
		Long id = runId(execution);
		if (id == null) {
			throw new IllegalStateException("no run id in the job execution context: the plan step did not run");
		}
		return id;
	}

}
