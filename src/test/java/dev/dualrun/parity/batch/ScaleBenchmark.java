package dev.dualrun.parity.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.MappingLoader;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.demo.CloudWatchCompatibleServer;
import dev.dualrun.parity.demo.DemoPrometheusServer;
import dev.dualrun.parity.demo.SyntheticEstate;
import dev.dualrun.parity.report.Chromium;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.cloudwatch.CallPlanner;
import dev.dualrun.parity.source.cloudwatch.CloudWatchClientFactory;
import dev.dualrun.parity.source.cloudwatch.CloudWatchSettings;
import dev.dualrun.parity.source.cloudwatch.CloudWatchSource;
import dev.dualrun.parity.source.prometheus.PrometheusClient;
import dev.dualrun.parity.source.prometheus.PrometheusSettings;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import static org.assertj.core.api.Assertions.assertThat;
import dev.dualrun.parity.testing.JobOutput;
import dev.dualrun.parity.testing.TestStore;

/**
 * The night of a real migration, measured (a benchmark, not part of the test suite): N
 * equivalent pairs (default 10,000) of 24 h at 60 s against the CloudWatch-compatible
 * server and a Prometheus-compatible endpoint on loopback with injected latency, the job
 * run as the built jar in a child JVM with {@code -Xmx512m}, then the same requests made
 * with the same concurrency by the bare clients. Prints and writes
 * {@code target/benchmark/scale.md}. Run it with
 * {@code mvn -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ScaleBenchmark -Dscale.pairs=10000}.
 */
class ScaleBenchmark {

