package dev.dualrun.parity.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.config.Sides;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.store.BackendRow;
import dev.dualrun.parity.store.RunRow;
import dev.dualrun.parity.store.TestRows;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {

	private static final String XSS = "<img src=x onerror=alert(1)>";

	@Test
	void escapesEverythingThatCameFromABackendOrAMappingFile() {
		Instant t = Instant.parse("2026-11-21T00:00:00Z");
		RunRow run = withNewVersion(TestRows.run(7, "COMPLETED", "m.yml", t, t.plusSeconds(3600), 1, null), XSS);
		RunReport.PairSection pair = new RunReport.PairSection("p1", XSS, "FAIL", XSS,
				List.of(new Diagnosis(Diagnosis.Code.BIAS, XSS)), List.of(XSS), XSS, "up{path=\"" + XSS + "\"}", 60, 1,
				"t", Map.of("bias", "+6 %"), Map.of("Wilcoxon", XSS), List.of(List.of("mean", "1", "2", "+100 %")), 1,
				List.of(new RunReport.DiscrepancyView(t.toString(), "OUT_OF_TOLERANCE", "1", "2", "1", "+100 %")),
				List.of(), null, null, dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus"));
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("PASS", 0);
		counts.put("FAIL", 1);
		String html = new ReportWriter()
			.html(new RunReport(run, counts, List.of(pair), t.toString(), List.of(), List.of()));
		assertThat(html).doesNotContain(XSS).contains("&lt;img src=x onerror=alert(1)&gt;");
		String csp = html.replace("&#39;", "'");
		assertThat(csp)
			.contains("default-src 'none'",
					"script-src '" + ReportWriter.sha256(ReportWriter.CHART_JS) + "' '"
							+ ReportWriter.sha256(ReportWriter.CHART_INIT) + "'")
			.doesNotContain("script-src 'unsafe-inline'")
			.doesNotContain("http-equiv=\"refresh\"");
		assertThat(html).contains("0 of 1 pairs pass", "1 fail");
	}

	@Test
	void aPassWithADiscrepancyWithinItsAllowanceShowsNoEmptyTableOfThem() {
		Instant t = Instant.parse("2026-11-21T00:00:00Z");
		RunRow run = TestRows.run(9, "COMPLETED", "m.yml", t, t.plusSeconds(3600), 1, null);
		// one discrepancy counted, none listed: a PASS's are not read for the report
		RunReport.PairSection pass = new RunReport.PairSection("ok", "", "PASS", "equivalent", List.of(), List.of(),
				"q", "q", 60, 1, "t", Map.of(), Map.of(), List.of(), 1, List.of(), List.of(), null, null,
				dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus"));
		String html = new ReportWriter()
			.html(new RunReport(run, Map.of("PASS", 1), List.of(pass), t.toString(), List.of(), List.of()));
		assertThat(html).contains("ok").doesNotContain("Worst discrepancies");
	}

	@Test
	void writesOneJUnitTestCasePerPairWithTheDiagnosisAsFailure() throws Exception {
		Instant t = Instant.parse("2026-11-21T00:00:00Z");
		RunRow run = TestRows.run(8, "COMPLETED", "m.yml", t, t.plusSeconds(3600), 2, null);
		RunReport.PairSection pass = new RunReport.PairSection("ok", "", "PASS", "equivalent", List.of(), List.of(),
				"q", "q", 60, 1, "t", Map.of(), Map.of(), List.of(), 0, List.of(), List.of(), null, null,
				dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus"));
		RunReport.PairSection fail = new RunReport.PairSection("bad\"<&", "", "FAIL", "constant bias: +6.0 %",
				List.of(new Diagnosis(Diagnosis.Code.BIAS, "constant bias: +6.0 %")), List.of(), "q", "q", 60, 1, "t",
				Map.of(), Map.of(), List.of(), 0, List.of(), List.of(), null, null,
				dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus"));
		String xml = JUnitXml.of(new RunReport(run, Map.of(), List.of(pass, fail), t.toString(), List.of(), List.of()));
		var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		var suite = doc.getDocumentElement();
		assertThat(suite.getAttribute("tests")).isEqualTo("2");
		assertThat(suite.getAttribute("failures")).isEqualTo("1");
		var cases = doc.getElementsByTagName("testcase");
		assertThat(((org.w3c.dom.Element) cases.item(1)).getAttribute("name")).isEqualTo("bad\"<&");
		var failure = (org.w3c.dom.Element) doc.getElementsByTagName("failure").item(0);
		assertThat(failure.getAttribute("message")).isEqualTo("constant bias: +6.0 %");
		assertThat(failure.getTextContent()).isEqualTo("BIAS: constant bias: +6.0 %");
	}

	@Test
	void junitXmlStaysWellFormedWhateverABackendSaid() throws Exception {
		Instant t = Instant.parse("2026-11-21T00:00:00Z");
		RunRow run = TestRows.run(9, "COMPLETED", "m\u0007.yml", t, t.plusSeconds(3600), 1, null);
		String hostile = "Prometheus query failed (HTTP 500, boom\u0000\u001b[2J\u0007\ud800 \uffff end)";
		RunReport.PairSection error = new RunReport.PairSection("p", "", "ERROR", hostile,
				List.of(new Diagnosis(Diagnosis.Code.SOURCE_ERROR, hostile)), List.of(), "q", "q", 60, 1, "t", Map.of(),
				Map.of(), List.of(), 0, List.of(), List.of(), null, null,
				dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus"));
		String xml = JUnitXml.of(new RunReport(run, Map.of(), List.of(error), t.toString(), List.of(), List.of()));
		var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		var e = (org.w3c.dom.Element) doc.getElementsByTagName("error").item(0);
		assertThat(e.getAttribute("message")).contains("boom\\x00\\x1b[2J\\x07\\ud800 \\uffff end");
		assertThat(doc.getDocumentElement().getAttribute("errors")).isEqualTo("1");
	}

	/** A run whose new side answered with this version (a backend's text, escaped). */
	private static RunRow withNewVersion(RunRow run, String version) {
		List<BackendRow> rows = run.backends()
			.stream()
			.map((b) -> (b.side() == Side.NEW) ? new BackendRow(b.runId(), b.stepExecutionId(), b.side(), b.system(),
					b.location(), b.region(), version, b.semantics(), b.calls(), b.metrics(), b.retries(), b.splits())
					: b)
			.toList();
		return new RunRow(run.id(), run.jobExecutionId(), run.status(), run.mappingSource(), run.mappingSha256(),
				run.pairFilter(), run.requestedFrom(), run.requestedTo(), run.windowStart(), run.windowEnd(),
				run.settleSeconds(), run.startedAt(), run.finishedAt(), run.pairsTotal(), 0, 1, 0, 0, 0,
				run.oldMinCalls(), null, null, null, null, 0, 0, run.settleRecheckSeconds(), rows);
	}

}
