package dev.dualrun.parity.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.dualrun.parity.config.AlertMapping;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.DashboardPanels;
import dev.dualrun.parity.source.SourceProvider;
import dev.dualrun.parity.source.Sources;
import dev.dualrun.parity.store.AlertVerdictRow;
import dev.dualrun.parity.store.PairResultRow;

/**
 * A Grafana dashboard for a mapping, to import: one time-series panel per pair with the
 * old side's data source and Prometheus in one (mixed) panel, both drawn on the
 * validator's grid, the pair's latest verdict in the title and its reason in the
 * description. The data sources are dashboard variables ({@code $cloudwatch},
 * {@code $azuremonitor}, {@code $prometheus}), chosen when importing. Each source says
 * how its side is queried in Grafana.
 */
public final class GrafanaDashboard {

	/** The dashboard JSON model version written (Grafana 11 and 12). */
	static final int SCHEMA_VERSION = 39;

	private GrafanaDashboard() {
	}

	/**
	 * @param mapping the mapping
	 * @param results the pairs' results in the mapping's latest run, by pair id (empty
	 * for none)
	 * @param runId that run, or null
	 * @return the dashboard as Grafana's JSON model
	 */
	public static Map<String, Object> of(MappingFile mapping, Map<String, PairResultRow> results, Long runId) {
		return of(mapping, results, Map.of(), runId);
	}

	/**
	 * @param mapping the mapping
	 * @param results the pairs' results in the mapping's latest run, by pair id (empty
	 * for none)
	 * @param alerts the alert pairs' verdicts in that run, by alert id (empty for none)
	 * @param runId that run, or null
	 * @return the dashboard as Grafana's JSON model: the pairs' panels, then a panel for
	 * each alert pair
	 */
	public static Map<String, Object> of(MappingFile mapping, Map<String, PairResultRow> results,
			Map<String, AlertVerdictRow> alerts, Long runId) {
		List<Map<String, Object>> panels = new ArrayList<>();
		Set<SourceProvider> used = new LinkedHashSet<>();
		int id = 1;
		for (int i = 0; i < mapping.pairs().size(); i++) {
			PairMapping pair = mapping.pairs().get(i);
			List<Map<String, Object>> targets = new ArrayList<>();
			String refId = "A";
			for (String type : List.of(pair.oldType(), pair.newType())) {
				SourceProvider side = Sources.provider(type);
				if (side instanceof DashboardPanels drawn) {
					targets.addAll(drawn.grafanaQueries(pair, refId, "${" + variable(side) + "}"));
					used.add(side);
				}
				refId = "B";
			}
			panels.add(panel(pair, i, id++, results.get(pair.id()), runId, targets));
		}
		int y = ((mapping.pairs().size() + 1) / 2) * 8;
		for (int i = 0; i < mapping.alerts().size(); i++) {
			AlertMapping alert = mapping.alerts().get(i);
			SourceProvider side = Sources.provider(alert.neu().type());
			List<Map<String, Object>> targets = (side instanceof DashboardPanels drawn)
					? drawn.grafanaAlertQueries(alert.neu(), "A", "${" + variable(side) + "}") : List.of();
			if (!targets.isEmpty()) {
				used.add(side);
			}
			panels.add(alertPanel(alert, i, y, id++, alerts.get(alert.id()), runId, targets));
		}
		Map<String, Object> dashboard = new LinkedHashMap<>();
		dashboard.put("title", "Parity: " + fileName(mapping.source()));
		dashboard.put("uid", uid(mapping.source()));
		dashboard.put("description",
				"Every pair of " + mapping.source() + " (sha256 " + mapping.sha256().substring(0, 12) + "), both sides"
						+ ((runId != null) ? ", verdicts of run " + runId : ""));
		dashboard.put("tags", List.of("parity-validator", "migration"));
		dashboard.put("timezone", "utc");
		dashboard.put("editable", true);
		dashboard.put("schemaVersion", SCHEMA_VERSION);
		dashboard.put("time", Map.of("from", "now-24h", "to", "now"));
		dashboard.put("templating", Map.of("list", variables(used)));
		dashboard.put("panels", panels);
		return dashboard;
	}

	/**
	 * @param dashboard the dashboard
	 * @return its JSON, every object's keys in order, so that the file changes only when
	 * the dashboard does (a diff in git shows what changed)
	 */
	public static byte[] json(Map<String, Object> dashboard) {
		return tools.jackson.databind.json.JsonMapper.builder()
			.enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.build()
			.writerWithDefaultPrettyPrinter()
			.writeValueAsBytes(dashboard);
	}

