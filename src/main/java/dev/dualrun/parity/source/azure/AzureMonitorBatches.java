package dev.dualrun.parity.source.azure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.dualrun.parity.config.PairMapping;

/**
 * Groups pairs into the calls that answer them: one {@code metrics:getBatch} call for
 * pairs of one subscription, region, resource type, metric, aggregation, filter and unit,
 * each resource once a call and at most {@value AzureMonitorSource#BATCH_SIZE} resources;
 * a pair without a region alone.
 */
final class AzureMonitorBatches {

	private AzureMonitorBatches() {
	}

	/**
	 * @param pairs pairs of one window
	 * @return the calls: batches of one subscription, region, resource type and metric;
	 * pairs without a region alone
	 */
	static List<List<PairMapping>> of(List<PairMapping> pairs) {
		Map<String, List<PairMapping>> groups = new LinkedHashMap<>();
		List<List<PairMapping>> out = new ArrayList<>();
		for (PairMapping pair : pairs) {
			AzureMonitorQuery q = AzureMonitorSource.query(pair);
			if (q.region() == null) {
				out.add(List.of(pair));
				continue;
			}
			String key = String.join("\n", q.subscription().toLowerCase(Locale.ROOT), q.region(),
					q.resourceType().toLowerCase(Locale.ROOT), q.metricNamespace().toLowerCase(Locale.ROOT), q.metric(),
					q.aggregation().name(), String.valueOf(q.filter()), String.valueOf(q.unit()));
			groups.computeIfAbsent(key, (k) -> new ArrayList<>()).add(pair);
		}
		for (List<PairMapping> group : groups.values()) {
			// one resource once a call: the k-th pair of a resource goes to the k-th
			// layer, each layer in calls of BATCH_SIZE
			Map<String, Integer> seen = new HashMap<>();
			List<List<PairMapping>> layers = new ArrayList<>();
			for (PairMapping pair : group) {
				int k = seen.merge(AzureMonitorSource.query(pair).resource().toLowerCase(Locale.ROOT), 1, Integer::sum)
						- 1;
				if (k == layers.size()) {
					layers.add(new ArrayList<>());
				}
				layers.get(k).add(pair);
			}
			for (List<PairMapping> layer : layers) {
				for (int from = 0; from < layer.size(); from += AzureMonitorSource.BATCH_SIZE) {
					out.add(List
						.copyOf(layer.subList(from, Math.min(layer.size(), from + AzureMonitorSource.BATCH_SIZE))));
				}
			}
		}
		return out;
	}

}
