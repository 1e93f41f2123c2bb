package dev.dualrun.parity.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.Durations;

/**
 * How to reach both backends and how to run. Every flag has a property and an environment
 * variable (e.g. {@code --prometheus-url}, {@code parity.prometheus.url},
 * {@code PARITY_PROMETHEUS_URL}); secrets are best given by environment only.
 */
final class BackendOptions {

	@Option(names = "--prometheus-url", paramLabel = "URL",
			description = "Prometheus-compatible API base URL (Prometheus, Mimir .../prometheus, Thanos, Amazon Managed "
					+ "Prometheus https://aps-workspaces.REGION.amazonaws.com/workspaces/WORKSPACE_ID with "
					+ "--prometheus-sigv4-region). Default: http://localhost:9090")
	String prometheusUrl;

	@Option(names = "--prometheus-sigv4-region", paramLabel = "REGION",
			description = "Sign every Prometheus request with AWS SigV4 for this region (Amazon Managed Prometheus; "
					+ "service aps unless parity.prometheus.sigv4.service says otherwise), with the SDK's default "
					+ "credentials chain or --prometheus-sigv4-profile. Default: not signed")
	String sigv4Region;

	@Option(names = "--prometheus-sigv4-profile", paramLabel = "NAME",
			description = "Named profile for the SigV4 credentials. Default: --aws-profile, else the default chain")
	String sigv4Profile;

	@Option(names = "--prometheus-user", paramLabel = "USER",
			description = "Basic-auth user; the password comes from PARITY_PROMETHEUS_PASSWORD")
	String prometheusUser;

	@Option(names = "--prometheus-header", paramLabel = "NAME=VALUE",
			description = "Extra header for every Prometheus request, e.g. X-Scope-OrgID=team-a (repeatable). "
					+ "A bearer token comes from PARITY_PROMETHEUS_BEARER_TOKEN")
	Map<String, String> prometheusHeaders;

	@Option(names = "--prometheus-timeout", paramLabel = "DURATION",
			description = "Timeout of one Prometheus request, e.g. 30s. Default: 30s")
	String prometheusTimeout;

	@Option(names = "--cloudwatch-region", paramLabel = "REGION",
			description = "AWS region. Default: the SDK chain (AWS_REGION, profile)")
	String region;

	@Option(names = "--cloudwatch-endpoint", paramLabel = "URL",
			description = "Endpoint override for CloudWatch. Default: the SDK's (AWS_ENDPOINT_URL_CLOUDWATCH or AWS)")
	String endpoint;

	@Option(names = "--aws-profile", paramLabel = "NAME",
			description = "Named profile for credentials. Default: the SDK's default credentials chain")
	String profile;

	@Option(names = "--azure-endpoint", paramLabel = "URL",
			description = "Azure Resource Manager for azure-monitor pairs (credentials: AZURE_TENANT_ID, AZURE_CLIENT_ID, "
					+ "AZURE_CLIENT_SECRET, or AZURE_ACCESS_TOKEN). Default: https://management.azure.com")
	String azureEndpoint;

	@Option(names = "--azure-batch-endpoint", paramLabel = "URL",
			description = "Regional metrics endpoint of metrics:getBatch, used for pairs that name their region; "
					+ "{region} is replaced. Default: https://{region}.metrics.monitor.azure.com")
	String azureBatchEndpoint;

	@Option(names = "--azure-token-endpoint", paramLabel = "URL",
			description = "Microsoft Entra ID authority of the client credentials. Default: https://login.microsoftonline.com")
	String azureTokenEndpoint;

	@Option(names = "--settle", paramLabel = "DURATION",
			description = "How far behind now the window must end; recent data still changes. Default: 10m")
	String settle;

	@Option(names = "--settle-recheck", paramLabel = "DURATION",
			description = "Pause before a pair failing only in its newest 30 minutes is read again; 0 turns the "
					+ "re-read off. Default: 60s")
	String settleRecheck;

	@Option(names = "--threads", paramLabel = "N", description = "Pairs compared at once. Default: 4")
	Integer threads;

	/**
	 * @return these options as property arguments of the Spring application
	 * @throws ConfigurationException naming the flag if a value is malformed
	 */
	List<String> args() {
		duration("--prometheus-timeout", this.prometheusTimeout);
		duration("--settle", this.settle);
		duration("--settle-recheck", this.settleRecheck);
		if (this.threads != null && (this.threads < 1 || this.threads > 256)) {
			throw new ConfigurationException("--threads " + this.threads + ": give 1 to 256 pairs at once");
		}
		if (this.prometheusUrl != null) {
			checkUrl("--prometheus-url", this.prometheusUrl);
		}
		if (this.endpoint != null) {
			checkUrl("--cloudwatch-endpoint", this.endpoint);
		}
		if (this.azureEndpoint != null) {
			checkUrl("--azure-endpoint", this.azureEndpoint);
		}
		if (this.azureBatchEndpoint != null) {
			checkUrl("--azure-batch-endpoint", this.azureBatchEndpoint.replace("{region}", "region"));
		}
		if (this.azureTokenEndpoint != null) {
			checkUrl("--azure-token-endpoint", this.azureTokenEndpoint);
		}
		if (this.sigv4Region != null && !this.sigv4Region.strip().matches("[a-z]{2,}(-[a-z0-9]+)+")) {
			throw new ConfigurationException("--prometheus-sigv4-region '" + Console.oneLine(this.sigv4Region)
					+ "' is not an AWS region such as us-east-1");
		}
		List<String> args = new ArrayList<>();
		add(args, "parity.prometheus.url", this.prometheusUrl);
		add(args, "parity.prometheus.username", this.prometheusUser);
		add(args, "parity.prometheus.timeout", this.prometheusTimeout);
		add(args, "parity.prometheus.sigv4.region", this.sigv4Region);
		add(args, "parity.prometheus.sigv4.profile", (this.sigv4Profile != null) ? this.sigv4Profile : this.profile);
		if (this.prometheusHeaders != null) {
			this.prometheusHeaders.forEach((k, v) -> args.add("--parity.prometheus.headers[" + k + "]=" + v));
		}
		add(args, "parity.cloudwatch.region", this.region);
		add(args, "parity.cloudwatch.endpoint", this.endpoint);
		add(args, "parity.cloudwatch.profile", this.profile);
		add(args, "parity.azure.endpoint", this.azureEndpoint);
		add(args, "parity.azure.batch-endpoint", this.azureBatchEndpoint);
		add(args, "parity.azure.token-endpoint", this.azureTokenEndpoint);
		add(args, "parity.settle", this.settle);
		add(args, "parity.settle-recheck", this.settleRecheck);
		add(args, "parity.threads", (this.threads != null) ? this.threads.toString() : null);
		return args;
	}

	private static void checkUrl(String flag, String value) {
		java.net.URI uri;
		try {
			uri = new java.net.URI(value.strip());
		}
		catch (java.net.URISyntaxException ex) {
			uri = null;
		}
		if (uri == null || uri.getHost() == null
				|| !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
			String shown = value.replaceAll("//[^/@]*@", "//***@");
			throw new ConfigurationException(
					flag + " '" + Console.oneLine(shown) + "' is not an http(s) URL such as http://prometheus:9090");
		}
	}

	private static void duration(String flag, String value) {
		if (value != null) {
			try {
				Durations.parse(value);
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigurationException(flag + ": " + ex.getMessage());
			}
		}
	}

	private static void add(List<String> args, String property, String value) {
		if (value != null) {
			args.add("--" + property + "=" + value);
		}
	}

}
