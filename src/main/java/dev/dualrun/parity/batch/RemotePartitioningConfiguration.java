package dev.dualrun.parity.batch;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.transaction.PlatformTransactionManager;

import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.RemoteProperties;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.ParityStore;

/**
 * Remote partitioning with Spring Batch's own means ({@code spring-batch-integration})
 * over RabbitMQ (Spring Integration AMQP), present when {@code parity.remote.broker} is
 * set. The manager's steps {@code fetch-old-remote} and {@code compare-remote} split the
 * run's pairs with {@link PairPartitioner} and send one {@link StepExecutionRequest} a
 * partition to the queue, then read the shared job repository until every partition has
 * finished (no reply queue: a manager that dies loses nothing a restart cannot find). A
 * {@code worker} process consumes the queue one request at a time and runs the
 * partition's step, {@code fetch-old-partition} or {@code compare-partition}: the same
 * steps as a single process runs, on the partition's pairs alone. A request is
 * acknowledged when its partition has finished, so the partition of a worker killed
 * mid-way goes to another worker, which takes it up where the store says it stopped.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "parity.remote.broker")
@EnableIntegration
public class RemotePartitioningConfiguration {

	/** The manager's step that fetches the old side across workers. */
	static final String FETCH_OLD = "fetch-old-remote";

	/** The manager's step that judges the pairs across workers. */
	static final String COMPARE = "compare-remote";

	/** A worker's step: one partition's old side. */
	static final String FETCH_OLD_PARTITION = "fetch-old-partition";

	/** A worker's step: one partition's pairs judged. */
	static final String COMPARE_PARTITION = "compare-partition";

	/** A worker's consumer of the queue. */
	private static final String CONSUMER = "partitionRequestsConsumer";

	@Bean
	RemoteProperties remoteProperties(Environment environment) {
		return SettingsBinding.binder(environment)
			.bind("parity.remote", RemoteProperties.class)
			.orElseGet(() -> new RemoteProperties(null, null, null, null, null, null, null));
	}

	@Bean
	CachingConnectionFactory partitionBroker(RemoteProperties remote) {
		CachingConnectionFactory factory = new CachingConnectionFactory(URI.create(remote.broker()));
		factory.setConnectionNameStrategy((f) -> "parity-validator " + (remote.worker() ? "worker" : "manager") + " "
				+ ProcessHandle.current().pid());
		return factory;
	}

	@Bean
	RemoteBroker remoteBroker(CachingConnectionFactory partitionBroker, RemoteProperties remote,
			org.springframework.context.ApplicationContext context) {
		return new RemoteBroker(partitionBroker, remote,
				() -> context.getBean(CONSUMER, org.springframework.context.Lifecycle.class).start());
	}

	/**
	 * Declares the queue when a connection opens (durable: requests outlive a broker
	 * restart).
	 */
	@Bean
	RabbitAdmin partitionAdmin(CachingConnectionFactory partitionBroker) {
		return new RabbitAdmin(partitionBroker);
	}

	@Bean
	Queue partitionQueue(RemoteProperties remote) {
		return QueueBuilder.durable(remote.queue()).build();
	}

	/**
	 * Requests travel as JSON (never Java serialization), turned back only into Spring
	 * Batch's request type.
	 */
	@Bean
	JacksonJsonMessageConverter partitionMessages() {
		return new JacksonJsonMessageConverter(StepExecutionRequest.class.getPackageName());
	}

	@Bean
	DirectChannel partitionRequests() {
		return new DirectChannel();
	}

	@Bean
	IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, CachingConnectionFactory partitionBroker,
			JacksonJsonMessageConverter partitionMessages, RemoteProperties remote) {
		RabbitTemplate template = new RabbitTemplate(partitionBroker);
		template.setMessageConverter(partitionMessages);
		return IntegrationFlow.from(partitionRequests)
			.handle(Amqp.outboundAdapter(template).routingKey(remote.queue()))
			.get();
	}

	@Bean
	@StepScope
	Partitioner pairPartitioner(ParityStore store, ParityProperties properties,
			@Value("#{jobExecutionContext['" + RunContext.RUN_ID + "']}") Long runId,
			@Value("#{stepExecution}") org.springframework.batch.core.step.StepExecution step) {
		ParityJobParameters.Partitioning partitioning = ParityJobParameters
			.of(step.getJobExecution().getJobParameters())
			.partitioning();
		return new PairPartitioner(store, properties, runId, partitioning);
	}

	/**
	 * The manager's two steps, which the job takes instead of {@code fetch-old} and
	 * {@code compare} for a run started with {@code --remote}.
	 */
	@Bean
	RemoteSteps remoteSteps(JobRepository jobRepository, DirectChannel partitionRequests, Partitioner pairPartitioner,
			RemoteBroker remoteBroker) throws Exception {
		return new RemoteSteps(
				manager(FETCH_OLD, FETCH_OLD_PARTITION, jobRepository, partitionRequests, pairPartitioner,
						remoteBroker),
				manager(COMPARE, COMPARE_PARTITION, jobRepository, partitionRequests, pairPartitioner, remoteBroker));
	}

	private static Step manager(String name, String workerStep, JobRepository jobRepository,
			DirectChannel partitionRequests, Partitioner partitioner, RemoteBroker broker) throws Exception {
		RemoteProperties remote = broker.properties();
		MessageChannelPartitionHandler handler = new MessageChannelPartitionHandler();
		handler.setStepName(workerStep);
		// no reply channel: the manager reads the shared job repository for the results
		handler.setJobRepository(jobRepository);
		handler.setPollInterval(remote.poll().toMillis());
		handler.setTimeout(remote.timeout().toMillis());
		handler.setMessagingOperations(new MessagingTemplate(partitionRequests));
		handler.afterPropertiesSet();
		return new StepBuilder(name, jobRepository).partitioner(workerStep, partitioner)
			.partitionHandler(handler)
			.listener(new RemoteManagerListener(jobRepository, workerStep, broker))
			.listener(new StepProgress())
			.build();
	}

	@Bean
	Step fetchOldPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FetchOldItems fetchOldItems, ParityProperties properties) {
		return ParityJobConfiguration.fetchOldStep(FETCH_OLD_PARTITION, jobRepository, transactionManager,
				fetchOldItems, properties);
	}

	@Bean
	Step comparePartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CompareItems compareItems, ParityProperties properties) {
		return ParityJobConfiguration.compareStep(COMPARE_PARTITION, jobRepository, transactionManager, compareItems,
				properties);
	}

	@Bean
	PartitionWorker partitionWorker(JobRepository jobRepository, Step fetchOldPartitionStep,
			Step comparePartitionStep) {
		return new PartitionWorker(jobRepository,
				Map.of(FETCH_OLD_PARTITION, fetchOldPartitionStep, COMPARE_PARTITION, comparePartitionStep));
	}

	/**
	 * A worker's side: one request at a time (prefetch 1), acknowledged when its
	 * partition has finished; a request that cannot be handled is dropped, never sent
	 * round again. It starts consuming when the worker has checked the broker and the
	 * store ({@link RemoteBroker#startConsuming()}), not with the application.
	 */
	@Bean
	@ConditionalOnProperty(name = "parity.remote.worker", havingValue = "true")
	IntegrationFlow partitionRequestsFromBroker(CachingConnectionFactory partitionBroker,
			JacksonJsonMessageConverter partitionMessages, RemoteProperties remote, PartitionWorker partitionWorker) {
		return IntegrationFlow
			.from(Amqp.inboundAdapter(partitionBroker, remote.queue())
				.id(CONSUMER)
				.autoStartup(false)
				.messageConverter(partitionMessages)
				.configureContainer(
						(container) -> container.prefetchCount(1).concurrentConsumers(1).defaultRequeueRejected(false)))
			.handle(StepExecutionRequest.class, (request, headers) -> {
				partitionWorker.handle(request);
				return null;
			})
			.get();
	}

}
