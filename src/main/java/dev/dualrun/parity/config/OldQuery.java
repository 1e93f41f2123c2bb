package dev.dualrun.parity.config;

import java.util.SortedMap;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The old side of a pair, as its typed block of the mapping file gives it
 * ({@code cloudwatch:} or {@code azure-monitor:}). Each type is a source of the same name
 * in the registry of sources. Stored with each run as {@code "old": {"<type>": ...}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({ @JsonSubTypes.Type(value = CloudWatchQuery.class, name = CloudWatchQuery.TYPE),
		@JsonSubTypes.Type(value = AzureMonitorQuery.class, name = AzureMonitorQuery.TYPE) })
public sealed interface OldQuery permits CloudWatchQuery, AzureMonitorQuery {

	/**
	 * @return the source type, as the mapping file names the block
	 */
	String type();

	/**
	 * @return a short human description of what is asked
	 */
	String describe();

	/**
	 * @return the dimensions (name to value) that identify the series: the identity the
	 * new side's series must carry
	 */
	SortedMap<String, String> dimensions();

	/**
	 * @return the old side's metrics this query reads, as its estate lists them (the
	 * coverage of the inventory)
	 */
	java.util.List<MetricIdentity> identities();

	/**
	 * @return the unit the old side reports in, or null if none is declared
	 */
	String unit();

	/**
	 * @return what the old side's statistic measures, which decides how the pair is
	 * judged
	 */
	Statistic.Kind kind();

}
