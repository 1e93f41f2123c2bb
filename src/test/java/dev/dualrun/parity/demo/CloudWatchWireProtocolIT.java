package dev.dualrun.parity.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proves which wire protocol the pinned SDK speaks, and that the CloudWatch-compatible
 * server answers it as CloudWatch does, through the real SDK client.
 */
class CloudWatchWireProtocolIT {

	private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	private static final Instant HOUR = NOW.minus(3, ChronoUnit.HOURS);

	private CloudWatchCompatibleServer server;

	private CloudWatchClient client;

	@BeforeEach
	void start() throws IOException {
		this.server = CloudWatchCompatibleServer.start(Clock.fixed(NOW, java.time.ZoneOffset.UTC), "AKIDTEST");
		this.client = client(this.server.endpoint(), "AKIDTEST");
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.close();
	}

	static CloudWatchClient client(URI endpoint, String accessKey) {
		return CloudWatchClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
			.build();
	}

	@Test
	void pinnedSdkSendsSmithyRpcV2Cbor() throws IOException {
		List<Map<String, Object>> seen = new ArrayList<>();
		HttpServer capture = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		capture.createContext("/", (exchange) -> {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				Map<String, Object> request = new ConcurrentHashMap<>();
				request.put("method", exchange.getRequestMethod());
				request.put("path", exchange.getRequestURI().getPath());
				request.put("headers", exchange.getRequestHeaders());
				request.put("body", in.readAllBytes());
				seen.add(request);
				byte[] empty = { (byte) 0xa0 };
				exchange.sendResponseHeaders(200, empty.length);
				exchange.getResponseBody().write(empty);
			}
		});
		capture.start();
		try (CloudWatchClient raw = client(URI.create("http://127.0.0.1:" + capture.getAddress().getPort()), "AKID")) {
			raw.getMetricData(GetMetricDataRequest.builder()
				.startTime(HOUR)
				.endTime(NOW)
				.metricDataQueries(query("m_avg", "Average", 60))
				.build());
		}
		finally {
			capture.stop(0);
		}
		assertThat(seen).hasSize(1);
		Map<String, Object> request = seen.get(0);
		@SuppressWarnings("unchecked")
		Map<String, List<String>> headers = (Map<String, List<String>>) request.get("headers");
		assertThat(request.get("method")).isEqualTo("POST");
		assertThat(request.get("path")).isEqualTo("/service/GraniteServiceVersion20100801/operation/GetMetricData");
		assertThat(headers.get("Smithy-protocol")).containsExactly("rpc-v2-cbor");
		assertThat(headers.get("Content-type")).containsExactly("application/cbor");
		assertThat(headers.get("X-amzn-query-mode")).containsExactly("true");
		assertThat(headers).doesNotContainKey("X-amz-target");
		assertThat(headers.get("Authorization").get(0)).contains("/us-east-1/monitoring/aws4_request");
		byte[] body = (byte[]) request.get("body");
		assertThat(body[0] & 0xff).as("indefinite-length CBOR map").isEqualTo(0xbf);
		assertThat(body[body.length - 1] & 0xff).isEqualTo(0xff);
	}

	@Test
	void computesStatisticsPerPeriodAndOmitsEmptyPeriods() {
		putLatency(HOUR.plusSeconds(5), new double[] { 0.1, 0.2, 0.9 }, new double[] { 2, 1, 1 });
		putLatency(HOUR.plusSeconds(59), new double[] { 0.3 }, new double[] { 1 });
		putLatency(HOUR.plusSeconds(180), new double[] { 0.5 }, new double[] { 4 });
		GetMetricDataResponse response = this.client.getMetricData(GetMetricDataRequest.builder()
			.startTime(HOUR)
			.endTime(HOUR.plusSeconds(300))
			.scanBy(ScanBy.TIMESTAMP_ASCENDING)
			.metricDataQueries(query("avg", "Average", 60), query("sum", "Sum", 60), query("cnt", "SampleCount", 60),
					query("mn", "Minimum", 60), query("mx", "Maximum", 60), query("pct", "p90", 60))
			.build());
		Map<String, MetricDataResult> byId = new java.util.HashMap<>();
		response.metricDataResults().forEach((r) -> byId.put(r.id(), r));
		assertThat(byId.get("avg").timestamps()).containsExactly(HOUR, HOUR.plusSeconds(180));
		assertThat(byId.get("avg").values()).containsExactly(1.6 / 5, 0.5);
		assertThat(byId.get("sum").values().get(0)).isCloseTo(1.6, org.assertj.core.data.Offset.offset(1e-12));
		assertThat(byId.get("cnt").values()).containsExactly(5.0, 4.0);
		assertThat(byId.get("mn").values()).containsExactly(0.1, 0.5);
		assertThat(byId.get("mx").values()).containsExactly(0.9, 0.5);
		assertThat(byId.get("pct").values()).containsExactly(0.9, 0.5);
		assertThat(byId.get("avg").statusCode()).isEqualTo(StatusCode.COMPLETE);
	}

	@Test
	void acceptsGzippedPutMetricDataAndStatisticSets() {
		List<MetricDatum> data = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			data.add(MetricDatum.builder()
				.metricName("Requests")
				.dimensions(Dimension.builder().name("Endpoint").value("/very/long/endpoint/name/" + i).build())
				.timestamp(HOUR.plusSeconds(60L * (i % 60)))
				.statisticValues(StatisticSet.builder().sampleCount(4.0).sum(10.0).minimum(1.0).maximum(4.0).build())
				.unit("Count")
				.build());
		}
		this.client.putMetricData((r) -> r.namespace("FlaskApp").metricData(data));
		GetMetricDataResponse response = this.client.getMetricData(GetMetricDataRequest.builder()
			.startTime(HOUR)
			.endTime(NOW)
			.metricDataQueries(MetricDataQuery.builder()
				.id("s")
				.metricStat(MetricStat.builder()
					.metric(Metric.builder()
						.namespace("FlaskApp")
						.metricName("Requests")
						.dimensions(Dimension.builder().name("Endpoint").value("/very/long/endpoint/name/7").build())
						.build())
					.period(3600)
					.stat("Sum")
					.unit("Count")
					.build())
				.build())
			.build());
		assertThat(response.metricDataResults().get(0).values()).containsExactly(10.0);
		assertThat(this.server.calls("PutMetricData")).isEqualTo(1);
	}

	@Test
	void paginatesWithNextTokenWhenMaxDatapointsIsExceeded() {
		for (int i = 0; i < 30; i++) {
			putLatency(HOUR.plusSeconds(60L * i), new double[] { i }, new double[] { 1 });
		}
		GetMetricDataRequest request = GetMetricDataRequest.builder()
			.startTime(HOUR)
			.endTime(NOW)
			.maxDatapoints(7)
			.scanBy(ScanBy.TIMESTAMP_ASCENDING)
			.metricDataQueries(query("a", "Average", 60))
			.build();
		List<Double> values = new ArrayList<>();
		int pages = 0;
		for (GetMetricDataResponse page : this.client.getMetricDataPaginator(request)) {
			pages++;
			page.metricDataResults().forEach((r) -> values.addAll(r.values()));
		}
		assertThat(pages).isEqualTo(5);
		assertThat(values).hasSize(30);
		assertThat(values.get(29)).isEqualTo(29.0);
	}

	@Test
	void refusesMoreThan500QueriesWithCloudWatchsError() {
		List<MetricDataQuery> queries = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			queries.add(query("q" + i, "Average", 60));
		}
		assertThatThrownBy(() -> this.client.getMetricData(
				GetMetricDataRequest.builder().startTime(HOUR).endTime(NOW).metricDataQueries(queries).build()))
			.isInstanceOf(InvalidParameterValueException.class)
			.hasMessageContaining("greater than 500")
			.satisfies((ex) -> assertThat(((CloudWatchException) ex).awsErrorDetails().errorCode())
				.isEqualTo("InvalidParameterValue"));
	}

	@Test
	void throttlingIsRetriedBySdkAndSurfacesAsThrottlingErrorCode() {
		this.server.faults().throttleNext(10);
		assertThatThrownBy(() -> this.client.getMetricData(GetMetricDataRequest.builder()
			.startTime(HOUR)
			.endTime(NOW)
			.metricDataQueries(query("a", "Average", 60))
			.build())).isInstanceOfSatisfying(CloudWatchException.class, (ex) -> {
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("Throttling");
				assertThat(((SdkServiceException) ex).isThrottlingException()).isTrue();
			});
		assertThat(this.server.calls("GetMetricData")).isEqualTo(4);
	}

	@Test
	void refusesAWrongAccessKey() {
		try (CloudWatchClient wrong = client(this.server.endpoint(), "AKIDWRONG")) {
			assertThatThrownBy(() -> wrong.listMetrics((r) -> r.namespace("FlaskApp")))
				.isInstanceOfSatisfying(CloudWatchException.class, (ex) -> {
					assertThat(ex.statusCode()).isEqualTo(403);
					assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
				});
		}
	}

	@Test
	void listsMetricsByNamespaceAndDimensionFilter() {
		putLatency(HOUR, new double[] { 1 }, new double[] { 1 });
		var metrics = this.client.listMetrics((r) -> r.namespace("FlaskApp")).metrics();
		assertThat(metrics).hasSize(1);
		assertThat(metrics.get(0).dimensions()).extracting(Dimension::name).containsExactly("Endpoint", "Method");
	}

	@Test
	void evaluatesArithmeticMetricMath() {
		putLatency(HOUR, new double[] { 0.2, 0.4 }, new double[] { 1, 1 });
		GetMetricDataResponse response = this.client.getMetricData(GetMetricDataRequest.builder()
			.startTime(HOUR)
			.endTime(HOUR.plusSeconds(60))
			.metricDataQueries(query("s", "Sum", 60).toBuilder().returnData(false).build(),
					query("n", "SampleCount", 60).toBuilder().returnData(false).build(),
					MetricDataQuery.builder().id("avg_ms").expression("1000 * s / n").period(60).build())
			.build());
		assertThat(response.metricDataResults()).hasSize(1);
		assertThat(response.metricDataResults().get(0).values().get(0)).isCloseTo(300.0,
				org.assertj.core.data.Offset.offset(1e-9));
	}

	private void putLatency(Instant at, double[] values, double[] counts) {
		List<Double> v = new ArrayList<>();
		List<Double> c = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			v.add(values[i]);
			c.add(counts[i]);
		}
		this.client.putMetricData((r) -> r.namespace("FlaskApp")
			.metricData(MetricDatum.builder()
				.metricName("EndpointLatency")
				.dimensions(Dimension.builder().name("Endpoint").value("/").build(),
						Dimension.builder().name("Method").value("GET").build())
				.timestamp(at)
				.values(v)
				.counts(c)
				.unit("Seconds")
				.build()));
	}

	private static MetricDataQuery query(String id, String stat, int period) {
		return MetricDataQuery.builder()
			.id(id)
			.metricStat(MetricStat.builder()
				.metric(Metric.builder()
					.namespace("FlaskApp")
					.metricName("EndpointLatency")
					.dimensions(Dimension.builder().name("Endpoint").value("/").build(),
							Dimension.builder().name("Method").value("GET").build())
					.build())
				.period(period)
				.stat(stat)
				.build())
			.build();
	}

}
