package dev.dualrun.parity.batch;

import java.util.List;
import java.util.concurrent.TimeoutException;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import dev.dualrun.parity.config.RemoteProperties;
import dev.dualrun.parity.config.Text;

/**
 * Words the failure of a manager step for the person who reads the run: which partition
 * failed on a worker and why, or which were not finished when the manager stopped waiting
 * (and where it was waiting), instead of Spring Batch's "Partition handler returned an
 * unsuccessful step".
 */
final class RemoteManagerListener implements StepExecutionListener {

	private final JobRepository jobRepository;

	private final String workerStep;

	private final RemoteBroker broker;

	RemoteManagerListener(JobRepository jobRepository, String workerStep, RemoteBroker broker) {
		this.jobRepository = jobRepository;
		this.workerStep = workerStep;
		this.broker = broker;
	}

	/**
	 * The broker is reached before any partition is planned: a step that cannot send
	 * fails at once, in one line.
	 */
	@Override
	public void beforeStep(StepExecution manager) {
		this.broker.check();
	}

	@Override
	public ExitStatus afterStep(StepExecution manager) {
		if (!manager.getStatus().isUnsuccessful()) {
			return null;
		}
		List<StepExecution> partitions = this.jobRepository.getJobExecution(manager.getJobExecutionId())
			.getStepExecutions()
			.stream()
			.filter((s) -> s.getStepName().startsWith(this.workerStep + ":"))
			.toList();
		String cause = null;
		for (StepExecution p : partitions) {
			if (p.getStatus().isUnsuccessful()) {
				cause = "partition " + p.getStepName().substring(this.workerStep.length() + 1) + " failed on a worker: "
						+ firstLine(p.getExitStatus().getExitDescription());
				break;
			}
		}
		boolean timedOut = manager.getFailureExceptions().stream().anyMatch((t) -> t instanceof TimeoutException);
		if (cause == null && timedOut) {
			RemoteProperties remote = this.broker.properties();
			List<String> open = partitions.stream()
				.filter((p) -> p.getStatus().isRunning())
				.map((p) -> p.getStepName().substring(this.workerStep.length() + 1))
				.toList();
			cause = open.size() + " partition(s) not finished after " + remote.timeout().toMinutes()
					+ " min (parity.remote.timeout): " + String.join(", ", open.subList(0, Math.min(5, open.size())))
					+ ((open.size() > 5) ? ", ..." : "") + "; are workers running on queue '" + remote.queue() + "' of "
					+ remote.brokerForDisplay() + "? restart the run to send them again";
		}
		if (cause != null) {
			// the step's failure in its stead (the job reads a set of its failures, in no
			// order), Spring Batch's kept as the cause
			List<Throwable> failures = manager.getFailureExceptions();
			Throwable original = failures.isEmpty() ? null : failures.get(0);
			failures.clear();
			failures.add(new RemotePartitionException(cause, original));
			return ExitStatus.FAILED.addExitDescription(cause);
		}
		return null;
	}

	/**
	 * @param description a step's exit description (a stack trace, often)
	 * @return its first line without the exception's class name
	 */
	static String firstLine(String description) {
		if (description == null || description.isBlank()) {
			return "no description";
		}
		String line = description.lines().findFirst().orElse("");
		return Text.oneLine(line.replaceFirst("^[\\w.$]+(Exception|Error): ", ""));
	}

	/** A partitioned step that failed, in one line. */
	static final class RemotePartitionException extends RuntimeException {

		RemotePartitionException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
