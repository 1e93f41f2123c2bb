package dev.dualrun.parity.source;

import java.util.List;
import java.util.Map;

import dev.dualrun.parity.config.PairMapping;

/**
 * A capability of a source: its side of a pair drawn by a Grafana data source, for the
 * dashboard of the pairs.
 */
public interface DashboardPanels {

	/**
	 * @return the type of the system's Grafana data source plugin
	 */
	String grafanaDatasource();

	/**
	 * The pair's side as queries of the system's Grafana data source, aligned on the
	 * validator's grid (each point stamped at its bucket's start).
	 * @param pair the pair
	 * @param refId the id of the panel's query that draws this side (helper queries get
	 * ids of their own)
	 * @param datasourceUid the data source, e.g. a dashboard variable
	 * @return the queries as Grafana's dashboard JSON holds them
	 */
	List<Map<String, Object>> grafanaQueries(PairMapping pair, String refId, String datasourceUid);

	/**
	 * An alert of this system drawn over time: when it fired, as the system records it
	 * (none when its Grafana data source cannot draw that).
	 * @param alert the alarm or rule
	 * @param refId the id of the panel's query
	 * @param datasourceUid the data source, e.g. a dashboard variable
	 * @return the queries as Grafana's dashboard JSON holds them
	 */
	default List<Map<String, Object>> grafanaAlertQueries(dev.dualrun.parity.config.AlertMapping.Ref alert,
			String refId, String datasourceUid) {
		return List.of();
	}

}
