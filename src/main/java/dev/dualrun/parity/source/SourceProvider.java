package dev.dualrun.parity.source;

import java.time.Instant;
import java.util.List;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;

/**
 * A kind of system a pair's side is read from, found by its type through {@link Sources}
 * ({@link java.util.ServiceLoader}): a new source is a new package with its provider plus
 * one line in {@code META-INF/services/dev.dualrun.parity.source.SourceProvider}.
 */
public interface SourceProvider {

	/** The side a source plays in a dual run. */
	enum Role {

		/** The system being retired. */
		OLD,
		/** The system that replaces it. */
		NEW

	}

	/**
	 * @return the type, as the mapping file names the side's block (e.g.
	 * {@code cloudwatch})
	 */
	String type();

	/**
	 * @return the side this source plays
	 */
	Role role();

	/**
	 * @return the system as the report names it (e.g. {@code CloudWatch})
	 */
	String displayName();

	/**
	 * @return what to check when this side has no data for a pair
	 */
	String missingDataHint();

	/**
	 * Opens the source for a run: its client is made here and released when the source is
	 * closed.
	 * @param properties the settings
	 * @return the source
	 */
	MetricSource open(ParityProperties properties);

	/**
	 * @param properties the settings (prices)
	 * @param calls API calls
	 * @param metricsRequested metrics requested
	 * @return what they cost, in words with the price and its date, or null when the
	 * system does not charge for queries
	 */
	default String price(ParityProperties properties, long calls, long metricsRequested) {
		return null;
	}

	/**
	 * @param properties the settings
	 * @return what the system holds, for discovering pairs
	 * @throws dev.dualrun.parity.config.ConfigurationException if it cannot say
	 */
	default Catalog catalog(ParityProperties properties) {
		throw new dev.dualrun.parity.config.ConfigurationException(
				displayName() + " cannot list its series: discover reads Prometheus");
	}

	/**
	 * @return the type of the system's Grafana data source plugin, e.g.
	 * {@code cloudwatch}, or null if Grafana has none
	 */
	default String grafanaDatasource() {
		return null;
	}

	/**
	 * The pair's side as queries of the system's Grafana data source, aligned on the
	 * validator's grid (each point stamped at its bucket's start).
	 * @param pair the pair
	 * @param refId the id of the panel's query that draws this side (helper queries get
	 * ids of their own)
	 * @param datasourceUid the data source, e.g. {@code ${cloudwatch}} (a dashboard
	 * variable)
	 * @return the queries as Grafana's dashboard JSON holds them; empty if Grafana has no
	 * data source for the system
	 */
	default List<java.util.Map<String, Object>> grafanaQueries(PairMapping pair, String refId, String datasourceUid) {
		return List.of();
	}

	/**
	 * Lists the metrics the system holds, for the estate's coverage.
	 * @param properties the settings
	 * @param query what to list
	 * @return the listing
	 * @throws dev.dualrun.parity.config.ConfigurationException if this system cannot list
	 * its metrics
	 * @throws SourceException if the listing failed
	 */
	default Inventory inventory(ParityProperties properties, InventoryQuery query) {
		throw new dev.dualrun.parity.config.ConfigurationException(
				displayName() + " cannot list its metrics: inventory reads CloudWatch");
	}

	/**
	 * @param properties the settings
	 * @return calls to this system in flight at once (its quota's share)
	 */
	default int concurrency(ParityProperties properties) {
		return 4;
	}

	/**
	 * The quota a pair's calls count against, for remote partitioning: a partition never
	 * mixes two, and the partitions of one share its rate
	 * ({@link #share(ParityProperties, double)}).
	 * @param pair a pair whose side this system reads
	 * @param properties the settings
	 * @return the quota's name, e.g. {@code cloudwatch us-east-1}
	 */
	default String quotaScope(PairMapping pair, ParityProperties properties) {
		return type();
	}

	/**
	 * The settings of a partition allowed a share of each quota of this system: its
	 * request rate and calls in flight scaled down, so that the partitions of one quota,
	 * at work at once on several workers, stay within it together.
	 * @param properties the settings
	 * @param share the share, more than 0 and at most 1
	 * @return the settings with this system's limits scaled
	 */
	default ParityProperties share(ParityProperties properties, double share) {
		return properties;
	}

	/**
	 * The fewest calls the old side needs for these pairs, stated before any data call
	 * and compared with the calls made.
	 * @param pairs pairs of one window
	 * @param window the window
	 * @return the minimum number of calls
	 */
	default long minimumCalls(List<PairMapping> pairs, QueryWindow window) {
		return pairs.size();
	}

	/**
	 * Whether the system still holds the data of the pair's period for its window (its
	 * retention), checked when the run is planned.
	 * @param pair the pair
	 * @param window its aligned window
	 * @param now the current time
	 * @return why the window cannot be read at this period, or null if it can
	 */
	default String windowProblem(PairMapping pair, QueryWindow window, Instant now) {
		return null;
	}

	/**
	 * A link to the pair's side over the window in the system's own UI, for the report.
	 * @param pair the pair
	 * @param start the window's start
	 * @param end the window's end
	 * @param periodSeconds the period
	 * @param location where the run read this side (endpoint or URL), as stored
	 * @param region the region, or null
	 * @return the link, or null when there is none (e.g. a test server)
	 */
	default String link(PairMapping pair, Instant start, Instant end, long periodSeconds, String location,
			String region) {
		return null;
	}

	/**
	 * Opens the system's alerts (alarms or alerting rules), for alert pairs.
	 * @param properties the settings
	 * @return the alert source
	 * @throws dev.dualrun.parity.config.ConfigurationException if the system has none
	 */
	default AlertSource alerts(ParityProperties properties) {
		throw new dev.dualrun.parity.config.ConfigurationException(displayName()
				+ " has no alerts the validator can read: alert pairs read CloudWatch alarms and Prometheus alerting rules");
	}

}
