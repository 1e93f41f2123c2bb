package dev.dualrun.parity.alert;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualrun.parity.alert.AlertSide;
import dev.dualrun.parity.alert.Episode;
import dev.dualrun.parity.config.AlertMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.AlertSource;
import dev.dualrun.parity.source.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.RealPrometheus;

/**
 * The validator's replay of alerting rules against what the real Prometheus 2.42 actually
 * did: Prometheus scrapes a live exporter every second and evaluates a rules file every
 * second for about 40 s, writing {@code ALERTS}; then each rule is read through
 * {@code /api/v1/rules}, replayed on its own evaluation instants and compared with
 * {@code ALERTS}. Covered: {@code for} (a breach shorter than it never fires),
 * {@code keep_firing_for}, a {@code <} rule, and {@code or absent(...)} while the series
 * is gone.
 */
class AlertRulesIT {

	@TempDir
	static Path work;

	private static RealPrometheus prometheus;

	private static HttpServer exporter;

	private static long t0;

	private static Instant from;

	private static Instant to;

	/** Seconds since the start: the value each case exposes, NaN for no series. */
	private static final List<Case> CASES = List.of(
			new Case("a", "live_value{case=\"a\"} > 5", "3s", null,
					(s) -> ((s >= 6 && s < 14) || (s >= 22 && s < 24)) ? 9.0 : 1.0),
			new Case("b", "live_value{case=\"b\"} > 5", "0s", "4s",
					(s) -> ((s >= 8 && s < 10) || (s >= 26 && s < 27)) ? 9.0 : 1.0),
			new Case("c", "live_value{case=\"c\"} < 2", "2s", null, (s) -> (s >= 12 && s < 20) ? 0.5 : 4),
			new Case("d", "live_value{case=\"d\"} > 5 or absent(live_value{case=\"d\"})", "2s", null,
					(s) -> (s >= 16 && s < 26) ? Double.NaN : 1));

	record Case(String name, String expr, String hold, String keep, LongFunction<Double> value) {

		String alert() {
			return "Live" + this.name.toUpperCase(java.util.Locale.ROOT);
		}

	}

