package dev.dualrun.parity.source.cloudwatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import dev.dualrun.parity.source.Inventory;
import dev.dualrun.parity.source.InventoryItem;
import dev.dualrun.parity.source.InventoryQuery;
import dev.dualrun.parity.source.SourceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.RecentlyActive;

/**
 * CloudWatch's estate through {@code ListMetrics}: every page followed with the SDK
 * paginator (500 metrics a page, {@code NextToken}), one listing per namespace asked for
 * (or one for all), CloudWatch's own activity rule (metrics with data in the last two
 * weeks, or with {@code RecentlyActive=PT3H} the last three hours), and the owning
 * account of each metric when linked accounts are listed.
 */
final class CloudWatchInventory {

	private CloudWatchInventory() {
	}

	static Inventory list(CloudWatchClient client, String location, InventoryQuery query) {
		List<InventoryItem> items = new ArrayList<>();
		long calls = 0;
		List<String> namespaces = query.namespaces().isEmpty() ? java.util.Collections.singletonList(null)
				: query.namespaces();
		for (String namespace : namespaces) {
			ListMetricsRequest.Builder request = ListMetricsRequest.builder();
			if (namespace != null) {
				request.namespace(namespace);
			}
			if (query.recentlyActive()) {
				request.recentlyActive(RecentlyActive.PT3_H);
			}
			if (query.linkedAccounts()) {
				request.includeLinkedAccounts(true);
			}
			Set<String> tokens = new HashSet<>();
			try {
				for (ListMetricsResponse page : client.listMetricsPaginator(request.build())) {
					calls++;
					List<String> owners = page.hasOwningAccounts() ? page.owningAccounts() : List.of();
					for (int i = 0; i < page.metrics().size(); i++) {
						Metric m = page.metrics().get(i);
						TreeMap<String, String> dims = new TreeMap<>();
						m.dimensions().forEach((d) -> dims.put(d.name(), d.value()));
						items.add(new InventoryItem(m.namespace(), m.metricName(), dims,
								(i < owners.size()) ? owners.get(i) : null));
					}
					String token = page.nextToken();
					if (token != null && !token.isEmpty() && !tokens.add(token)) {
						throw new SourceException("CloudWatch repeated NextToken '" + token + "' in ListMetrics at "
								+ location + ": the server's pagination is broken", false);
					}
				}
			}
			catch (SdkException ex) {
				throw new SourceException(
						"ListMetrics" + ((namespace != null) ? " of namespace " + namespace : "") + " failed at "
								+ location + ": " + dev.dualrun.parity.config.Text.oneLine(ex.getMessage(), 240),
						false, ex);
			}
		}
		return new Inventory("CloudWatch", location, items, calls);
	}

}
