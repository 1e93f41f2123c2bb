package dev.dualrun.parity.source.azure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.TestPairs;
import dev.dualrun.parity.source.http.RetrySettings;
import dev.dualrun.parity.config.Tolerance;
import dev.dualrun.parity.demo.AzureMonitorCompatibleServer;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.SeriesResult;
import dev.dualrun.parity.source.SourceException;
import dev.dualrun.parity.source.TimeSeries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Azure Monitor source through its real OkHttp client against the
 * Azure-Monitor-compatible server: tokens by client credentials, one resource and the
 * batch API, the roll-up to the grain, missing grains, throttling, refused credentials
 * and answers that do not fit the mapping.
 */
class AzureMonitorSourceIT {

	private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

	private static final String CLIENT = "0f4c3a2e-parity";

	private static final String SECRET = "s3cr3t-Value~of.the_app";

	private static final String SUB = "00000000-1111-2222-3333-444444444444";

	private static AzureMonitorCompatibleServer server;

	private static final Instant NOW = Instant.now();

	private static final Instant START = Instant.ofEpochSecond((NOW.getEpochSecond() / 3600 - 3) * 3600);

	private static final QueryWindow WINDOW = new QueryWindow(START, START.plusSeconds(7200), Duration.ofMinutes(5));

	@BeforeAll
	static void start() throws Exception {
		server = AzureMonitorCompatibleServer.start(Clock.systemUTC(), TENANT, CLIENT, SECRET);
		// 60 virtual machines: CPU every minute, minute m of vm k at 10 + k + (m % 5)
		for (int k = 0; k < 60; k++) {
			for (int m = 0; m < 120; m++) {
				if (k == 0 && m >= 30 && m < 40) {
					continue; // vm-0 sent nothing for ten minutes: two grains without
								// data
				}
				double v = 10 + k + (m % 5);
				server.publish(vm(k), "westeurope", "Microsoft.Compute/virtualMachines", "Percentage CPU", "Percent",
						Map.of(), START.plusSeconds(60L * m), 2, 2 * v, v - 1, v + 1);
			}
		}
		// a storage account's transactions by API name
		for (int m = 0; m < 120; m++) {
			server.publish(storage(), "westeurope", "Microsoft.Storage/storageAccounts", "Transactions", "Count",
					Map.of("ApiName", "GetBlob"), START.plusSeconds(60L * m), 1, 7, 7, 7);
			server.publish(storage(), "westeurope", "Microsoft.Storage/storageAccounts", "Transactions", "Count",
					Map.of("ApiName", "PutBlob"), START.plusSeconds(60L * m), 1, 3, 3, 3);
		}
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static String vm(int k) {
		return "/subscriptions/" + SUB + "/resourceGroups/web/providers/Microsoft.Compute/virtualMachines/vm-" + k;
	}

	private static String storage() {
		return "/subscriptions/" + SUB + "/resourceGroups/data/providers/Microsoft.Storage/storageAccounts/shop";
	}

	private static AzureSettings settings(String secret, String token) {
		String url = server.endpoint().toString();
		return new AzureSettings(url, url, url, TENANT, CLIENT, secret, token, Duration.ofSeconds(5),
				new RetrySettings(3, Duration.ofMillis(10), Duration.ofSeconds(2)), null, null, null);
	}

	private static AzureMonitorSource source(String secret) {
		AzureSettings s = settings(secret, null);
		return new AzureMonitorSource(s, AzureTokenInterceptor.of(s, (k) -> null, Clock.systemUTC()));
	}

	private static PairMapping pair(String id, AzureMonitorQuery q) {
		return new PairMapping(id, "", 1, q, TestPairs.newSide("up"), Duration.ofMinutes(5), 1.0,
				Tolerance.defaultFor(q.kind()), false, null);
	}

	private static PairMapping cpu(int k, String region, AzureMonitorQuery.Aggregation a) {
		return pair("cpu-" + k, new AzureMonitorQuery(vm(k), null, "Percentage CPU", a, null, region, "Percent"));
	}

	private static List<SeriesResult> fetch(AzureMonitorSource source, List<PairMapping> pairs) {
		List<SeriesResult> out = new ArrayList<>();
		source.fetch(pairs, WINDOW, out::add);
		return out;
	}

	@Test
	void rollsMinutesUpToTheGrainAsAzureDoesAndLeavesEmptyGrainsMissing() {
		try (AzureMonitorSource source = source(SECRET)) {
			for (AzureMonitorQuery.Aggregation a : AzureMonitorQuery.Aggregation.values()) {
				TimeSeries s = source.fetch(cpu(0, null, a), WINDOW);
				// 24 grains of 5 minutes, two of them without a minute
				assertThat(s.size()).as(a.name()).isEqualTo(22);
				assertThat(s.timestamps()[0]).isEqualTo(START.toEpochMilli());
				assertThat(s.timestamps()).doesNotContain(START.plusSeconds(1800).toEpochMilli(),
						START.plusSeconds(2100).toEpochMilli());
				double expected = switch (a) {
					case AVERAGE -> 12; // minutes 10..14, two samples each
					case MINIMUM -> 9;
					case MAXIMUM -> 15;
					case TOTAL -> 2 * (10 + 11 + 12 + 13 + 14);
					case COUNT -> 10;
				};
				assertThat(s.values()[0]).as(a.name()).isEqualTo(expected);
				assertThat(s.messages()).contains("unit Percent", "2 grain(s) without a " + a.field() + " (no data)");
			}
		}
	}

	@Test
	void packsFiftyResourcesOfOneRegionAndMetricIntoOneBatchCallWithOneToken() {
		List<PairMapping> pairs = new ArrayList<>();
		for (int k = 0; k < 60; k++) {
			pairs.add(cpu(k, "westeurope", AzureMonitorQuery.Aggregation.AVERAGE));
		}
		pairs.add(cpu(7, null, AzureMonitorQuery.Aggregation.AVERAGE));
		assertThat(AzureMonitorBatches.of(pairs)).extracting(List::size).containsExactly(1, 50, 10);
		long batches = server.calls("getBatch");
		long tokens = server.calls("token");
		try (AzureMonitorSource source = source(SECRET)) {
			List<SeriesResult> results = fetch(source, pairs);
			assertThat(server.calls("getBatch") - batches).isEqualTo(2);
			// one token for Resource Manager, one for the metrics endpoint, each kept
			assertThat(server.calls("token") - tokens).isEqualTo(2);
			assertThat(results).hasSize(61).allMatch(SeriesResult::isOk);
			Map<String, Double> first = new TreeMap<>();
			results.forEach((r) -> first.put(r.pairId(), r.series().values()[0]));
			assertThat(first.get("cpu-59")).isEqualTo(12 + 59);
			assertThat(source.calls().calls()).isEqualTo(3);
			assertThat(source.calls().metricsRequested()).isEqualTo(61);
			assertThat(source.backend().region()).isEqualTo("westeurope");
		}
	}

	@Test
	void aDimensionFilterKeepsOneSeriesAndAnUnfilteredMetricSumsTheDimensions() {
		try (AzureMonitorSource source = source(SECRET)) {
			AzureMonitorQuery get = new AzureMonitorQuery(storage(), null, "Transactions",
					AzureMonitorQuery.Aggregation.TOTAL, new TreeMap<>(Map.of("ApiName", "GetBlob")), "westeurope",
					"Count");
			AzureMonitorQuery all = new AzureMonitorQuery(storage(), null, "Transactions",
					AzureMonitorQuery.Aggregation.TOTAL, null, null, null);
			assertThat(source.fetch(pair("get", get), WINDOW).values()[0]).isEqualTo(35);
			assertThat(source.fetch(pair("all", all), WINDOW).values()[0]).isEqualTo(50);
			assertThat(source.describe(pair("get", get), WINDOW)).contains("$filter ApiName eq 'GetBlob'",
					"interval PT5M", "metrics:getBatch, westeurope");
		}
	}

	@Test
	void throttlingIsRetriedAfterRetryAfter() {
		try (AzureMonitorSource source = source(SECRET)) {
			server.throttleNext(2);
			TimeSeries s = source.fetch(cpu(3, null, AzureMonitorQuery.Aggregation.MAXIMUM), WINDOW);
			assertThat(s.size()).isEqualTo(24);
			assertThat(source.calls().retries()).isEqualTo(2);
		}
	}

	@Test
	void aWrongSecretIsOneLineNamingEntraIdsAnswerWithoutTheSecret() {
		try (AzureMonitorSource source = source("not-the-secret")) {
			SeriesResult r = fetch(source, List.of(cpu(1, null, AzureMonitorQuery.Aggregation.AVERAGE))).get(0);
			assertThat(r.isOk()).isFalse();
			String message = r.failure().getMessage();
			assertThat(message)
				.contains("Microsoft Entra ID refused the client credentials of " + CLIENT, "HTTP 401",
						"invalid_client: AADSTS7000215: Invalid client secret provided")
				.doesNotContain("not-the-secret", "\n", "\r", "Trace ID");
			assertThat(r.failure().isRetryable()).isFalse();
		}
	}

	@Test
	void aTokenFromTheEnvironmentIsUsedAsIsAndAnInvalidOneIsRefused() {
		AzureSettings good = settings(null, server.issue("https://management.azure.com/.default"));
		try (AzureMonitorSource source = new AzureMonitorSource(good,
				AzureTokenInterceptor.of(good, (k) -> null, Clock.systemUTC()))) {
			assertThat(source.fetch(cpu(2, null, AzureMonitorQuery.Aggregation.COUNT), WINDOW).size()).isEqualTo(24);
		}
		AzureSettings bad = settings(null, "eyJ.forged.token");
		try (AzureMonitorSource source = new AzureMonitorSource(bad,
				AzureTokenInterceptor.of(bad, (k) -> null, Clock.systemUTC()))) {
			assertThatThrownBy(() -> source.fetch(cpu(2, null, AzureMonitorQuery.Aggregation.COUNT), WINDOW))
				.isInstanceOf(SourceException.class)
				.hasMessageContaining("Azure Monitor refused the token (HTTP 401, InvalidAuthenticationToken")
				.hasMessageNotContaining("forged");
		}
	}

	@Test
	void noCredentialsAtAllIsAConfigurationErrorNamingTheVariables() {
		AzureSettings none = AzureSettings.defaults();
		assertThatThrownBy(() -> AzureTokenInterceptor.of(none, (k) -> k.equals("AZURE_TENANT_ID") ? TENANT : null,
				Clock.systemUTC()))
			.isInstanceOf(ConfigurationException.class)
			.hasMessage("no Azure credentials for the azure-monitor pairs: set AZURE_CLIENT_ID, AZURE_CLIENT_SECRET "
					+ "(a service principal with the Monitoring Reader role), or AZURE_ACCESS_TOKEN");
	}

	@Test
	void anUnknownMetricOrAWrongUnitFailsOnlyItsPairWithTheCause() {
		try (AzureMonitorSource source = source(SECRET)) {
			PairMapping unknown = pair("unknown", new AzureMonitorQuery(vm(4), null, "Percentage GPU",
					AzureMonitorQuery.Aggregation.AVERAGE, null, null, null));
			PairMapping unit = pair("unit", new AzureMonitorQuery(vm(4), null, "Percentage CPU",
					AzureMonitorQuery.Aggregation.AVERAGE, null, null, "Count"));
			PairMapping good = cpu(4, null, AzureMonitorQuery.Aggregation.AVERAGE);
			List<SeriesResult> results = fetch(source, List.of(unknown, unit, good));
			assertThat(results.get(0).failure().getMessage()).contains(
					"HTTP 400, BadRequest: Failed to find metric "
							+ "configuration for provider: Microsoft.Compute/virtualMachines",
					"metric: Percentage GPU");
			assertThat(results.get(1).failure().getMessage())
				.isEqualTo("Azure Monitor reports Percentage CPU of vm-4 in Percent, the mapping declares Count: "
						+ "fix the unit (and the unit-factor)");
			assertThat(results.get(2).isOk()).isTrue();
		}
	}

	@Test
	void aResourceOfTheWrongRegionInABatchIsIsolatedBySplitting() {
		String elsewhere = "/subscriptions/" + SUB
				+ "/resourceGroups/web/providers/Microsoft.Compute/virtualMachines/not-there";
		List<PairMapping> pairs = new ArrayList<>();
		for (int k = 10; k < 14; k++) {
			pairs.add(cpu(k, "westeurope", AzureMonitorQuery.Aggregation.AVERAGE));
		}
		pairs.add(pair("missing", new AzureMonitorQuery(elsewhere, null, "Percentage CPU",
				AzureMonitorQuery.Aggregation.AVERAGE, null, "westeurope", "Percent")));
		assertThat(AzureMonitorBatches.of(pairs)).hasSize(1);
		try (AzureMonitorSource source = source(SECRET)) {
			List<SeriesResult> results = fetch(source, pairs);
			assertThat(results).hasSize(5);
			assertThat(results.stream().filter(SeriesResult::isOk).count()).isEqualTo(4);
			SeriesResult missing = results.stream().filter((r) -> r.pairId().equals("missing")).findFirst().get();
			assertThat(missing.failure().getMessage()).contains("not-there", "was not found");
			assertThat(source.splits()).isGreaterThan(0);
		}
	}

}
