package dev.dualrun.parity.batch;

import org.springframework.batch.core.job.JobExecution;

/**
 * What the job keeps in its execution context: the run id, so every step and a restart
 * find the run, and what of the run's outputs could not be delivered, for the command
 * that started it.
 */
public final class RunContext {

	static final String RUN_ID = "parity.run-id";

	static final String UNDELIVERED = "parity.undelivered";

	private RunContext() {
	}

	static Long runId(JobExecution execution) {
		return execution.getExecutionContext().containsKey(RUN_ID) ? execution.getExecutionContext().getLong(RUN_ID)
				: null;
	}

	/**
	 * @param execution the job's execution
	 * @return why an output of the run (its textfile, its push to a Pushgateway) was not
	 * delivered, or null
	 */
	public static String undelivered(JobExecution execution) {
		return execution.getExecutionContext().getString(UNDELIVERED, null);
	}

	static long requireRunId(JobExecution execution) {
		Long id = runId(execution);
		if (id == null) {
			throw new IllegalStateException("no run id in the job execution context: the plan step did not run");
		}
		return id;
	}

}
