package dev.dualrun.parity.source;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.config.StatisticKind;

/**
 * A capability of a new side: writing its queries for generated pairs. It groups its
 * catalog's metric names into families of one kind (a histogram's series, a counter, a
 * gauge), writes the query that reproduces an old side's statistic from a family or reads
 * an exporter's copy exactly, and writes its side of a generated pair. Queries are
 * written as templates, the pair's period as {@code ${period}}.
 */
public interface QueryWriter {

	/** What a family of series is. */
	enum Kind {

		/** Observations in buckets, with their sum and count. */
		HISTOGRAM,
		/** A count that only grows. */
		COUNTER,
		/** A value that goes up and down. */
		GAUGE

	}

	/**
	 * A family of series that may reproduce a metric.
	 *
	 * @param name its name
	 * @param kind its kind
	 * @param selector the selector of its series in the catalog
	 */
	record Family(String name, Kind kind, String selector) {

	}

	/**
	 * A query written.
	 *
	 * @param kind the statistic kind it reproduces
	 * @param baseUnit the base unit its name carries ({@code seconds}, {@code count}), or
	 * null
	 * @param template the query, its period as {@code ${period}}
	 */
	record Written(StatisticKind kind, String baseUnit, String template) {

	}

	/**
	 * @param names metric names of the catalog, exporters' copies left out
	 * @return the families of an application's own series, infrastructure left out
	 */
	List<Family> families(Collection<String> names);

	/**
	 * @param family a family
	 * @param labels label to the value it must have, in order: the labels that carry the
	 * old metric's dimensions
	 * @return the query that reproduces the old side's usual statistic of that kind of
	 * family
	 */
	Written query(Family family, Map<String, String> labels);

	/**
	 * @param name an exporter's copy
	 * @param labels label to the value it must have
	 * @return the selector of the copy's series in the catalog
	 */
	String selector(String name, Map<String, String> labels);

	/**
	 * @param name an exporter's copy
	 * @param labels label to the value it must have
	 * @param edgeStamped whether its samples sit on the old side's bucket starts
	 * @return the query that reads each period's copied value
	 */
	String lastSample(String name, Map<String, String> labels, boolean edgeStamped);

	/**
	 * @return why a copy stamped at the old side's bucket starts is read exactly
	 */
	String lastSampleNote();

	/**
	 * @param template a query written here
	 * @param period a period
	 * @return the query at that period
	 */
	SideQuery query(String template, Duration period);

	/**
	 * @param query a query of this side (a pair's, or an alerting rule's expression)
	 * @return the families of series it reads
	 */
	Set<String> families(String query);

	/**
	 * @param query a query of this side
	 * @return the families of series it reads
	 */
	Set<String> families(SideQuery query);

	/**
	 * @param template a query written here
	 * @return its block of a generated mapping, line by line (the key first)
	 */
	List<String> yaml(String template);

}
