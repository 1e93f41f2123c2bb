package dev.dualrun.parity.source.azure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.dualrun.parity.config.MappingBlock;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.config.Text;

/**
 * The {@code azure-monitor:} block of the mapping file: one metric of one resource with
 * an aggregation, narrowed to one value of some dimensions; its period must be an Azure
 * Monitor time grain.
 */
final class AzureMonitorReader implements SideReader {

	/** The block's key in the mapping file, and the source's type. */
	static final String TYPE = "azure-monitor";

	/** The time grains of the Azure Monitor metrics API. */
	static final List<Duration> GRAINS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
			Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1));

	/** A resource ID: subscription, resource group, provider namespace, type and name. */
	private static final Pattern RESOURCE_ID = Pattern.compile(
			"/subscriptions/[^/]+/resourceGroups/[^/]+/providers/[A-Za-z0-9]+\\.[A-Za-z0-9.]+/[^/]+/[^/]+(/[^/]+/[^/]+)*",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9]{2,30}");

	/** The units of the Azure Monitor metrics API (MetricUnit). */
	private static final Set<String> UNITS = Set.of("Count", "Bytes", "Seconds", "CountPerSecond", "BytesPerSecond",
			"Percent", "MilliSeconds", "ByteSeconds", "Unspecified", "Cores", "MilliCores", "NanoCores",
			"BitsPerSecond");

	/** The block as written. */
	record Block(String resource, String namespace, String metric, String aggregation, Map<String, String> dimensions,
			String region, String unit) {

	}

	@Override
	public String key() {
		return TYPE;
	}

	@Override
	public Side side() {
		return Side.OLD;
	}

	@Override
	public Class<? extends SideQuery> queryType() {
		return AzureMonitorQuery.class;
	}

	@Override
	public SideQuery readPair(MappingBlock block) {
		AzureMonitorQuery query = query(block.bind(Block.class), block);
		if (!GRAINS.contains(block.period())) {
			throw block.periodError("period " + block.periodText()
					+ " is not an Azure Monitor time grain (1m, 5m, 15m, 30m, 1h, 6h, 12h or 1d: PT1M to P1D)");
		}
		return query;
	}

	private static AzureMonitorQuery query(Block raw, MappingBlock block) {
		String resource = block.required(raw.resource(), "resource").strip();
		if (!RESOURCE_ID.matcher(resource).matches()) {
			throw block.error("resource", "'" + Text.oneLine(resource, 120) + "' is not an Azure resource ID "
					+ "(/subscriptions/ID/resourceGroups/GROUP/providers/Microsoft.Compute/virtualMachines/NAME)");
		}
		String metric = block.required(raw.metric(), "metric").strip();
		AzureMonitorQuery.Aggregation aggregation;
		try {
			aggregation = AzureMonitorQuery.Aggregation.parse(block.required(raw.aggregation(), "aggregation"));
		}
		catch (IllegalArgumentException ex) {
			throw block.error("aggregation", ex.getMessage());
		}
		TreeMap<String, String> dims = block.dimensions(raw.dimensions(), "dimensions");
		for (Map.Entry<String, String> d : dims.entrySet()) {
			if (d.getValue().equals("*")) {
				throw block.error("dimensions/" + d.getKey(), "'*' splits the metric into one series per value: "
						+ "a pair compares one series, so name the value (one pair per value)");
			}
		}
		String region = (raw.region() != null) ? raw.region().strip() : null;
		if (region != null && !REGION.matcher(region).matches()) {
			throw block.error("region",
					"'" + Text.oneLine(region, 60) + "' is not an Azure region name such as westeurope or eastus2");
		}
		String namespace = (raw.namespace() != null && !raw.namespace().isBlank()) ? raw.namespace().strip() : null;
		String unit = (raw.unit() != null && !raw.unit().isBlank()) ? raw.unit().strip() : null;
		if (unit != null && !UNITS.contains(unit)) {
			throw block.error("unit", "unknown Azure Monitor unit '" + Text.oneLine(unit, 40) + "' (e.g. "
					+ "Percent, Count, Bytes, Seconds, MilliSeconds, CountPerSecond, BytesPerSecond)");
		}
		return new AzureMonitorQuery(resource, namespace, metric, aggregation, dims, region, unit);
	}

}
