package dev.dualrun.parity.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.testing.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard of a mapping fits Grafana's own dashboard schema (the types of
 * {@code @grafana/schema} 13.2.3, kept under {@code src/test/resources/grafana}), and
 * each panel queries both systems on one grid.
 */
class GrafanaDashboardTest {

	private static JsonNode dashboard() {
		MappingFile mapping = Fixtures.mapping("report/grafana-dashboard.yml");
		JsonMapper json = JsonMapper.builder().build();
		return json.readTree(GrafanaDashboard.json(GrafanaDashboard.of(mapping, Map.of(), null)));
	}

	@Test
	void theFileChangesOnlyWhenTheDashboardDoes() {
		// every object's keys in order: the same dashboard is the same bytes in any JVM
		assertThat(unordered("$", dashboard())).isEmpty();
		assertThat(dashboard().path("panels").get(0).path("fieldConfig").path("defaults").path("unit").asString())
			.isEqualTo("s");
	}

	private static List<String> unordered(String at, JsonNode node) {
		List<String> out = new java.util.ArrayList<>();
		if (node.isObject()) {
			List<String> names = new java.util.ArrayList<>(node.propertyNames());
			if (!names.equals(names.stream().sorted().toList())) {
				out.add(at + ": " + names);
			}
			node.forEachEntry((k, v) -> out.addAll(unordered(at + "." + k, v)));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				out.addAll(unordered(at + "[" + i + "]", node.get(i)));
			}
		}
		return out;
	}

	@Test
	void fitsGrafanasOwnDashboardSchema() throws Exception {
		String types;
		try (var in = getClass().getResourceAsStream("/grafana/dashboard-types.gen.d.ts")) {
			types = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		GrafanaSchema schema = new GrafanaSchema(types);
		assertThat(schema.knows("Dashboard")).isTrue();
		assertThat(schema.knows("Panel")).isTrue();
		JsonNode d = dashboard();
		assertThat(schema.check(d, "Dashboard")).isEmpty();
		// and the checker does refuse what Grafana's schema does not allow
		JsonNode broken = JsonMapper.builder()
			.build()
			.readTree(d.toString()
				.replace("\"schemaVersion\":39", "\"schemaVersion\":\"39\"")
				.replaceFirst("\"gridPos\":\\{", "\"gridPos\":{\"depth\":1,"));
		assertThat(schema.check(broken, "Dashboard")).contains("$.schemaVersion: expected number, got \"39\"",
				"$.panels[0].gridPos.depth: not a field of GridPos");
	}

	@Test
	void eachAlertPairHasAPanelOfWhenItsNewRuleFired() {
		JsonNode d = dashboard();
		JsonNode panels = d.path("panels");
		JsonNode alert = panels.get(panels.size() - 1);
		assertThat(alert.path("title").asString()).isEqualTo("alert latency-page · not run");
		assertThat(alert.path("targets").get(0).path("expr").asString())
			.isEqualTo("max(ALERTS{alertname=\"LatencyHigh\", alertstate=\"firing\"}) or vector(0)");
		assertThat(alert.path("description").asString()).contains("The alarm latency-high (CloudWatch)",
				"the rule LatencyHigh");
		// below the pairs' panels, none overlapping
		int pairsBottom = 0;
		for (int i = 0; i < panels.size() - 1; i++) {
			JsonNode pos = panels.get(i).path("gridPos");
			pairsBottom = Math.max(pairsBottom, pos.path("y").asInt() + pos.path("h").asInt());
		}
		assertThat(alert.path("gridPos").path("y").asInt()).isEqualTo(pairsBottom);
	}

	@Test
	void eachPanelQueriesBothSystemsOnOneGrid() {
		JsonNode d = dashboard();
		assertThat(d.path("templating").path("list").findValuesAsString("name")).containsExactly("cloudwatch",
				"prometheus", "azuremonitor");
		JsonNode latency = d.path("panels").get(0);
		assertThat(latency.path("title").asString()).isEqualTo("latency · not run");
		assertThat(latency.path("targets").get(0).path("dimensions").path("Method").get(0).asString()).isEqualTo("GET");
		assertThat(latency.path("targets").get(1).path("expr").asString()).isEqualTo(
				"last_over_time(((sum(increase(x_sum[5m])) / sum(increase(x_count[5m]))) * 1000)[5m:5m] offset -5m)");
		List<String> expression = d.path("panels").get(1).path("targets").findValuesAsString("id");
		assertThat(expression).containsExactly("errors", "requests", "");
		JsonNode cpu = d.path("panels").get(2).path("targets").get(0);
		assertThat(cpu.path("datasource").path("uid").asString()).isEqualTo("${azuremonitor}");
		assertThat(cpu.path("azureMonitor").path("timeGrain").asString()).isEqualTo("PT1M");
		assertThat(cpu.path("azureMonitor").path("resources").get(0).path("resourceName").asString())
			.isEqualTo("web-2");
	}

}
