package dev.dualrun.parity.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.config.Sides;
import dev.dualrun.parity.store.RunRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens a report in the real headless Chromium (Debian's {@code chromium}, installed by
 * {@code .ci/run}) as a person would: no console errors, every chart drawn, a hostile
 * pair description executes nothing, and a screenshot under {@code target/browser/} to
 * look at.
 */
class ReportBrowserIT {

	private static final String XSS = "<img src=x onerror=\"document.title='pwned'\">";

	private static Path html;

	@BeforeAll
	static void render() throws Exception {
		Instant t = Instant.parse("2026-11-21T00:00:00Z");
		RunRow run = dev.dualrun.parity.store.TestRows.run(5, "COMPLETED", "m.yml", t, t.plusSeconds(86_400), 2, null);
		List<RunReport.PairSection> pairs = List.of(section("latency", "PASS", "equivalent within tolerance"),
				section("requests", "FAIL", "gap on the Prometheus side"));
		List<PairChart> charts = List.of(chart("latency", t, false), chart("requests", t, true));
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("PASS", 1);
		counts.put("FAIL", 1);
		html = Path.of("target", "browser", "report.html").toAbsolutePath();
		Files.createDirectories(html.getParent());
		Files.writeString(html, new ReportWriter()
			.html(new RunReport(run, counts, pairs, t.toString(), charts, List.of(run)).withAlerts(List.of(alert(t)))));
	}

	/**
	 * An alert pair whose description is hostile, its rule 2 minutes late on one episode.
	 */
	private static AlertView alert(Instant t) {
		long[] times = new long[120];
		double[] values = new double[120];
		for (int i = 0; i < times.length; i++) {
			times[i] = t.plusSeconds(60L * i).toEpochMilli();
			values[i] = (i >= 30 && i < 50) ? 300 : (i >= 80 && i < 85) ? Double.NaN : 100;
		}
		var episode = new dev.dualrun.parity.alert.Episode(t.plusSeconds(60 * 33), t.plusSeconds(60 * 51), false);
		var late = new dev.dualrun.parity.alert.Episode(t.plusSeconds(60 * 35), t.plusSeconds(60 * 51), false);
		var old = new dev.dualrun.parity.alert.AlertSide(
				new dev.dualrun.parity.alert.AlertCondition("CloudWatch", "latency-high", "Average of X",
						dev.dualrun.parity.alert.Comparison.GREATER, 200, java.time.Duration.ofMinutes(1), 3, 3,
						java.time.Duration.ofMinutes(3), null, dev.dualrun.parity.alert.MissingData.MISSING, null,
						"X > 200", null),
				times, values, List.of(episode), List.of(episode), "DescribeAlarmHistory", List.of());
		var neu = new dev.dualrun.parity.alert.AlertSide(new dev.dualrun.parity.alert.AlertCondition("Prometheus",
				"LatencyHigh", "x", dev.dualrun.parity.alert.Comparison.GREATER, 200, java.time.Duration.ofMinutes(1),
				0, 0, java.time.Duration.ofMinutes(5), null, dev.dualrun.parity.alert.MissingData.NOT_BREACHING, null,
				"expr: x > 200", null), times, values, List.of(late), List.of(late), "ALERTS", List.of());
		var mapping = new dev.dualrun.parity.config.AlertMapping("latency-alert", "<img src=x onerror=alert(2)>",
				new dev.dualrun.parity.config.AlertMapping.Ref("cloudwatch", "latency-high", null),
				new dev.dualrun.parity.config.AlertMapping.Ref("prometheus", "LatencyHigh", null), 1);
		var document = new dev.dualrun.parity.store.AlertDocument(mapping, old, neu,
				dev.dualrun.parity.alert.AlertJudge.judge(old, neu, t, t.plusSeconds(7200)), null);
		return AlertView.of(document.row(5, t));
	}

	@Test
	void opensWithoutConsoleErrorsDrawsEveryChartAndExecutesNothingFromTheData() throws Exception {
		Chromium.Page page = Chromium.open(html, html.resolveSibling("report.png"));
		assertThat(page.console()).as("console messages")
			.noneMatch((l) -> l.contains("Uncaught") || l.contains("Refused") || l.contains("Content Security Policy")
					|| l.contains("Error"));
		assertThat(page.dom()).contains("<title>Parity run 5: 1 of 2 pairs pass</title>");
		assertThat(count(page.dom(), "data-drawn=\"true\"")).as("pairs and alert pairs whose charts were drawn")
			.isEqualTo(3);
		assertThat(page.dom()).contains("data-alert=\"latency-alert\" data-drawn=\"true\"");
		assertThat(page.dom()).doesNotContain("<img src=\"x\"").contains("&lt;img src=x onerror=");
		assertThat(Files.size(html.resolveSibling("report.png"))).isGreaterThan(10_000);
	}

