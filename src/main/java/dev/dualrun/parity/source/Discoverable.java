package dev.dualrun.parity.source;

import java.util.List;
import java.util.Map;

import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.config.StatisticKind;

/**
 * A capability of an old side: what discovering pairs for its listed metrics needs of it.
 * Where exporters copy its metrics into the new side it names their copies, so that they
 * are paired exactly; for the others it says which statistic of a metric reproduces a
 * kind of series, and writes its side of a generated pair.
 */
public interface Discoverable {

	/**
	 * A series an exporter would make of a metric at a statistic.
	 *
	 * @param exporter the exporter's name
	 * @param statistic the statistic the copy holds, as this side names it
	 * @param name the series' metric name on the new side
	 * @param labels dimension name to the label carrying its value
	 * @param dimensionPrefix the prefix of the labels the exporter gives dimensions (a
	 * series with another such label is another metric), or null
	 */
	record Copy(String exporter, String statistic, String name, Map<String, String> labels, String dimensionPrefix) {

	}

	/**
	 * @param item a listed metric
	 * @return every copy the known exporters would make of it, most telling statistic
	 * first
	 */
	List<Copy> copies(InventoryItem item);

	/**
	 * @param name a metric name of the new side
	 * @return true if it is an exporter's copy of this side's metrics, never an
	 * application's own metric
	 */
	boolean isCopy(String name);

	/**
	 * @return what to change in an exporter whose copies are stamped at scrape time, so
	 * that they are stamped at this side's bucket starts
	 */
	String stampAdvice();

	/**
	 * @param kind what a statistic measures
	 * @return this side's statistic of that kind, e.g. {@code Sum}
	 */
	String statistic(StatisticKind kind);

	/**
	 * @param baseUnit a base unit the new side's series name carries ({@code seconds},
	 * {@code count}), or null
	 * @return this side's name of that unit, or null
	 */
	String unit(String baseUnit);

	/**
	 * @param item a listed metric
	 * @param statistic a statistic of this side
	 * @param unit a unit of this side, or null
	 * @return this side's query of the metric
	 */
	SideQuery query(InventoryItem item, String statistic, String unit);

	/**
	 * @param item a listed metric
	 * @return the id of a pair of it
	 */
	String id(InventoryItem item);

	/**
	 * @param query a query of this side
	 * @return its block of a generated mapping, line by line (the key first)
	 */
	List<String> yaml(SideQuery query);

}
