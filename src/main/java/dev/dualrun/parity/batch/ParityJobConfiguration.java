package dev.dualrun.parity.batch;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.run.AlertJudging;
import dev.dualrun.parity.run.JudgedPair;
import dev.dualrun.parity.run.OldSideFetch;
import dev.dualrun.parity.run.PairComparison;
import dev.dualrun.parity.run.Recheck;
import dev.dualrun.parity.run.RunClosing;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.AlertResultRow;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunAlertRow;

/**
 * The {@code parity} job, wired: {@code plan}, {@code fetch-old}, {@code compare},
 * {@code recheck}, {@code alerts} and {@code report}. The work of each step is in the
 * Spring-free {@code run} package; here each is a reader and a writer whose writes join
 * the chunk's transaction. Only {@code plan} never runs twice: the other steps work on
 * what is not done yet, so a restart of a failed run picks up the pairs that errored or
 * were never judged.
 */
@Configuration(proxyBeanMethods = false)
public class ParityJobConfiguration {

	/** The run id of a step's job, for step-scoped beans. */
	private static final String RUN_ID = "#{jobExecutionContext['" + RunContext.RUN_ID + "']}";

	/**
	 * Binds {@code parity.*} with the tool's one duration syntax, each source its own
	 * prefix.
	 */
	@Bean
	ParityProperties parityProperties(Environment environment) {
		return SettingsBinding.of(environment);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The store on a transaction-aware proxy of the data source: inside a step its writes
	 * join the step's (or the chunk's) transaction, so Spring Batch's commit and rollback
	 * guard them; outside one, each write commits on its own.
	 */
	@Bean
	ParityStore parityStore(DataSource dataSource, Clock clock) {
		return ParityStore.open(new TransactionAwareDataSourceProxy(dataSource), clock);
	}

	/**
	 * The job. Where a broker is set up ({@code parity.remote.broker}), a run started
	 * {@code --remote} (job parameter {@code partitioned=remote}) takes the manager's
	 * steps {@code fetch-old-remote} and {@code compare-remote} in place of
	 * {@code fetch-old} and {@code compare}; its restarts do too.
	 */
	@Bean
	Job parityJob(JobRepository jobRepository, Step planStep, Step fetchOldStep, Step compareStep, Step recheckStep,
			Step alertsStep, Step reportStep, ParityStore store, Clock clock, ParityProperties properties,
			ObjectProvider<RemoteSteps> remoteSteps) {
		RunCompletionListener listener = new RunCompletionListener(store, clock, properties.settle());
		RemoteSteps remote = remoteSteps.getIfAvailable();
		if (remote == null) {
			return new JobBuilder(ParityJobParameters.JOB_NAME, jobRepository).start(planStep)
				.next(fetchOldStep)
				.next(compareStep)
				.next(recheckStep)
				.next(alertsStep)
				.next(reportStep)
				.listener(listener)
				.build();
		}
		JobExecutionDecider where = (execution, step) -> new FlowExecutionStatus(
				ParityJobParameters.of(execution.getJobParameters()).remote() ? "REMOTE" : "LOCAL");
		return new JobBuilder(ParityJobParameters.JOB_NAME, jobRepository).start(planStep)
			.next(where)
			.on("REMOTE")
			.to(remote.fetchOld())
			.next(remote.compare())
			.next(recheckStep)
			.from(where)
			.on("*")
			.to(fetchOldStep)
			.next(compareStep)
			.next(recheckStep)
			.next(alertsStep)
			.next(reportStep)
			.end()
			.listener(listener)
			.build();
	}

