package dev.dualrun.parity.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A CloudWatch-compatible server on loopback that speaks the wire protocol of the pinned
 * AWS SDK for Java v2 (Smithy RPC v2 CBOR:
 * {@code POST /service/GraniteServiceVersion20100801/
 * operation/<Op>}, {@code smithy-protocol: rpc-v2-cbor}, CBOR bodies, gzip
 * PutMetricData), implements PutMetricData, GetMetricData, ListMetrics, and
 * PutMetricAlarm, DescribeAlarms and DescribeAlarmHistory of alarms it evaluates itself,
 * and answers errors in CloudWatch's shape. It checks that requests are SigV4-signed for
 * service {@code monitoring} (and, if configured, by the expected access key) but does
 * not verify signatures.
 */
public final class CloudWatchCompatibleServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(CloudWatchCompatibleServer.class);

	private static final String PREFIX = "/service/GraniteServiceVersion20100801/operation/";

	private static final Pattern CREDENTIAL = Pattern
		.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");

	private final HttpServer server;

	private final ExecutorService executor;

	private final CloudWatchOperations operations;

	private final FaultMode faults = new FaultMode();

	private final CloudWatchAlarmService alarms;

	private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> regions = new ConcurrentHashMap<>();

	/** By region: GetMetricData calls in flight now, and at most since the last reset. */
	private final Map<String, java.util.concurrent.atomic.AtomicInteger[]> regionInFlight = new ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

	private final java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();

	private final String accessKeyId;

	private final Map<String, Runnable> afterNextCall = new ConcurrentHashMap<>();

	private CloudWatchCompatibleServer(HttpServer server, Clock clock, String accessKeyId) {
		this.server = server;
		this.accessKeyId = accessKeyId;
		this.operations = new CloudWatchOperations(new MetricRepository(), clock, this.faults);
		this.alarms = new CloudWatchAlarmService(this.operations, clock);
		// enough workers for a job's concurrent requests with latency injected
		this.executor = Executors.newFixedThreadPool(64, (r) -> {
			Thread t = new Thread(r, "cloudwatch-compatible");
			t.setDaemon(true);
			return t;
		});
		server.setExecutor(this.executor);
		server.createContext("/", this::handle);
	}

	/**
	 * Starts a server on a free loopback port.
	 * @param clock the server's clock (PutMetricData accepts two weeks back)
	 * @param accessKeyId the only access key accepted, or null to accept any signed
	 * request
	 * @return the running server
	 * @throws IOException if no port can be bound
	 */
	public static CloudWatchCompatibleServer start(Clock clock, String accessKeyId) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		CloudWatchCompatibleServer cw = new CloudWatchCompatibleServer(server, clock, accessKeyId);
		server.start();
		return cw;
	}

	/**
	 * @return the endpoint to give the SDK as endpoint override
	 */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * @return the fault switches
	 */
	public FaultMode faults() {
		return this.faults;
	}

	/**
	 * @param operation e.g. {@code GetMetricData}
	 * @return HTTP calls received for it, faults and errors included
	 */
	public long calls(String operation) {
		AtomicLong n = this.calls.get(operation);
		return (n != null) ? n.get() : 0;
	}

	/**
	 * @return GetMetricData calls received, by the region their signature is scoped to
	 */
	public Map<String, Long> metricDataCallsByRegion() {
		Map<String, Long> byRegion = new java.util.TreeMap<>();
		this.regions.forEach((r, n) -> byRegion.put(r, n.get()));
		return byRegion;
	}

	/**
	 * @return the most calls in flight at once since the last {@link #resetPeak()}
	 */
	public int peakInFlight() {
		return this.peak.get();
	}

	/**
	 * @return by region, the most GetMetricData calls in flight at once since the last
	 * {@link #resetPeak()}
	 */
	public Map<String, Integer> peakInFlightByRegion() {
		Map<String, Integer> byRegion = new java.util.TreeMap<>();
		this.regionInFlight.forEach((r, g) -> {
			if (g[1].get() > 0) {
				byRegion.put(r, g[1].get());
			}
		});
		return byRegion;
	}

	/** Starts counting the peaks of calls in flight afresh. */
	public void resetPeak() {
		this.peak.set(this.inFlight.get());
		this.regionInFlight.values().forEach((g) -> g[1].set(g[0].get()));
	}

	/**
	 * Publishes a datum as an AWS service publishes its metrics into its own {@code AWS/}
	 * namespace (PutMetricData refuses those to clients, as CloudWatch does).
	 * @param namespace e.g. {@code AWS/EC2}
	 * @param metric the metric name
	 * @param dimensions its dimensions
	 * @param at its time
	 * @param value its value
	 * @param unit its unit
	 */
	public void publishAsService(String namespace, String metric, Map<String, String> dimensions, java.time.Instant at,
			double value, String unit) {
		this.operations.serviceDatum(namespace, metric, dimensions, at.toEpochMilli(), value, unit);
	}

	/**
	 * Lets every alarm have existed since a time: the server evaluates it from then on
	 * (the demo's alarms were there through the whole dual run).
	 * @param since the time
	 */
	public void alarmsEvaluatedSince(java.time.Instant since) {
		this.alarms.evaluatedSince(since.toEpochMilli());
	}

	/**
	 * Serves a synthetic estate besides the published metrics: its metrics are computed
	 * on the fly, so 50,000 metrics of a day at one minute take no memory.
	 * @param estate the estate
	 */
	public void serve(SyntheticEstate estate) {
		this.operations.synthetic(estate);
	}

	/**
	 * Runs an action once, after the next successful call of an operation has computed
	 * its answer and before the answer is sent (for tests: data that arrives late).
	 * @param operation e.g. {@code GetMetricData}
	 * @param action the action
	 */
	public void afterNextCall(String operation, Runnable action) {
		this.afterNextCall.put(operation, action);
	}

	private void handle(HttpExchange exchange) throws IOException {
		java.util.concurrent.atomic.AtomicInteger[] regional = null;
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String operation = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
			this.calls.computeIfAbsent(operation, (k) -> new AtomicLong()).incrementAndGet();
			this.peak.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			try {
				byte[] body = readBody(exchange);
				String region = check(exchange, operation);
				if ("GetMetricData".equals(operation)) {
					regional = countRegional(region);
				}
				this.faults.pause();
				CloudWatchError fault = this.faults.next();
				if (fault != null) {
					throw fault;
				}
				byte[] response = answer(operation, decode(body));
				Runnable hook = this.afterNextCall.remove(operation);
				if (hook != null) {
					// the answer is computed: the action changes only what later calls
					// see
					hook.run();
				}
				send(exchange, 200, response);
			}
			catch (CloudWatchError ex) {
				exchange.getResponseHeaders()
					.add("x-amzn-query-error", ex.queryCode + ";" + (ex.isSender() ? "Sender" : "Receiver"));
				send(exchange, ex.status, error(ex.shape, ex.getMessage()));
			}
			catch (RuntimeException ex) {
				log.warn("CloudWatch-compatible server failed on {}: {}", operation, ex.toString());
				send(exchange, 500, error("InternalServiceFault", ex.toString()));
			}
		}
		finally {
			this.inFlight.decrementAndGet();
			if (regional != null) {
				regional[0].decrementAndGet();
			}
		}
	}

	/**
	 * Counts a GetMetricData call of a region and its calls in flight.
	 * @return the region's {in flight, peak}, for the caller to decrement when done
	 */
	private java.util.concurrent.atomic.AtomicInteger[] countRegional(String region) {
		this.regions.computeIfAbsent(region, (k) -> new AtomicLong()).incrementAndGet();
		java.util.concurrent.atomic.AtomicInteger[] regional = this.regionInFlight.computeIfAbsent(region,
				(k) -> new java.util.concurrent.atomic.AtomicInteger[] {
						new java.util.concurrent.atomic.AtomicInteger(),
						new java.util.concurrent.atomic.AtomicInteger() });
		regional[1].accumulateAndGet(regional[0].incrementAndGet(), Math::max);
		return regional;
	}

	/** The operation's answer to a request. */
	private byte[] answer(String operation, JsonNode request) {
		return switch (operation) {
			case "PutMetricData" -> this.operations.putMetricData(request);
			case "GetMetricData" -> this.operations.getMetricData(request);
			case "ListMetrics" -> this.operations.listMetrics(request);
			case "PutMetricAlarm" -> this.alarms.putMetricAlarm(request);
			case "DescribeAlarms" -> this.alarms.describeAlarms(request);
			case "DescribeAlarmHistory" -> this.alarms.describeAlarmHistory(request);
			default -> throw new CloudWatchError(400, "InvalidAction", "InvalidAction",
					"Operation '" + operation + "' is not implemented by this CloudWatch-compatible server");
		};
	}

	/** An error body in CBOR: the error's shape and its message. */
	private static byte[] error(String shape, String message) {
		return Cbor.write((gen) -> {
			gen.writeStartObject();
			gen.writeName("__type");
			gen.writeString("com.amazonaws.cloudwatch#" + shape);
			gen.writeName("message");
			gen.writeString(message);
			gen.writeEndObject();
		});
	}

	/**
	 * @return the region the request's signature is scoped to
	 */
	private String check(HttpExchange exchange, String operation) {
		if (!"POST".equals(exchange.getRequestMethod()) || operation.isEmpty()) {
			throw new CloudWatchError(404, "UnknownOperation", "UnknownOperationException", "Expected POST " + PREFIX
					+ "<Operation>, got " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
		}
		String protocol = exchange.getRequestHeaders().getFirst("smithy-protocol");
		if (!"rpc-v2-cbor".equals(protocol)) {
			throw new CloudWatchError(400, "UnsupportedProtocol", "UnsupportedProtocolException",
					"This server speaks Smithy RPC v2 CBOR only (smithy-protocol: rpc-v2-cbor), got " + protocol);
		}
		String auth = exchange.getRequestHeaders().getFirst("Authorization");
		Matcher m = (auth != null) ? CREDENTIAL.matcher(auth) : null;
		if (m == null || !m.find()) {
			throw new CloudWatchError(403, "MissingAuthenticationToken", "MissingAuthenticationToken",
					"Request is missing a SigV4 Authentication Token");
		}
		if (!"monitoring".equals(m.group(3))) {
			throw new CloudWatchError(403, "InvalidSignatureException", "InvalidSignatureException",
					"Credential should be scoped to correct service: 'monitoring', not '" + m.group(3) + "'");
		}
		if (this.accessKeyId != null && !this.accessKeyId.equals(m.group(1))) {
			throw new CloudWatchError(403, "InvalidClientTokenId", "InvalidClientTokenId",
					"The security token included in the request is invalid.");
		}
		return m.group(2);
	}

	private static byte[] readBody(HttpExchange exchange) throws IOException {
		byte[] raw;
		try (InputStream in = exchange.getRequestBody()) {
			raw = in.readAllBytes();
		}
		if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
				return in.readAllBytes();
			}
		}
		return raw;
	}

	private static JsonNode decode(byte[] body) {
		try {
			return Cbor.read(body);
		}
		catch (JacksonException ex) {
			throw new CloudWatchError(400, "SerializationException", "SerializationException",
					"Request body is not valid CBOR: " + ex.getOriginalMessage());
		}
	}

	private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "application/cbor");
		exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
		exchange.getResponseHeaders().add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
