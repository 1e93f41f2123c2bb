package dev.dualrun.parity.cli;

import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.dualrun.parity.batch.ParityBatchApplication;
import dev.dualrun.parity.batch.ParityJobParameters;
import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunRow;

/**
 * The Spring application for one command: started with the command's flags as property
 * arguments (they win over environment and files), closed when the command ends.
 */
final class ParityApplicationContext implements StoreSession {

	private final ConfigurableApplicationContext context;

	private ParityApplicationContext(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static ParityApplicationContext start(List<String> propertyArgs) {
		return new ParityApplicationContext(
				new SpringApplicationBuilder(ParityBatchApplication.class).web(WebApplicationType.NONE)
					.logStartupInfo(false)
					.listeners(new StoreUserDefault())
					.run(propertyArgs.toArray(String[]::new)));
	}

	/**
	 * Runs a command that needs the store and the backends' settings.
	 * @param console where errors go
	 * @param store the store options
	 * @param backendArgs the backends' settings as property arguments
	 * @param command the command
	 * @return the command's exit code, or {@link ExitCodes#RUNTIME} if it failed
	 */
	static int withStore(Console console, StoreOptions store, List<String> backendArgs,
			java.util.function.ToIntFunction<ParityApplicationContext> command) {
		List<String> args = new java.util.ArrayList<>(backendArgs);
		store.addTo(args);
		try (ParityApplicationContext context = start(args)) {
			return command.applyAsInt(context);
		}
		catch (RuntimeException ex) {
			return JobRun.failed(console, ex, args);
		}
	}

	@Override
	public boolean embeddedStore() {
		return this.context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
	}

	@Override
	public ParityStore store() {
		return this.context.getBean(ParityStore.class);
	}

	@Override
	public ParityProperties properties() {
		return this.context.getBean(ParityProperties.class);
	}

	/**
	 * Runs the parity job to its end.
	 * @param parameters the job parameters
	 * @return the outcome
	 * @throws Exception if the job cannot be launched
	 */
	Outcome run(ParityJobParameters parameters) throws Exception {
		JobExecution execution = this.context.getBean(JobOperator.class)
			.start(this.context.getBean("parityJob", Job.class), parameters.toJobParameters());
		return outcome(execution);
	}

	/**
	 * Continues a run. A failed run is restarted by Spring Batch where it stopped. A run
	 * whose process died (killed, out of memory, the machine lost) left its job execution
	 * STARTED: it is recovered with Spring Batch's own
	 * {@link JobOperator#recover(JobExecution)} (marked FAILED with its running steps),
	 * then restarted. The embedded H2 database is locked by the process that opened it,
	 * so a STARTED execution seen from here belongs to a process that no longer runs. A
	 * completed run with ERROR pairs is resumed for those pairs alone, as a new job
	 * execution of the same run. In every case pairs already judged are kept and
	 * CloudWatch is not asked again for pairs it already answered.
	 * @param run the run
	 * @return the outcome
	 * @throws Exception if the run cannot be restarted
	 */
	Outcome restart(RunRow run) throws Exception {
		JobRepository repository = this.context.getBean(JobRepository.class);
		JobOperator operator = this.context.getBean(JobOperator.class);
		JobExecution last = (run.jobExecutionId() != null) ? repository.getJobExecution(run.jobExecutionId()) : null;
		if (last == null) {
			throw new ConfigurationException("run " + run.id() + " has no job execution to restart");
		}
		if (run.judgedFrom() != null) {
			throw new ConfigurationException("run " + run.id() + " is a re-judgement of run " + run.judgedFrom()
					+ "; restart run " + run.judgedFrom() + " or judge it again");
		}
		if (last.getStatus() == BatchStatus.COMPLETED) {
			if (run.errorCount() == 0 && "COMPLETED".equals(run.status())) {
				throw new ConfigurationException("run " + run.id() + " completed with no ERROR pair: nothing to "
						+ "restart (start a new run with the same window instead)");
			}
			ParityJobParameters resume = ParityJobParameters.of(last.getJobParameters())
				.resuming(run.id(), java.time.Clock.systemUTC().instant());
			return outcome(operator.start(this.context.getBean("parityJob", Job.class), resume.toJobParameters()));
		}
		boolean remote = ParityJobParameters.of(last.getJobParameters()).remote();
		if (remote) {
			checkRemote("run " + run.id() + " was partitioned across workers; restart it", false);
		}
		// a manager that stopped waiting (parity.remote.timeout) left the partitions it
		// waited for unfinished: they are recovered with the job's execution
		boolean unfinishedPartitions = remote
				&& last.getStepExecutions().stream().anyMatch((s) -> s.getStatus().isRunning());
		if (last.getStatus().isRunning() || unfinishedPartitions) {
			last = operator.recover(last);
		}
		JobExecution execution = operator.restart(last);
		return outcome(execution);
	}

	/**
	 * Runs the parity job with its pairs fetched and judged by remote workers, as the
	 * settings partition them ({@code parity.remote.*}).
	 * @param parameters the job parameters
	 * @return the outcome
	 * @throws Exception if the job cannot be launched
	 */
	Outcome runRemote(ParityJobParameters parameters) throws Exception {
		// the broker is reached by the manager's first step: a broker down fails the run,
		// recorded
		checkRemote("run --remote", false);
		dev.dualrun.parity.config.RemoteProperties remote = this.context
			.getBean(dev.dualrun.parity.batch.RemoteBroker.class)
			.properties();
		return run(parameters.remotely(new ParityJobParameters.Partitioning(remote.workers(), remote.partitionSize())));
	}

	/**
	 * Checks that this process can take part in remote partitioning: a broker set up, and
	 * a store the manager and its workers share.
	 * @param who the command, for messages
	 * @param reach whether to open a connection to the broker too
	 * @return where partitions go and where results are stored, for messages
	 * @throws ConfigurationException if the broker or the shared store is missing
	 * @throws dev.dualrun.parity.source.SourceException if the broker cannot be reached
	 */
	String checkRemote(String who, boolean reach) {
		dev.dualrun.parity.batch.RemoteBroker broker = this.context
			.getBeanProvider(dev.dualrun.parity.batch.RemoteBroker.class)
			.getIfAvailable();
		if (broker == null) {
			throw new ConfigurationException(
					who + ": no broker: give --broker amqp://user:password@host:5672 or set " + "PARITY_REMOTE_BROKER");
		}
		if (reach) {
			broker.check();
		}
		String url = this.context.getEnvironment().getProperty("spring.datasource.url", "");
		if (!url.startsWith("jdbc:postgresql:")) {
			throw new ConfigurationException(who + ": the manager and its workers share one store: give "
					+ "--datasource-url jdbc:postgresql://host:5432/db (the embedded H2 is one process's alone)");
		}
		return broker.describe() + ", store " + StoreLocation.masked(url);
	}

	/**
	 * A worker starts taking partitions, once it has checked the broker and the store.
	 */
	void startWorker() {
		this.context.getBean(dev.dualrun.parity.batch.RemoteBroker.class).startConsuming();
	}

	/**
	 * @return a latch released when the application closes (SIGTERM, the JVM's shutdown)
	 */
	java.util.concurrent.CountDownLatch onClose() {
		java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
		this.context.addApplicationListener(
				(org.springframework.context.ApplicationListener<org.springframework.context.event.ContextClosedEvent>) (
						event) -> closed.countDown());
		return closed;
	}

	private Outcome outcome(JobExecution execution) {
		Long runId = execution.getExecutionContext().containsKey("parity.run-id")
				? execution.getExecutionContext().getLong("parity.run-id") : null;
		RunRow run = (runId != null) ? store().run(runId).orElse(null) : null;
		List<String> alerts = (runId != null) ? store().alerts()
			.results(runId)
			.stream()
			.map(dev.dualrun.parity.store.AlertResultRow::verdict)
			.toList() : List.of();
		return new Outcome(execution, run, alerts);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * A finished job and its run.
	 *
	 * @param execution the job execution
	 * @param run the run row, null if the job failed before recording it
	 * @param alertVerdicts the verdicts of its alert pairs
	 */
	record Outcome(JobExecution execution, RunRow run, List<String> alertVerdicts) {

		int exitCode() {
			boolean configuration = this.execution.getAllFailureExceptions()
				.stream()
				.anyMatch(Outcome::isConfiguration);
			if (configuration) {
				return ExitCodes.CONFIGURATION;
			}
			if (this.execution.getStatus() != BatchStatus.COMPLETED || this.run == null
					|| "FAILED".equals(this.run.status())) {
				return ExitCodes.RUNTIME;
			}
			return ExitCodes.of(this.run, this.alertVerdicts);
		}

		/**
		 * @return the alert pairs' verdicts counted, e.g. {@code 3 PASS, 1 FAIL}
		 */
		String alertCounts() {
			java.util.Map<String, Long> counts = new java.util.TreeMap<>(this.alertVerdicts.stream()
				.collect(java.util.stream.Collectors.groupingBy((v) -> v, java.util.stream.Collectors.counting())));
			return counts.entrySet()
				.stream()
				.map((e) -> e.getValue() + " " + e.getKey())
				.collect(java.util.stream.Collectors.joining(", "));
		}

		private static boolean isConfiguration(Throwable t) {
			for (Throwable c = t; c != null; c = c.getCause()) {
				if (c instanceof ConfigurationException) {
					return true;
				}
			}
			return false;
		}

	}

}