	@BeforeAll
	static void start() throws Exception {
		exporter = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		exporter.createContext("/metrics", (exchange) -> {
			long s = (System.currentTimeMillis() - t0) / 1000;
			StringBuilder body = new StringBuilder("# TYPE live_value gauge\n");
			for (Case c : CASES) {
				double v = c.value().apply(s);
				if (!Double.isNaN(v)) {
					body.append("live_value{case=\"").append(c.name()).append("\"} ").append(v).append('\n');
				}
			}
			byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		exporter.start();
		StringBuilder rules = new StringBuilder("groups:\n  - name: live\n    interval: 1s\n    rules:\n"
				// many-to-many matching: every evaluation fails
				+ "      - alert: LiveBroken\n        expr: 'live_value + on() live_value > 5'\n");
		for (Case c : CASES) {
			rules.append("      - alert: ")
				.append(c.alert())
				.append("\n        expr: '")
				.append(c.expr())
				.append("'\n        for: ")
				.append(c.hold())
				.append('\n');
			if (c.keep() != null) {
				rules.append("        keep_firing_for: ").append(c.keep()).append('\n');
			}
		}
		String config = "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files: [rules.yml]\n"
				+ "scrape_configs:\n  - job_name: live\n    static_configs:\n      - targets: ['127.0.0.1:"
				+ exporter.getAddress().getPort() + "']\n";
		t0 = Long.MAX_VALUE;
		prometheus = RealPrometheus.start(work, null, config, rules.toString());
		// the schedule starts once Prometheus scrapes and evaluates
		Thread.sleep(3000);
		t0 = System.currentTimeMillis();
		from = Instant.ofEpochMilli(t0);
		Thread.sleep(36_000);
		to = Instant.now();
	}

	@AfterAll
	static void stop() throws Exception {
		if (prometheus != null) {
			prometheus.close();
		}
		if (exporter != null) {
			exporter.stop(0);
		}
	}

	private static AlertSide read(Case c) {
		return read(c.alert());
	}

	private static AlertSide read(String alert) {
		ParityProperties properties = dev.dualrun.parity.batch.SettingsBinding
			.of(Map.of("parity.prometheus.url", prometheus.url()));
		try (AlertSource source = Sources.alerts("prometheus", properties)) {
			return source.read(new AlertMapping.Ref("prometheus", alert, "live"), from, to);
		}
	}

	@Test
	void theReplayOfEachRuleFiresWhenPrometheusFired() throws IOException {
		StringBuilder table = new StringBuilder(
				"| rule | for | keep_firing_for | episodes in ALERTS | replayed | starts apart (max) | ends apart (max) |\n|---|---|---|---|---|---|---|\n");
		for (Case c : CASES) {
			AlertSide side = read(c);
			assertThat(side.condition().health()).as(c.alert()).isNull();
			assertThat(side.condition().step().toMillis()).isEqualTo(1000);
			assertThat(side.actual()).as("%s fired in Prometheus", c.alert()).isNotEmpty();
			assertThat(side.replayed()).as("%s replayed vs ALERTS", c.alert()).hasSameSizeAs(side.actual());
			long starts = 0;
			long ends = 0;
			for (int i = 0; i < side.actual().size(); i++) {
				Episode a = side.actual().get(i);
				Episode r = side.replayed().get(i);
				starts = Math.max(starts, Math.abs(a.start().toEpochMilli() - r.start().toEpochMilli()));
				ends = Math.max(ends, Math.abs(a.end().toEpochMilli() - r.end().toEpochMilli()));
			}
			// one evaluation apart at most: a scrape may land between an evaluation and
			// the instant the API reports it at
			assertThat(starts).as("%s onsets", c.alert()).isLessThanOrEqualTo(1000);
			assertThat(ends).as("%s recoveries", c.alert()).isLessThanOrEqualTo(1000);
			table.append("| ")
				.append(c.alert())
				.append(" | ")
				.append(c.hold())
				.append(" | ")
				.append((c.keep() != null) ? c.keep() : "-")
				.append(" | ")
				.append(side.actual().size())
				.append(" | ")
				.append(side.replayed().size())
				.append(" | ")
				.append(starts)
				.append(" ms | ")
				.append(ends)
				.append(" ms |\n");
		}
		java.nio.file.Files.createDirectories(Path.of("target/benchmark"));
		java.nio.file.Files.writeString(Path.of("target/benchmark/alert-rules-live.md"), table.toString());
		System.out.println("AlertRulesIT: the replay against the real Prometheus' ALERTS\n" + table);
	}

	@Test
	void aRuleThatFailsToEvaluateIsUnhealthyAndItsPairFails() {
		AlertSide broken = read("LiveBroken");
		assertThat(broken.condition().health()).startsWith("health err: ").contains("many-to-many");
		AlertSide a = read(CASES.get(0));
		var j = dev.dualrun.parity.alert.AlertJudge.judge(a, broken, from, to);
		assertThat(j.verdict()).isEqualTo(dev.dualrun.parity.alert.AlertJudgement.Verdict.FAIL);
		assertThat(j.findings().get(0).code()).isEqualTo(dev.dualrun.parity.alert.AlertJudgement.Code.RULE_UNHEALTHY);
	}

	@Test
	void aBreachShorterThanForNeverFiresAndKeepFiringForHoldsTheAlert() {
		AlertSide a = read(CASES.get(0));
		// 8 s above 5 fires once; the 2 s breach later is shorter than for: 3s
		assertThat(a.actual()).hasSize(1);
		AlertSide b = read(CASES.get(1));
		// for: 0s fires at once; keep_firing_for: 4s holds each episode at least 4 s
		assertThat(b.actual()).hasSize(2);
		assertThat(b.actual().get(1).duration().toMillis()).isGreaterThanOrEqualTo(4000);
		AlertSide d = read(CASES.get(3));
		assertThat(d.condition().missingData()).isEqualTo(dev.dualrun.parity.alert.MissingData.BREACHING);
	}

}