	@Bean
	Step planStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ParityStore store,
			ParityProperties properties, Clock clock) {
		return new StepBuilder("plan", jobRepository)
			.tasklet(new PlanTasklet(store, properties, clock), transactionManager)
			.listener(new StepProgress())
			.build();
	}

	/**
	 * One item per call to the old side, the calls made ahead by the reader, the answers
	 * committed every {@code concurrency} calls: a kill loses at most the calls not yet
	 * committed.
	 */
	@Bean
	Step fetchOldStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FetchOldItems fetchOldItems, ParityProperties properties) {
		return fetchOldStep("fetch-old", jobRepository, transactionManager, fetchOldItems, properties);
	}

	static Step fetchOldStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FetchOldItems items, ParityProperties properties) {
		return new StepBuilder(name, jobRepository)
			.<List<EvidenceRow>, List<EvidenceRow>>chunk(Sources.concurrency(properties, Side.OLD))
			.transactionManager(transactionManager)
			.reader(items)
			.writer(items)
			.allowStartIfComplete(true)
			.listener(new StepProgress())
			.build();
	}

	@Bean
	@StepScope
	FetchOldItems fetchOldItems(ParityStore store, ParityProperties properties, Clock clock, @Value(RUN_ID) Long runId,
			@Value("#{stepExecution}") StepExecution step) {
		OldSideFetch fetch = new OldSideFetch(store, properties, clock, runId,
				PartitionContext.partition(step.getExecutionContext()));
		return new FetchOldItems(store, fetch, runId, step.getId());
	}

	/**
	 * Pairs fetched from the new side and judged ahead by the reader, written in chunks.
	 */
	@Bean
	Step compareStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CompareItems compareItems, ParityProperties properties) {
		return compareStep("compare", jobRepository, transactionManager, compareItems, properties);
	}

	static Step compareStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CompareItems items, ParityProperties properties) {
		return new StepBuilder(name, jobRepository)
			.<JudgedPair, JudgedPair>chunk(
					2 * Math.max(properties.threads(), Sources.concurrency(properties, Side.NEW)))
			.transactionManager(transactionManager)
			.reader(items)
			.writer(items)
			.allowStartIfComplete(true)
			.listener(new StepProgress())
			.build();
	}

	@Bean
	@StepScope
	CompareItems compareItems(ParityStore store, ParityProperties properties, Clock clock, @Value(RUN_ID) Long runId,
			@Value("#{stepExecution}") StepExecution step) {
		PairComparison comparison = new PairComparison(store, properties, clock, runId,
				PartitionContext.partition(step.getExecutionContext()));
		return new CompareItems(store, comparison, runId, step.getId());
	}

	/** The settle rule: its pause and second reads hold no transaction. */
	@Bean
	Step recheckStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RecheckItems recheckItems) {
		return new StepBuilder("recheck", jobRepository).<Recheck.Settled, Recheck.Settled>chunk(100)
			.transactionManager(transactionManager)
			.reader(recheckItems)
			.writer(recheckItems)
			.allowStartIfComplete(true)
			.listener(new StepProgress())
			.build();
	}

	@Bean
	@StepScope
	RecheckItems recheckItems(ParityStore store, ParityProperties properties, Clock clock, @Value(RUN_ID) Long runId,
			@Value("#{stepExecution}") StepExecution step) {
		return new RecheckItems(store, new Recheck(store, properties, clock, runId), step.getId());
	}

	/**
	 * The alert pairs not judged yet, each judgement written in the chunk's transaction.
	 */
	@Bean
	Step alertsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, AlertItems alertItems) {
		return new StepBuilder("alerts", jobRepository).<RunAlertRow, AlertResultRow>chunk(4)
			.transactionManager(transactionManager)
			.reader(alertItems)
			.processor(alertItems)
			.writer(alertItems)
			.allowStartIfComplete(true)
			.listener(new StepProgress())
			.build();
	}

	@Bean
	@StepScope
	AlertItems alertItems(ParityStore store, ParityProperties properties, Clock clock, @Value(RUN_ID) Long runId) {
		return new AlertItems(store, new AlertJudging(properties, clock), runId);
	}

	/** The report written and the run closed; it runs again on every restart. */
	@Bean
	Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ParityStore store,
			ParityProperties properties, Clock clock) {
		RunClosing closing = new RunClosing(store, properties, clock);
		return new StepBuilder("report", jobRepository).tasklet((contribution, chunk) -> {
			var job = contribution.getStepExecution().getJobExecution();
			RunClosing.Closed closed = closing.close(RunContext.requireRunId(job));
			if (closed.undelivered() != null) {
				job.getExecutionContext().putString(RunContext.UNDELIVERED, closed.undelivered());
			}
			return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
		}, transactionManager).allowStartIfComplete(true).listener(new StepProgress()).build();
	}

}
