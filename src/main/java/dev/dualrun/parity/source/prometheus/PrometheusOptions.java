package dev.dualrun.parity.source.prometheus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.Configurable;

/** The flags of a Prometheus-compatible API: its URL, authentication and timeout. */
final class PrometheusOptions implements Configurable.Options {

	@Option(names = "--prometheus-url", paramLabel = "URL",
			description = "Prometheus-compatible API base URL (Prometheus, Mimir .../prometheus, Thanos, Amazon Managed "
					+ "Prometheus https://aps-workspaces.REGION.amazonaws.com/workspaces/WORKSPACE_ID with "
					+ "--prometheus-sigv4-region). Default: http://localhost:9090")
	String url;

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
	String user;

	@Option(names = "--prometheus-header", paramLabel = "NAME=VALUE",
			description = "Extra header for every Prometheus request, e.g. X-Scope-OrgID=team-a (repeatable). "
					+ "A bearer token comes from PARITY_PROMETHEUS_BEARER_TOKEN")
	Map<String, String> headers;

	@Option(names = "--prometheus-timeout", paramLabel = "DURATION",
			description = "Timeout of one Prometheus request, e.g. 30s. Default: 30s")
	String timeout;

	@Override
	public List<String> propertyArgs() {
		Configurable.checkDuration("--prometheus-timeout", this.timeout);
		Configurable.checkUrl("--prometheus-url", this.url);
		if (this.sigv4Region != null && !this.sigv4Region.strip().matches("[a-z]{2,}(-[a-z0-9]+)+")) {
			throw new ConfigurationException("--prometheus-sigv4-region '" + Text.oneLine(this.sigv4Region)
					+ "' is not an AWS region such as us-east-1");
		}
		List<String> args = new ArrayList<>();
		String prefix = PrometheusSettings.PREFIX;
		Configurable.add(args, prefix + ".url", this.url);
		Configurable.add(args, prefix + ".username", this.user);
		Configurable.add(args, prefix + ".timeout", this.timeout);
		Configurable.add(args, prefix + ".sigv4.region", this.sigv4Region);
		Configurable.add(args, prefix + ".sigv4.profile", this.sigv4Profile);
		if (this.headers != null) {
			this.headers.forEach((k, v) -> args.add("--" + prefix + ".headers[" + k + "]=" + v));
		}
		return args;
	}

}
