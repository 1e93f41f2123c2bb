package dev.dualrun.parity.batch;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.ArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.cloudwatch.CloudWatchClientFactory;
import dev.dualrun.parity.source.cloudwatch.CloudWatchSource;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.PackedSeries;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunPairRow;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Step {@code fetch-cloudwatch}: reads the CloudWatch side of every pair not yet fetched,
 * in the fewest GetMetricData calls per (window, period) group, and stores each series
 * (or its failure) as evidence as soon as its batch is answered. On restart, pairs
 * already fetched are not asked again.
 */
record FetchCloudWatchTasklet(ParityStore store, ParityProperties properties, Clock clock) implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(FetchCloudWatchTasklet.class);

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long runId = RunContext.requireRunId(contribution.getStepExecution().getJobExecution());
		Set<String> fetched = new HashSet<>(this.store.results().pairsWithEvidence(runId, EvidenceRow.CLOUDWATCH));
		Map<QueryWindow, List<PairMapping>> groups = new LinkedHashMap<>();
		for (RunPairRow row : this.store.runs().unjudgedPairs(runId)) {
			if (!fetched.contains(row.pairId())) {
				PairMapping pair = PairDefinitions.fromJson(row.definition());
				groups
					.computeIfAbsent(new QueryWindow(row.windowStart(), row.windowEnd(), pair.period()),
							(w) -> new ArrayList<>())
					.add(pair);
			}
		}
		ParityProperties.CloudWatch settings = this.properties.cloudwatch();
		CloudWatchClientFactory.AttemptCounter attempts = new CloudWatchClientFactory.AttemptCounter();
		try (CloudWatchClient client = CloudWatchClientFactory.create(settings, attempts)) {
			String region = client.serviceClientConfiguration().region().id();
			String endpoint = (settings.endpoint() != null) ? settings.endpoint() : "region " + region;
			CloudWatchSource source = new CloudWatchSource(client, endpoint, attempts);
			groups.forEach(
					(window, pairs) -> source.fetch(pairs, window, (result) -> save(runId, window, pairs, result)));
			MetricSource.CallCount calls = source.calls();
			this.store.runs().addCalls(runId, calls.calls(), calls.metricsRequested(), 0, calls.retries(), 0);
			this.store.runs().cloudwatchBackend(runId, endpoint, source.version(), region);
			log.info("run {}: CloudWatch answered {} pair(s) in {} GetMetricData call(s), {} metric(s) requested",
					runId, groups.values().stream().mapToInt(List::size).sum(), calls.calls(),
					calls.metricsRequested());
		}
		return RepeatStatus.FINISHED;
	}

	private void save(long runId, QueryWindow window, List<PairMapping> pairs, SeriesResult result) {
		PairMapping pair = pairs.stream().filter((p) -> p.id().equals(result.pairId())).findFirst().orElseThrow();
		String request = pair.cloudwatch().describe() + ", period " + window.period().toSeconds() + " s, "
				+ window.start() + " .. " + window.end();
		if (!result.isOk()) {
			this.store.saveEvidence(new EvidenceRow(runId, pair.id(), EvidenceRow.CLOUDWATCH, request, 0, 1.0, 0, "{}",
					"[]", Text.oneLine(result.failure().getMessage()), null, this.clock.instant()));
			return;
		}
		var s = result.series();
		this.store.saveEvidence(new EvidenceRow(runId, pair.id(), EvidenceRow.CLOUDWATCH, request, 0, 1.0, s.size(),
				ParityStore.json(s.labels()), ParityStore.json(s.messages()), null,
				PackedSeries.pack(window, s.timestamps(), s.values()), this.clock.instant()));
	}

}
