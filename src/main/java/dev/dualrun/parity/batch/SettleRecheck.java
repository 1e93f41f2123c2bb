package dev.dualrun.parity.batch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.align.Aligner;
import dev.dualrun.parity.compare.ComparisonResult;
import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.compare.Verdict;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.source.MetricSource;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.TimeSeries;
import dev.dualrun.parity.source.cloudwatch.CloudWatchClientFactory;
import dev.dualrun.parity.source.cloudwatch.CloudWatchSource;
import dev.dualrun.parity.source.prometheus.PrometheusSource;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * Rule 9: a pair that fails only in its newest 30 minutes is read again once after a
 * pause; if those periods changed on either side, the data was still arriving and the
 * pair is UNSETTLED, not failed. The CloudWatch client for the re-read is created on
 * first use and closed with the step; its calls are counted.
 */
final class SettleRecheck implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SettleRecheck.class);

	/** Failures in this many newest minutes may still be late data. */
	static final Duration NEWEST = Duration.ofMinutes(30);

	private final Duration pause;

	private final ParityProperties.CloudWatch settings;

	private final AtomicReference<CloudWatchClient> client = new AtomicReference<>();

	private final AtomicReference<CloudWatchSource> source = new AtomicReference<>();

	SettleRecheck(Duration pause, ParityProperties.CloudWatch settings) {
		this.pause = pause;
		this.settings = settings;
	}

	/**
	 * @return true if this failing result qualifies for a re-read
	 */
	boolean applies(ComparisonResult result, QueryWindow window) {
		if (this.pause.isZero() || result.verdict() != Verdict.FAIL || result.points().discrepancies().isEmpty()) {
			return false;
		}
		long newest = window.end().minus(NEWEST).toEpochMilli();
		return result.points().discrepancies().stream().allMatch((d) -> d.timestamp() >= newest);
	}

	/**
	 * Waits, reads both sides again and compares their newest periods with the first
	 * read.
	 * @return the result, UNSETTLED if the newest periods changed
	 */
	ComparisonResult recheck(PairMapping pair, QueryWindow window, AlignedPair first, ComparisonResult result,
			PrometheusSource prometheus) {
		try {
			Thread.sleep(this.pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return result;
		}
		SeriesResult cw = readCloudWatch(pair, window);
		if (!cw.isOk()) {
			log.warn("pair {}: re-read of CloudWatch failed, keeping the verdict: {}", pair.id(),
					cw.failure().getMessage());
			return result;
		}
		TimeSeries prom = prometheus.fetch(pair, window);
		AlignedPair again = Aligner.align(window, cw.series(), prom, pair.unitFactor(), pair.publishedWhenNonZero());
		int from = Math.max(0, window.count() - (int) (NEWEST.toSeconds() / window.period().toSeconds()));
		int cwChanged = changed(first.cloudwatch(), first.cloudwatchPresent(), again.cloudwatch(),
				again.cloudwatchPresent(), from);
		int promChanged = changed(first.prometheus(), first.prometheusPresent(), again.prometheus(),
				again.prometheusPresent(), from);
		if (cwChanged + promChanged == 0) {
			return result;
		}
		List<Diagnosis> diagnoses = new java.util.ArrayList<>();
		diagnoses.add(new Diagnosis(Diagnosis.Code.UNSETTLED, String.format(Locale.ROOT,
				"the newest %d minutes changed when read again after %d s (CloudWatch: %d period(s), Prometheus: %d): "
						+ "data was still arriving; judge again later or raise --settle",
				NEWEST.toMinutes(), this.pause.toSeconds(), cwChanged, promChanged)));
		diagnoses.addAll(result.diagnoses());
		return new ComparisonResult(Verdict.UNSETTLED, List.copyOf(diagnoses), result.cloudwatch(), result.prometheus(),
				result.points(), result.lag(), result.unitFactor(), result.notes(), result.evidence());
	}

	private SeriesResult readCloudWatch(PairMapping pair, QueryWindow window) {
		CloudWatchSource cw = this.source.updateAndGet((s) -> (s != null) ? s : newSource());
		AtomicReference<SeriesResult> out = new AtomicReference<>();
		cw.fetch(List.of(pair), window, out::set);
		return out.get();
	}

	private synchronized CloudWatchSource newSource() {
		CloudWatchClientFactory.AttemptCounter attempts = new CloudWatchClientFactory.AttemptCounter();
		CloudWatchClient c = CloudWatchClientFactory.create(this.settings, attempts);
		this.client.set(c);
		return new CloudWatchSource(c, (this.settings.endpoint() != null) ? this.settings.endpoint()
				: "region " + c.serviceClientConfiguration().region().id(), attempts);
	}

	private static int changed(double[] a, java.util.BitSet aPresent, double[] b, java.util.BitSet bPresent, int from) {
		int n = 0;
		for (int k = from; k < a.length; k++) {
			boolean pa = aPresent.get(k);
			boolean pb = bPresent.get(k);
			if (pa != pb || (pa && Double.compare(a[k], b[k]) != 0
					&& Math.abs(a[k] - b[k]) > 1e-9 * Math.max(Math.abs(a[k]), Math.abs(b[k])))) {
				n++;
			}
		}
		return n;
	}

	/**
	 * @return calls made by the re-reads
	 */
	MetricSource.CallCount calls() {
		CloudWatchSource s = this.source.get();
		return (s != null) ? s.calls() : new MetricSource.CallCount(0, 0, 0);
	}

	@Override
	public void close() {
		CloudWatchClient c = this.client.getAndSet(null);
		if (c != null) {
			c.close();
		}
	}

}