	@Test
	void aLargeRunShowsItsTableAPageAtATimeWithTheFailingPairsInFull() throws Exception {
		Instant t = Instant.parse("2026-11-21T00:00:00Z");
		RunRow run = dev.dualrun.parity.store.TestRows.run(6, "COMPLETED", "m.yml", t, t.plusSeconds(86_400), 350,
				null);
		RunReport.PairSection failing = section("requests", "FAIL", "gap on the Prometheus side");
		List<RunReport.Row> rows = new ArrayList<>();
		for (int i = 0; i < 349; i++) {
			rows.add(RunReport.Row.of(section("pair-" + i, "PASS", "equivalent within tolerance"), false,
					small(chart("pair-" + i, t, false)), 0));
		}
		rows.add(RunReport.Row.of(failing, true, null, 0));
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("PASS", 349);
		counts.put("FAIL", 1);
		Path large = html.resolveSibling("large-report.html");
		Files.writeString(large,
				new ReportWriter().html(new RunReport(run, counts, List.of(failing), t.toString(),
						List.of(chart("requests", t, true)), List.of(run), rows, rows.size(),
						List.of(dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus")),
						dev.dualrun.parity.estate.Coverage.of(3, t, "CloudWatch",
								List.of(new dev.dualrun.parity.source.InventoryItem("FlaskApp", "Errors",
										new java.util.TreeMap<>(java.util.Map.of("Endpoint", "/")), null)),
								List.of(), List.of(), java.time.LocalDate.of(2026, 12, 1)),
						List.of())));
		Chromium.Page page = Chromium.open(large, html.resolveSibling("large-report.png"));
		assertThat(page.console()).as("console messages")
			.noneMatch((l) -> l.contains("Uncaught") || l.contains("Refused") || l.contains("Error"));
		assertThat(page.dom()).contains("<title>Parity run 6: 349 of 350 pairs pass</title>", "pairs 1-100 of 350",
				"1 of 350 pairs are shown in full below", "The estate", "Inventory 3 of CloudWatch",
				"1 active metric(s); 0 covered by a pair", "0 % done");
		assertThat(count(page.dom(), "<tr data-verdict=")).as("rows drawn, one page").isEqualTo(100);
		assertThat(count(page.dom(), "<section class=\"pair\"")).as("sections in full").isEqualTo(1);
	}

	@Test
	void theFirstScreenSaysWhetherTheRunPassedAndWhatDoesNot() throws Exception {
		Instant t = Instant.parse("2026-11-21T00:00:00Z");
		RunRow run = dev.dualrun.parity.store.TestRows.run(7, "COMPLETED", "m.yml", t, t.plusSeconds(86_400), 4, null);
		List<RunReport.PairSection> pairs = List.of(section("latency", "PASS", "equivalent within tolerance"),
				section("requests", "FAIL", "gap on the Prometheus side"),
				section("errors", "FAIL", "constant bias: Prometheus is -6.0 % below CloudWatch"),
				section("queue", "UNSETTLED", "the newest periods changed when read again"));
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("PASS", 1);
		counts.put("FAIL", 2);
		counts.put("UNSETTLED", 1);
		AlertView alert = alert(t);
		List<AlertView> alerts = List.of(verdict(alert, "cpu-alert", "FAIL"), verdict(alert, "disk-alert", "FAIL"),
				verdict(alert, "mem-alert", "FAIL"), verdict(alert, "quiet-alert", "NO_EPISODES"));
		Path first = html.resolveSibling("first-screen.html");
		Files.writeString(first,
				new ReportWriter().html(new RunReport(run, counts, pairs, t.toString(),
						List.of(oneSidedGap(chart("requests", t, false)), chart("errors", t, false)), List.of(run))
					.withAlerts(alerts)));
		Chromium.Page page = Chromium.open(first, html.resolveSibling("first-screen.png"), 900);
		String dom = page.dom();
		assertThat(dom)
			.containsPattern("id=\"outcome\">\\s*<span class=\"badge outcome NOT_ALL_PASS\">NOT ALL PASS</span>")
			.contains("1 of 4 pairs pass", "0 of 4 alert pairs pass", " · 3 fail", " · 1 no episodes");
		// the answer, then what does not pass (worst first, alert pairs too), then the
		// table;
		// the alert pairs' sections and the run's facts come after
		assertThat(dom.indexOf("id=\"outcome\"")).isLessThan(dom.indexOf("id=\"attention\""));
		assertThat(dom.indexOf("id=\"attention\"")).isLessThan(dom.indexOf("id=\"pairs\""));
		assertThat(dom.indexOf("id=\"pairs\"")).isLessThan(dom.indexOf("id=\"alerts\""));
		String attention = dom.substring(dom.indexOf("id=\"attention\""),
				dom.indexOf("</table>", dom.indexOf("id=\"attention\"")));
		assertThat(attention)
			.contains("href=\"#pair-requests\"", "href=\"#pair-errors\"", "href=\"#pair-queue\"",
					"href=\"#alert-quiet-alert\"")
			.doesNotContain("#pair-latency");
		assertThat(attention.indexOf("#pair-requests")).isLessThan(attention.indexOf("#pair-queue"));
		assertThat(dom).contains("<details id=\"facts\">").doesNotContainPattern("started</span><span>[^<]*\\.\\d{3,}");
		assertThat(Files.size(html.resolveSibling("first-screen.png"))).isGreaterThan(10_000);
		// the stretch the new side lacks is shaded (charts are drawn once scrolled to)
		String whole = Chromium.open(first, html.resolveSibling("first-screen-whole.png")).dom();
		assertThat(whole)
			.containsPattern(
					"data-pair=\"requests\"[^>]*>\\s*<div class=\"box\"><canvas class=\"overlay\"[^>]*data-gaps=\"1\"")
			.containsPattern(
					"data-pair=\"errors\"[^>]*>\\s*<div class=\"box\"><canvas class=\"overlay\"[^>]*data-gaps=\"0\"");
	}

	/** The chart with the new side missing 10 periods from period 100 on. */
	private static PairChart oneSidedGap(PairChart c) {
		List<Integer> slots = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		int k = 0;
		for (int j = 0; j < c.newSeries().d().length; j++) {
			k += c.newSeries().d()[j];
			if (k == 100) {
				slots.add(k);
				values.add(null);
			}
			else if (k < 100 || k >= 110) {
				slots.add(k);
				values.add(c.newSeries().v()[j]);
			}
		}
		int[] deltas = new int[slots.size()];
		for (int j = 0; j < deltas.length; j++) {
			deltas[j] = slots.get(j) - ((j > 0) ? slots.get(j - 1) : 0);
		}
		return new PairChart(c.pair(), c.start(), c.step(), c.end(), c.unit(), c.oldSeries(),
				new PairChart.Series(deltas, values.toArray(Double[]::new)), c.residual(), c.absolute(), c.relative(),
				c.discrepancies(), c.oldName(), c.newName());
	}

	private static AlertView verdict(AlertView a, String id, String verdict) {
		return new AlertView(id, a.description(), verdict, a.summary(), a.findings(), a.oldSystem(), a.oldName(),
				a.oldDefinition(), a.newSystem(), a.newName(), a.newDefinition(), a.figures(), a.matches(), a.notes(),
				a.timeline(), a.document());
	}

	private static int count(String text, String needle) {
		int n = 0;
		for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
			n++;
		}
		return n;
	}

