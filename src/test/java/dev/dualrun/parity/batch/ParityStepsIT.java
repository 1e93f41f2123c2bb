package dev.dualrun.parity.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.dualrun.parity.batch.ParityBatchApplication;
import dev.dualrun.parity.batch.ParityJobParameters;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.store.BackendRow;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.PairResultRow;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import dev.dualrun.parity.testing.DualRunBackends;
import dev.dualrun.parity.testing.TestStore;

/**
 * Each step of the job on its own, with Spring Batch's test support: one run of the
 * seeded dual run, planned, its old side fetched, its pairs judged, rechecked, its
 * (absent) alert pairs, and closed with its report, step by step, each checked for what
 * it alone writes, in its own transactions.
 */
@SpringBatchTest
@SpringBootTest(classes = ParityBatchApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParityStepsIT {

	private static final String RUN_ID = "parity.run-id";

	private static Path work;

	private static DualRunBackends backends;

	private static Instant from;

	private static Instant to;

	private static long runId;

	@Autowired
	JobOperatorTestUtils steps;

	@Autowired
	ParityStore store;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) throws Exception {
		work = Files.createTempDirectory("parity-steps");
		Instant now = Clock.systemUTC().instant();
		backends = DualRunBackends.start(work, now, 7);
		long p = 300;
		from = Instant.ofEpochSecond((backends.fixture.start.getEpochSecond() / p + 12) * p);
		to = Instant.ofEpochSecond((now.getEpochSecond() - 900) / p * p);
		registry.add("spring.datasource.url", () -> TestStore.url(work.resolve("data")));
		registry.add("parity.cloudwatch.endpoint", () -> backends.cloudwatch.endpoint().toString());
		registry.add("parity.cloudwatch.region", () -> "us-east-1");
		registry.add("parity.prometheus.url", backends.prometheus::url);
		registry.add("parity.reports-dir", () -> work.resolve("reports").toString());
		registry.add("parity.settle-recheck", () -> "1s");
	}

	@AfterAll
	static void stop() throws Exception {
		backends.close();
	}

	@Test
	@Order(1)
	void planStoresEachPairsWindowAndDefinition() throws Exception {
		Path mapping = work.resolve("mapping.yml");
		Files.copy(Path.of("src/test/resources/it/dual-run-mapping.yml"), mapping);
		runId = this.store.runs().insert(mapping.toString(), null, from, to, 600, Instant.now(), null);
		Ran plan = step("plan", new ParityJobParameters(mapping.toString(), from, to, List.of(), Instant.now()));
		assertThat(this.store.runs().pairs(runId)).hasSize(10);
		RunRow run = this.store.run(runId).orElseThrow();
		assertThat(run.pairsTotal()).isEqualTo(10);
		assertThat(run.oldMinCalls()).isEqualTo(1);
		assertThat(run.settleRecheckSeconds()).as("kept by the recheck when it reads again").isNull();
		assertThat(run.backends()).as("the systems to read, nothing read yet")
			.extracting(BackendRow::side, BackendRow::system, BackendRow::calls)
			.containsExactlyInAnyOrder(tuple(Side.OLD, "CloudWatch", 0L), tuple(Side.NEW, "Prometheus", 0L));
		assertThat(run.old().system()).isEqualTo("CloudWatch");
		assertThat(plan.step().getCommitCount()).isEqualTo(1L);
	}

	@Test
	@Order(2)
	void fetchOldStoresTheOldSidesAnswersAndItsCallsInOneRowOfItsOwn() {
		Ran fetch = step("fetch-old", null);
		for (var pair : this.store.runs().pairs(runId)) {
			assertThat(this.store.results().evidence(runId, pair.pairId(), EvidenceRow.Side.OLD)).get()
				.extracting(EvidenceRow::outcome)
				.isEqualTo(EvidenceRow.Outcome.SERIES);
		}
		long stepId = fetch.step().getId();
		assertThat(this.store.run(runId).orElseThrow().backends()).filteredOn((b) -> b.calls() > 0)
			.singleElement()
			.satisfies((b) -> {
				assertThat(b.stepExecutionId()).isEqualTo(stepId);
				assertThat(b.side()).isEqualTo(Side.OLD);
				assertThat(b.system()).isEqualTo("CloudWatch");
				assertThat(b.calls()).isEqualTo(1);
				assertThat(b.metrics()).isEqualTo(11);
			});
	}

	@Test
	@Order(3)
	void compareJudgesEveryPairAndKeepsWhatTheNewSideAnswered() {
		step("compare", null);
		Map<String, PairResultRow> results = new TreeMap<>();
		this.store.results().results(runId).forEach((r) -> results.put(r.pairId(), r));
		assertThat(results).hasSize(10);
		assertThat(results.get("latency-root-get").verdict().name()).isEqualTo("PASS");
		assertThat(results.get("requests-orders-get").summary()).contains("gap on the Prometheus side");
		assertThat(results.get("requests-all-by-path").verdict().name()).isEqualTo("FAIL");
		assertThat(this.store.results().evidence(runId, "requests-all-by-path", EvidenceRow.Side.NEW)).get()
			.extracting(EvidenceRow::outcome)
			.isEqualTo(EvidenceRow.Outcome.SEVERAL);
		RunRow run = this.store.run(runId).orElseThrow();
		assertThat(run.neu().calls())
			.as("one query_range a pair, the percentile's bucket bounds (label values) and one buildinfo")
			.isEqualTo(12);
		assertThat(run.neu().version()).startsWith("2.");
		assertThat(run.backends()).filteredOn((b) -> b.calls() > 0)
			.extracting(BackendRow::side)
			.containsExactlyInAnyOrder(Side.OLD, Side.NEW);
	}

	@Test
	@Order(4)
	void recheckFindsNoPairFailingOnlyInItsNewestPeriods() {
		Ran recheck = step("recheck", null);
		assertThat(recheck.step().getWriteCount()).isZero();
		assertThat(this.store.results().evidence(runId, "requests-orders-get", EvidenceRow.Side.OLD_AGAIN)).isEmpty();
	}

	@Test
	@Order(5)
	void alertsHasNothingToJudgeInAMappingWithoutAlertPairs() {
		Ran alerts = step("alerts", null);
		assertThat(alerts.step().getReadCount()).isZero();
	}

	@Test
	@Order(6)
	void reportClosesTheRunOnceItsReportExists() {
		step("report", null);
		RunRow run = this.store.run(runId).orElseThrow();
		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(Path.of(run.reportPath())).exists();
		assertThat(run.passCount() + run.failCount()).isEqualTo(10);
		assertThat(this.store.results().results(runId)).anySatisfy((r) -> assertThat(r.qValue()).isNotNull());
	}

	/**
	 * A step run on its own (not a method returning a job execution, which Spring Batch's
	 * test listeners would take for the test's job execution).
	 *
	 * @param execution the step's surrounding job execution
	 */
	private record Ran(JobExecution execution) {

		org.springframework.batch.core.step.StepExecution step() {
			return this.execution.getStepExecutions().iterator().next();
		}

	}

	private Ran step(String name, ParityJobParameters parameters) {
		ExecutionContext context = new ExecutionContext();
		context.putLong(RUN_ID, runId);
		JobExecution execution = (parameters != null)
				? this.steps.startStep(name, parameters.toJobParameters(), context)
				: this.steps.startStep(name, this.steps.getUniqueJobParameters(), context);
		assertThat(execution.getStatus()).as(name + ": " + execution.getAllFailureExceptions())
			.isEqualTo(BatchStatus.COMPLETED);
		return new Ran(execution);
	}

}
