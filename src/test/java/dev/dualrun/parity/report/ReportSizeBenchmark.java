package dev.dualrun.parity.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.align.Aligner;
import dev.dualrun.parity.compare.ComparisonResult;
import dev.dualrun.parity.compare.SideAnswer;
import dev.dualrun.parity.compare.PairComparator;
import dev.dualrun.parity.config.Sides;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.Tolerance;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.TimeSeries;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.PackedSeries;
import dev.dualrun.parity.store.PairDefinitions;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.ResultRows;
import dev.dualrun.parity.store.RunPairRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Size and render time of a 1,000-pair report of a day of one-minute points, through the
 * real store, builder and writer, then opened in Chromium. Prints its figures; not part
 * of the suite.
 *
 * <pre>mvn -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReportSizeBenchmark</pre>
 */
class ReportSizeBenchmark {

	@Test
	void measuresAThousandPairReport() throws Exception {
		int pairs = 1000;
		Instant start = Instant.parse("2026-11-21T00:00:00Z");
		QueryWindow window = new QueryWindow(start, start.plus(Duration.ofDays(1)), Duration.ofMinutes(1));
		Path dir = Files.createTempDirectory("report-size");
		// pooled, as the application's Hikari pool: an unpooled H2 data source opens the
		// file per call
		javax.sql.DataSource ds = org.h2.jdbcx.JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("parity"), "sa",
				"");
		ParityStore store = ParityStore.open(ds, Clock.systemUTC());
		long runId = store.runs().insert("m.yml", null, null, null, 600, start, null);
		List<RunPairRow> planned = new ArrayList<>();
		List<PairMapping> mappings = new ArrayList<>();
		for (int p = 0; p < pairs; p++) {
			PairMapping m = dev.dualrun.parity.source.TestPairs
				.pair(String.format(Locale.ROOT, "pair-%04d", p), "1m",
						"cloudwatch: { namespace: NS, metric: M, statistic: Average, unit: Seconds }", "up")
				.withTolerance(Tolerance.AVERAGE);
			mappings.add(m);
			planned.add(new RunPairRow(runId, m.id(), p, 60, window.start(), window.end(), PairDefinitions.toJson(m),
					null));
		}
		store.plan(runId, planned);
		store.runs().planned(runId, "0".repeat(64), window.start(), window.end(), pairs, 15);
		Random random = new Random(1);
		for (PairMapping m : mappings) {
			long[] ts = new long[1440];
			double[] c = new double[1440];
			double[] p = new double[1440];
			for (int k = 0; k < 1440; k++) {
				ts[k] = window.bucket(k).toEpochMilli();
				c[k] = 0.1 + 0.02 * Math.sin(k / 60.0) + 0.002 * random.nextGaussian();
				p[k] = c[k] * (1 + 0.005 * random.nextGaussian()) * ((m.id().endsWith("7")) ? 1.06 : 1);
			}
			store.saveEvidence(evidence(runId, m.id(), EvidenceRow.Side.OLD, window, ts, c));
			ComparisonResult r = PairComparator
				.compare(Aligner.align(window, new TimeSeries(java.util.Map.of(), ts, c, List.of()),
						new TimeSeries(java.util.Map.of(), ts, p, List.of()), 1, false,
						dev.dualrun.parity.source.Sources.sides("cloudwatch", "prometheus")), m.tolerance());
			store.saveResult(store.resultRow(runId, m.id(), r),
					ResultRows.discrepancies(runId, m.id(), r.points().discrepancies()),
					evidence(runId, m.id(), EvidenceRow.Side.NEW, window, ts, p));
		}
		store.runs().finish(runId, "COMPLETED", Instant.now(), null);
		long t0 = System.nanoTime();
		RunReport report = new ReportBuilder(store, Clock.systemUTC()).build(runId);
		long t1 = System.nanoTime();
		Path html = new ReportWriter().write(report, dir.resolve("reports"));
		long t2 = System.nanoTime();
		long size = Files.size(html);
		long opened = System.nanoTime();
		Chromium.Page page = Chromium.open(html, dir.resolve("report.png"));
		double openSeconds = (System.nanoTime() - opened) / 1e9;
		String figures = String.format(Locale.ROOT,
				"1,000 pairs x 1,440 points a side: report %.2f MB (%s), built from the store in %.1f s, written in "
						+ "%.1f s; opened, scripted and screenshotted by headless Chromium twice in %.1f s; "
						+ "console errors: %d",
				size / 1e6, html.getFileName(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, openSeconds,
				page.console().stream().filter((l) -> l.contains("Uncaught") || l.contains("Error")).count());
		System.out.println(figures);
		Path out = Path.of("target", "benchmark", "report-size.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, figures + "\n");
		assertThat(size).as("a 1,000-pair report stays under 10 MB").isLessThan(10_000_000);
	}

	private static EvidenceRow evidence(long runId, String pair, EvidenceRow.Side side, QueryWindow window, long[] ts,
			double[] v) {
		return EvidenceRow.of(runId, pair, side, "q", window, 0, 1,
				new SideAnswer.Series(new TimeSeries(java.util.Map.of(), ts, v, List.of())), Instant.now());
	}

}