	private static RunReport.PairSection section(String id, String verdict, String summary) {
		return new RunReport.PairSection(id, XSS, verdict, summary, List.of(new Diagnosis(Diagnosis.Code.GAP_NEW, XSS)),
				List.of(XSS), "FlaskApp/X", "up", 300, 1, "t", Map.of("bias", "+0.1 %"), Map.of("Wilcoxon", "p = 0.5"),
				List.of(), 0, List.of(),
				List.of(new RunReport.HistoryEntry(3, "PASS"), new RunReport.HistoryEntry(4, "FAIL")),
				"http://prom/graph?g0.expr=up", null,
				dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus"));
	}

	/** A row's small chart names no systems: the page's table of sides does. */
	private static PairChart small(PairChart c) {
		return new PairChart(c.pair(), c.start(), c.step(), c.end(), c.unit(), c.oldSeries(), c.newSeries(),
				new PairChart.Series(new int[0], new Double[0]), c.absolute(), c.relative(), c.discrepancies(), null,
				null);
	}

	private static PairChart chart(String id, Instant t, boolean gap) {
		List<Integer> i = new ArrayList<>();
		List<Double> c = new ArrayList<>();
		List<Double> p = new ArrayList<>();
		List<Double> r = new ArrayList<>();
		for (int k = 0; k < 288; k++) {
			if (gap && k >= 100 && k < 110) {
				continue;
			}
			double v = 100 + 30 * Math.sin(k / 20.0);
			i.add(k);
			c.add(v);
			p.add(v * 1.01);
			r.add(v * 0.01);
		}
		int[] idx = new int[i.size()];
		for (int j = 0; j < idx.length; j++) {
			idx[j] = i.get(j) - ((j > 0) ? i.get(j - 1) : 0);
		}
		return new PairChart(id, t.toEpochMilli(), 300_000, t.plusSeconds(86_400).toEpochMilli(), "Count",
				new PairChart.Series(idx, c.toArray(Double[]::new)),
				new PairChart.Series(idx, p.toArray(Double[]::new)),
				new PairChart.Series(idx, r.toArray(Double[]::new)), 2, 0.02, new int[] { 99, 110 }, "CloudWatch",
				"Prometheus");
	}

}