	/** Grafana's unit of the old side's unit, when there is one. */
	static String unit(PairMapping pair) {
		return switch (ChartBuilder.axisUnit(pair)) {
			case "Seconds" -> "s";
			case "Milliseconds" -> "ms";
			case "Microseconds" -> "µs";
			case "Bytes" -> "bytes";
			case "Kilobytes" -> "kbytes";
			case "Megabytes" -> "mbytes";
			case "Gigabytes" -> "gbytes";
			case "Bits" -> "bits";
			case "Percent" -> "percent";
			case "Bytes/Second" -> "Bps";
			case "Bits/Second" -> "bps";
			case "Count/Second" -> "cps";
			case "Count" -> "short";
			default -> "";
		};
	}

	/** The panel of the i-th pair: both sides' queries, its verdict in the title. */
	private static Map<String, Object> panel(PairMapping pair, int i, int id, PairResultRow r, Long runId,
			List<Map<String, Object>> targets) {
		String verdict = (r != null) ? r.verdict().name() : "not run";
		Map<String, Object> panel = new LinkedHashMap<>();
		panel.put("id", id);
		panel.put("type", "timeseries");
		panel.put("title", pair.id() + " · " + verdict);
		panel.put("description",
				(pair.description().isEmpty() ? "" : pair.description() + "\n\n")
						+ ((r != null) ? "run " + runId + ": " + r.verdict() + " (" + r.summary() + ")"
								: "no run of this mapping yet")
						+ "\n\nBoth sides are drawn at each period's start, as the validator compares them.");
		panel.put("datasource", Map.of("type", "datasource", "uid", "-- Mixed --"));
		panel.put("interval", dev.dualrun.parity.config.Durations.compact(pair.period()));
		panel.put("gridPos", Map.of("h", 8, "w", 12, "x", (i % 2) * 12, "y", (i / 2) * 8));
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("custom", Map.of("drawStyle", "line", "spanNulls", false));
		if (!unit(pair).isEmpty()) {
			defaults.put("unit", unit(pair));
		}
		panel.put("fieldConfig", Map.of("defaults", defaults, "overrides", List.of()));
		panel.put("options", Map.of("legend", Map.of("displayMode", "list", "placement", "bottom", "showLegend", true),
				"tooltip", Map.of("mode", "multi", "sort", "none")));
		panel.put("targets", targets);
		return panel;
	}

	/**
	 * The panel of the i-th alert pair: when its new rule fired, its verdict in the
	 * title.
	 */
	private static Map<String, Object> alertPanel(AlertMapping alert, int i, int y, int id, AlertVerdictRow v,
			Long runId, List<Map<String, Object>> targets) {
		Map<String, Object> panel = new LinkedHashMap<>();
		panel.put("id", id);
		panel.put("type", "timeseries");
		panel.put("title", "alert " + alert.id() + " · " + ((v != null) ? v.verdict() : "not run"));
		panel.put("description",
				(alert.description().isEmpty() ? "" : alert.description() + "\n\n") + "The alarm "
						+ alert.old().describe() + " (" + Sources.provider(alert.old().type()).displayName()
						+ ") and the rule " + alert.neu().describe() + " that replaces it. "
						+ ((v != null) ? "run " + runId + ": " + v.verdict() + " (" + v.summary() + ")"
								: "no run of this mapping yet")
						+ "\n\nDrawn: 1 while the new rule fires. The run's report draws both sides' episodes.");
		panel.put("datasource", Map.of("type", "datasource", "uid", "-- Mixed --"));
		panel.put("gridPos", Map.of("h", 6, "w", 12, "x", (i % 2) * 12, "y", y + (i / 2) * 6));
		panel.put("fieldConfig", Map.of("defaults",
				Map.of("custom", Map.of("drawStyle", "line", "lineInterpolation", "stepAfter"), "min", 0, "max", 1),
				"overrides", List.of()));
		panel.put("options", Map.of("legend", Map.of("displayMode", "list", "placement", "bottom", "showLegend", true),
				"tooltip", Map.of("mode", "multi", "sort", "none")));
		panel.put("targets", targets);
		return panel;
	}

	/** A data source variable for each source whose panels are drawn. */
	private static List<Map<String, Object>> variables(Set<SourceProvider> used) {
		List<Map<String, Object>> variables = new ArrayList<>();
		for (SourceProvider p : used) {
			if (p instanceof DashboardPanels drawn) {
				Map<String, Object> v = new LinkedHashMap<>();
				v.put("name", variable(p));
				v.put("label", p.displayName());
				v.put("type", "datasource");
				v.put("query", drawn.grafanaDatasource());
				v.put("hide", 0);
				v.put("refresh", 1);
				variables.add(v);
			}
		}
		return variables;
	}

	private static String variable(SourceProvider p) {
		return p.type().replace("-", "");
	}

	private static String fileName(String source) {
		return java.nio.file.Path.of(source).getFileName().toString();
	}

	/** A stable uid of at most 40 characters, Grafana's limit. */
	static String uid(String source) {
		try {
			byte[] h = java.security.MessageDigest.getInstance("SHA-256")
				.digest(source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return "parity-" + java.util.HexFormat.of().formatHex(h, 0, 8);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
