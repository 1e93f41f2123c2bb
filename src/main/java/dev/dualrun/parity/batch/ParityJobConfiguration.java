package dev.dualrun.parity.batch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.AlertResultRow;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunAlertRow;
import dev.dualrun.parity.store.RunPairRow;

/**
 * The {@code parity} job: {@code plan} (mapping to stored plan), {@code fetch-old} (the
 * old side's series in the fewest calls, evidence stored), {@code compare} (the new side
 * fetched and pairs judged concurrently, written in chunks), {@code recheck} (the settle
 * rule), {@code alerts} (alert pairs read, replayed and judged) and {@code report} (HTML,
 * JSON and JUnit XML). The steps only wire: the sources are found by type in
 * {@link Sources}. Only {@code plan} never runs twice: the other steps work on what is
 * not done yet, so a restart of a failed run picks up the pairs that errored or were
 * never judged.
 */
@Configuration(proxyBeanMethods = false)
public class ParityJobConfiguration {

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
	 * One item per call to the old side (CloudWatch: one GetMetricData call), made ahead
	 * by the reader (as many in flight as the old systems allow, each source within its
	 * own limits), the series committed every {@code concurrency} calls: a kill loses at
	 * most the calls not yet committed.
	 */
	@Bean
	Step fetchOldStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ItemStreamReader<List<EvidenceRow>> fetchOld, ParityStore store, ParityProperties properties) {
		return fetchOldStep("fetch-old", jobRepository, transactionManager, fetchOld, store, properties);
	}

	/**
	 * @param name the step's name: {@code fetch-old}, or {@code fetch-old-partition} on a
	 * remote worker
	 * @param jobRepository the job repository
	 * @param transactionManager the transaction manager
	 * @param fetchOld the step-scoped reader
	 * @param store the store
	 * @param properties the settings
	 * @return the step
	 */
	static Step fetchOldStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ItemStreamReader<List<EvidenceRow>> fetchOld, ParityStore store, ParityProperties properties) {
		// one commit per `concurrency` calls: each commit is written through
		// (WRITE_DELAY=0)
		return new StepBuilder(name, jobRepository)
			.<List<EvidenceRow>, List<EvidenceRow>>chunk(
					Sources.concurrency(properties, dev.dualrun.parity.config.Side.OLD))
			.transactionManager(transactionManager)
			.reader(fetchOld)
			.writer((chunk) -> store.saveEvidence(chunk.getItems().stream().flatMap(List::stream).toList()))
			.allowStartIfComplete(true)
			.listener(new StepProgress())
			.build();
	}

	@Bean
	@StepScope
	ItemStreamReader<List<EvidenceRow>> fetchOld(ParityStore store, ParityProperties properties, Clock clock,
			@Value("#{jobExecutionContext['" + RunContext.RUN_ID + "']}") Long runId,
			@Value("#{stepExecution}") StepExecution step) {
		return new FetchOldReader(store, properties, clock, runId, PairPartition.of(step.getExecutionContext()))
			.reader();
	}

	/**
	 * Pairs fetched from the new side and judged ahead by the reader
	 * ({@code parity.prometheus.concurrency} at once, judging held to {@code --threads}),
	 * their results written in chunks.
	 */
	@Bean
	Step compareStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ItemStreamReader<JudgedPair> judgedPairs, ParityStore store, ParityProperties properties) {
		return compareStep("compare", jobRepository, transactionManager, judgedPairs, store, properties);
	}

	/**
	 * @param name the step's name: {@code compare}, or {@code compare-partition} on a
	 * remote worker
	 * @param jobRepository the job repository
	 * @param transactionManager the transaction manager
	 * @param judgedPairs the step-scoped reader
	 * @param store the store
	 * @param properties the settings
	 * @return the step
	 */
	static Step compareStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ItemStreamReader<JudgedPair> judgedPairs, ParityStore store, ParityProperties properties) {
		return new StepBuilder(name, jobRepository)
			.<JudgedPair, JudgedPair>chunk(2 * Math.max(properties.threads(),
					Sources.concurrency(properties, dev.dualrun.parity.config.Side.NEW)))
			.transactionManager(transactionManager)
			.reader(judgedPairs)
			.writer((chunk) -> store.saveResults(chunk.getItems().stream().map(JudgedPair::result).toList(),
					chunk.getItems().stream().flatMap((j) -> j.discrepancies().stream()).toList(),
					chunk.getItems().stream().map(JudgedPair::newEvidence).filter(java.util.Objects::nonNull).toList()))
			.allowStartIfComplete(true)
			.listener(new StepProgress())
			.build();
	}

	/**
	 * The compare step's reader: the unjudged pairs fetched and judged ahead on its own
	 * threads (a plain object, not a step-scoped proxy, since those threads have no step
	 * context); the new side's source is opened by type from the registry when the step
	 * opens the reader, and closed with it.
	 */
	@Bean
	@StepScope
	ItemStreamReader<JudgedPair> judgedPairs(ParityStore store, ParityProperties properties, Clock clock,
			@Value("#{jobExecutionContext['" + RunContext.RUN_ID + "']}") Long runId,
			@Value("#{stepExecution}") StepExecution step) {
		PairPartition partition = PairPartition.of(step.getExecutionContext());
		java.util.concurrent.atomic.AtomicReference<ComparePairProcessor> judge = new java.util.concurrent.atomic.AtomicReference<>();
		return new ReadAhead<>("compare-" + runId, () -> {
			List<RunPairRow> pairs = PairPartition.unjudged(store, runId, partition, properties);
			if (pairs.isEmpty()) {
				return pairs;
			}
			MetricSource source = Sources.open(PairDefinitions.fromJson(pairs.get(0).definition()).newType(),
					properties);
			MetricSource.Backend backend = source.backend();
			store.runs().newBackend(runId, source.side(), backend.location(), backend.version(), backend.semantics());
			judge.set(new ComparePairProcessor(store, source, clock, properties.threads()));
			return pairs;
		}, (pair) -> judge.get().process(pair),
				Math.max(properties.threads(), Sources.concurrency(properties, dev.dualrun.parity.config.Side.NEW)),
				() -> {
					if (judge.get() != null) {
						judge.get().finish(runId);
					}
				});
	}

	/**
	 * The alert pairs not judged yet: both sides read and judged, each judgement written
	 * in the chunk's transaction.
	 */
	@Bean
	Step alertsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ItemReader<RunAlertRow> unjudgedAlerts, ParityStore store, ParityProperties properties, Clock clock) {
		AlertPairProcessor processor = new AlertPairProcessor(properties, clock);
		return new StepBuilder("alerts", jobRepository).<RunAlertRow, AlertResultRow>chunk(4)
			.transactionManager(transactionManager)
			.reader(unjudgedAlerts)
			.processor(processor)
			.writer((chunk) -> store.saveAlertResults(List.copyOf(chunk.getItems())))
			.listener(processor)
			.allowStartIfComplete(true)
			.listener(new StepProgress())
			.build();
	}

	@Bean
	@StepScope
	ItemReader<RunAlertRow> unjudgedAlerts(ParityStore store,
			@Value("#{jobExecutionContext['" + RunContext.RUN_ID + "']}") Long runId) {
		return new ListItemReader<>(store.alerts().unjudged(runId));
	}

	@Bean
	Step recheckStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ParityStore store,
			ParityProperties properties, Clock clock) {
		return rerunTasklet("recheck", new RecheckTasklet(store, properties, clock), jobRepository, transactionManager);
	}

	@Bean
	Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ParityStore store,
			ParityProperties properties, Clock clock) {
		return rerunTasklet("report", new ReportTasklet(store, properties, clock), jobRepository, transactionManager);
	}

	/**
	 * A tasklet step that runs again on every restart (it works on what the store does
	 * not hold yet).
	 */
	private static Step rerunTasklet(String name, Tasklet tasklet, JobRepository jobRepository,
			PlatformTransactionManager transactionManager) {
		return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager)
			.allowStartIfComplete(true)
			.listener(new StepProgress())
			.build();
	}

}
