package dev.dualrun.parity.source.prometheus.edge;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.source.prometheus.PromQlSide;

/**
 * The edge side of a pair: PromQL against the edge, its period written in, and the labels
 * its series carry on the other side beyond the edge's own external labels.
 *
 * @param query the PromQL
 * @param externalLabels labels added to the edge's series on the way, as the pair
 * declares them
 * @param statistic what the query's value measures, which decides the tolerance
 */
public record EdgeQuery(String query, @JsonProperty("external-labels") SortedMap<String, String> externalLabels,
		StatisticKind statistic) implements PromQlSide {

	public EdgeQuery {
		externalLabels = new TreeMap<>((externalLabels != null) ? externalLabels : Map.of());
		statistic = (statistic != null) ? statistic : StatisticKind.AVERAGE;
	}

	@Override
	@JsonIgnore
	public String type() {
		return EdgeReader.TYPE;
	}

	@Override
	public String describe() {
		return this.query;
	}

	@Override
	@JsonIgnore
	public StatisticKind kind() {
		return this.statistic;
	}

	/** The edge's series are compared with the other side's as sets. */
	@Override
	@JsonIgnore
	public boolean comparesSeries() {
		return true;
	}

}
