package dev.dualrun.parity.source.prometheus.edge;

import java.util.Locale;
import java.util.Map;

import dev.dualrun.parity.config.MappingBlock;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.config.SideReader;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.source.prometheus.PromQlBlock;

/**
 * The {@code edge:} block of the mapping file: the PromQL to run on the edge (usually the
 * same as on the other side), the labels its series gain on the way beyond the edge's
 * external labels ({@code external-labels}), and what the value measures
 * ({@code statistic}: {@code sum}, {@code average}, {@code minimum}, {@code maximum},
 * {@code percentile}, {@code sample-count}; by default read from the query's outermost
 * function).
 */
final class EdgeReader implements SideReader {

	/** The block's key in the mapping file, and the source's type. */
	static final String TYPE = "edge";

	/** The block as written. */
	record Block(String query,
			@com.fasterxml.jackson.annotation.JsonProperty("external-labels") Map<String, String> externalLabels,
			String statistic) {

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
	public String addedLabelsField() {
		return "external-labels";
	}

	@Override
	public Class<? extends SideQuery> queryType() {
		return EdgeQuery.class;
	}

	@Override
	public SideQuery readPair(MappingBlock block) {
		Block raw = block.bind(Block.class);
		String promql = PromQlBlock.promql(block, raw.query());
		Map<String, String> labels = (raw.externalLabels() != null) ? raw.externalLabels() : Map.of();
		labels.forEach((name, value) -> {
			if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*") || name.startsWith("__")) {
				throw block.error("external-labels", "'" + name + "' is not a label name Prometheus accepts");
			}
			if (value == null || value.isEmpty()) {
				throw block.error("external-labels", "label '" + name + "' has no value");
			}
		});
		return new EdgeQuery(promql, new java.util.TreeMap<>(labels), statistic(block, raw.statistic(), promql));
	}

	private static StatisticKind statistic(MappingBlock block, String written, String promql) {
		if (written == null) {
			return implied(promql);
		}
		try {
			return StatisticKind.valueOf(written.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw block.error("statistic",
					"'" + written + "' is not one of sum, average, minimum, maximum, percentile, sample-count");
		}
	}

	/**
	 * @param promql a query
	 * @return what its outermost function or aggregation measures
	 */
	static StatisticKind implied(String promql) {
		String outer = promql.strip().toLowerCase(Locale.ROOT);
		if (outer.startsWith("histogram_quantile") || outer.startsWith("quantile")) {
			return StatisticKind.PERCENTILE;
		}
		if (outer.startsWith("max")) {
			return StatisticKind.MAXIMUM;
		}
		if (outer.startsWith("min")) {
			return StatisticKind.MINIMUM;
		}
		if (outer.startsWith("count")) {
			return StatisticKind.SAMPLE_COUNT;
		}
		if (outer.startsWith("sum") || outer.startsWith("increase") || outer.startsWith("rate")) {
			return StatisticKind.SUM;
		}
		return StatisticKind.AVERAGE;
	}

}