	@Test
	void nightOfPairs() throws Exception {
		int pairs = Integer.getInteger("scale.pairs", 10_000);
		String heap = System.getProperty("scale.heap", "512m");
		Duration cwLatency = Duration.ofMillis(Long.getLong("scale.cloudwatch-latency-ms", 200));
		Duration promLatency = Duration.ofMillis(Long.getLong("scale.prometheus-latency-ms", 50));
		Path dir = Files.createDirectories(Path.of("target/benchmark/scale-" + pairs));
		deleteContents(dir);
		SyntheticEstate estate = new SyntheticEstate(pairs, 42);
		Path mapping = dir.resolve("mappings.yml");
		StringBuilder yaml = new StringBuilder("defaults: { period: 1m }\npairs:\n");
		for (int i = 0; i < pairs; i++) {
			yaml.append(SyntheticEstate.mappingEntry(i));
		}
		Files.writeString(mapping, yaml);
		Instant now = Clock.systemUTC().instant();
		Instant to = Instant.ofEpochSecond((now.getEpochSecond() - 900) / 3600 * 3600);
		Instant from = to.minus(Duration.ofHours(24));
		try (CloudWatchCompatibleServer cloudwatch = CloudWatchCompatibleServer.start(Clock.systemUTC(), null);
				DemoPrometheusServer prometheus = DemoPrometheusServer.start()) {
			cloudwatch.serve(estate);
			cloudwatch.faults().delay(cwLatency);
			prometheus.serve(estate);
			prometheus.delay(promLatency);
			// the job, as a cron box runs it
			// -Dparity.test.store=postgresql: the store on the machine's PostgreSQL
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
							"-Xlog:gc:file=" + dir.resolve("gc.log"), "-jar", "target/parity-validator.jar"));
			command.addAll(TestStore.withStore(List.of("run", "--mapping", mapping.toString(), "--from",
					from.toString(), "--to", to.toString(), "--prometheus-url", prometheus.url().toString(),
					"--cloudwatch-endpoint", cloudwatch.endpoint().toString(), "--cloudwatch-region", "us-east-1",
					"--data-dir", dir.resolve("data").toString(), "--reports-dir", dir.resolve("reports").toString(),
					"--settle-recheck", "0")));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
			builder.environment().put("AWS_ACCESS_KEY_ID", "bench");
			builder.environment().put("AWS_SECRET_ACCESS_KEY", "bench");
			long cwBefore = cloudwatch.calls("GetMetricData");
			long promBefore = prometheus.requests();
			long t0 = System.nanoTime();
			Process job = builder.start();
			AtomicLong peakRss = new AtomicLong();
			Thread rss = new Thread(() -> {
				while (job.isAlive()) {
					peakRss.accumulateAndGet(vmHwmKb(job.pid()), Math::max);
					try {
						Thread.sleep(200);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			rss.start();
			JobOutput output = JobOutput.read(job);
			Map<String, Long> steps = output.steps();
			List<String> tail = output.lines();
			job.waitFor(60, TimeUnit.MINUTES);
			double jobSeconds = (System.nanoTime() - t0) / 1e9;
			rss.interrupt();
			long cwCalls = cloudwatch.calls("GetMetricData") - cwBefore;
			long promRequests = prometheus.requests() - promBefore;
			int exit = job.exitValue();
			// the same requests with the same concurrency, by the bare clients
			// -Dscale.bare=false skips it (a memory check at 50,000 pairs)
			boolean measureBare = Boolean.parseBoolean(System.getProperty("scale.bare", "true"));
			double[] bare = measureBare
					? bareFetch(dev.dualrun.parity.source.Sources.mappingLoader().load(mapping), from, to,
							cloudwatch.endpoint().toString(), prometheus.url().toString())
					: new double[] { Double.NaN, Double.NaN };
			// the same bare fetch as its own process, cold like the job: JVM start
			// included
			double bareCold = measureBare ? bareFetchInAFreshJvm(heap, mapping, from, to,
					cloudwatch.endpoint().toString(), prometheus.url().toString()) : Double.NaN;
			Path report = dir.resolve("reports").resolve("run-1.html");
			long reportBytes = Files.exists(report) ? Files.size(report) : -1;
			double draw = Files.exists(report) ? Chromium.secondsToDraw(report) : -1;
			Path blank = dir.resolve("blank.html");
			Files.writeString(blank, "<!doctype html><title>blank</title><p>blank");
			double drawBlank = Chromium.secondsToDraw(blank);
			long dbBytes = size(dir.resolve("data"));
			long[] heapMb = peakHeapMb(dir.resolve("gc.log"));
			long minCalls = CallPlanner.minimumCalls(pairs, 1440);
			double bareTotal = bare[0] + bare[1];
			String md = String.format(Locale.ROOT,
					"""
							# Scale benchmark: %,d pairs x 1,440 points a side

							CloudWatch latency %d ms, Prometheus latency %d ms; job: `java -Xmx%s -jar target/parity-validator.jar run`,
							defaults (CloudWatch concurrency 4 within 10 requests/s, Prometheus concurrency 8, 4 judging threads).

							| figure | value |
							|---|---|
							| job exit code | %d |
							| job wall time | %.1f s |
							| bare fetch, same requests and concurrency (CloudWatch + Prometheus) | %.1f s (%.1f + %.1f) |
							| job / bare fetch | %.2f |
							| bare fetch as its own process (a fresh JVM, like the job) | %.1f s |
							| job / bare fetch as its own process | %.2f |
							| fetch-old step (CloudWatch) / bare CloudWatch fetch | %.2f |
							| steps (ms) | %s |
							| report step share of wall time | %.1f %% |
							| heap: most in use before a GC / largest live set after a GC (GC log) | %d MB / %d MB |
							| peak RSS | %d MB |
							| CloudWatch GetMetricData calls (minimum) | %d (%d) |
							| Prometheus requests | %d |
							| run report (HTML) | %.2f MB |
							| headless Chromium: load, draw and screenshot the report (a blank page) | %.1f s (%.1f s) |
							| database after the run | %.1f MB |
							""",
					pairs, cwLatency.toMillis(), promLatency.toMillis(), heap, exit, jobSeconds, bareTotal, bare[0],
					bare[1], jobSeconds / bareTotal, bareCold, jobSeconds / bareCold,
					steps.getOrDefault("fetch-old", 0L) / 1000.0 / bare[0], steps,
					100.0 * steps.getOrDefault("report", 0L) / 1000.0 / jobSeconds, heapMb[0], heapMb[1],
					peakRss.get() / 1024, cwCalls, minCalls, promRequests, reportBytes / 1e6, draw, drawBlank,
					dbBytes / 1e6);
			System.out.println(md);
			Files.writeString(Path.of("target/benchmark/scale.md"), md);
			Files.write(dir.resolve("job.log"), tail);
			assertThat(exit).as(String.join("\n", tail.subList(Math.max(0, tail.size() - 30), tail.size()))).isZero();
		}
	}

	/**
	 * @return seconds for the CloudWatch calls and for the Prometheus requests, made as
	 * the job makes them
	 */
	/**
	 * Runs {@link #main} in a child JVM with the job's heap.
	 * @return the child's wall time in seconds, JVM start included
	 */
	private static double bareFetchInAFreshJvm(String heap, Path mapping, Instant from, Instant to, String cloudwatch,
			String prometheus) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + heap, "-cp", System.getProperty("java.class.path"), ScaleBenchmark.class.getName(),
				mapping.toString(), from.toString(), to.toString(), cloudwatch, prometheus)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		long t0 = System.nanoTime();
		Process p = builder.start();
		if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
			throw new IllegalStateException("the bare fetch in a fresh JVM failed");
		}
		return (System.nanoTime() - t0) / 1e9;
	}

	/**
	 * The bare fetch on its own, for a fresh JVM: mapping, from, to, CloudWatch endpoint,
	 * Prometheus URL.
	 * @param args the arguments
	 * @throws Exception if a fetch fails
	 */
	public static void main(String[] args) throws Exception {
		double[] t = bareFetch(dev.dualrun.parity.source.Sources.mappingLoader().load(Path.of(args[0])),
				Instant.parse(args[1]), Instant.parse(args[2]), args[3], args[4]);
		System.out.println("bare fetch: CloudWatch " + t[0] + " s, Prometheus " + t[1] + " s");
		System.exit(0);
	}

	private static double[] bareFetch(MappingFile mapping, Instant from, Instant to, String cloudwatch,
			String prometheus) throws Exception {
		System.setProperty("aws.accessKeyId", "bench");
		System.setProperty("aws.secretAccessKey", "bench");
		CloudWatchSettings cw = CloudWatchSettings.of("us-east-1", cloudwatch, null);
		List<PairMapping> pairs = mapping.pairs();
		QueryWindow window = new QueryWindow(from, to, Duration.ofMinutes(1));
		double cwSeconds;
		ExecutorService pool = Executors.newFixedThreadPool(cw.concurrency());
		try (CloudWatchClient client = CloudWatchClientFactory.create(cw)) {
			CloudWatchSource source = new CloudWatchSource(client, "bench",
					new CloudWatchClientFactory.AttemptCounter());
			long t0 = System.nanoTime();
			List<Future<?>> calls = new ArrayList<>();
			for (List<PairMapping> batch : CallPlanner.plan(pairs, window.count())) {
				calls.add(pool.submit(() -> source.fetch(batch, window, (r) -> {
				})));
			}
			for (Future<?> f : calls) {
				f.get();
			}
			cwSeconds = (System.nanoTime() - t0) / 1e9;
		}
		finally {
			pool.shutdown();
		}
		PrometheusSettings settings = PrometheusSettings.at(prometheus);
		PrometheusClient client = new PrometheusClient(settings);
		ExecutorService promPool = Executors.newFixedThreadPool(settings.concurrency());
		long t0 = System.nanoTime();
		List<Future<?>> requests = new ArrayList<>();
		for (PairMapping pair : pairs) {
			requests.add(promPool.submit(() -> client.queryRange(pair.neu().describe(), from.plusSeconds(60), to, 60)));
		}
		for (Future<?> f : requests) {
			f.get();
		}
		double promSeconds = (System.nanoTime() - t0) / 1e9;
		promPool.shutdown();
		return new double[] { cwSeconds, promSeconds };
	}

	private static long vmHwmKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("\\D+", ""));
				}
			}
		}
		catch (Exception ex) {
			// the process ended
		}
		return 0;
	}

	/**
	 * @return the most heap in use before a collection, and the largest live set after
	 * one, in MB, from the GC log
	 */
	private static long[] peakHeapMb(Path gcLog) throws Exception {
		if (!Files.exists(gcLog)) {
			return new long[] { -1, -1 };
		}
		Pattern pause = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
		long before = 0;
		long after = 0;
		for (String line : Files.readAllLines(gcLog)) {
			Matcher m = pause.matcher(line);
			if (m.find()) {
				before = Math.max(before, Long.parseLong(m.group(1)));
				after = Math.max(after, Long.parseLong(m.group(2)));
			}
		}
		return new long[] { before, after };
	}

	private static long size(Path dir) throws Exception {
		if (!Files.exists(dir)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong((f) -> f.toFile().length()).sum();
		}
	}

	private static void deleteContents(Path dir) throws Exception {
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder())
				.filter((p) -> !p.equals(dir))
				.forEach((p) -> p.toFile().delete());
		}
	}

}
