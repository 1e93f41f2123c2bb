package dev.dualrun.parity.source.prometheus.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.Configurable;

/** The flags of the edge's API: its URL, authentication, timeout and external labels. */
final class EdgeOptions implements Configurable.Options {

	@Option(names = "--edge-url", paramLabel = "URL",
			description = "The edge's Prometheus-compatible API base URL, for pairs with an edge: block. "
					+ "Default: http://localhost:9090")
	String url;

	@Option(names = "--edge-sigv4-region", paramLabel = "REGION",
			description = "Sign every edge request with AWS SigV4 for this region (an Amazon Managed Prometheus "
					+ "workspace as the edge). Default: not signed")
	String sigv4Region;

	@Option(names = "--edge-user", paramLabel = "USER",
			description = "Basic-auth user of the edge; the password comes from PARITY_EDGE_PASSWORD")
	String user;

	@Option(names = "--edge-header", paramLabel = "NAME=VALUE",
			description = "Extra header for every edge request, e.g. X-Scope-OrgID=team-a (repeatable). "
					+ "A bearer token comes from PARITY_EDGE_BEARER_TOKEN")
	Map<String, String> headers;

	@Option(names = "--edge-timeout", paramLabel = "DURATION",
			description = "Timeout of one edge request, e.g. 30s. Default: 30s")
	String timeout;

	@Option(names = "--edge-external-labels", paramLabel = "read|ignore",
			description = "read: add the edge's external labels (from its /api/v1/status/config) to its series before "
					+ "they are compared; ignore: compare them as stored. Default: read")
	String externalLabels;

	@Override
	public List<String> propertyArgs() {
		Configurable.checkDuration("--edge-timeout", this.timeout);
		Configurable.checkUrl("--edge-url", this.url);
		if (this.sigv4Region != null && !this.sigv4Region.strip().matches("[a-z]{2,}(-[a-z0-9]+)+")) {
			throw new ConfigurationException("--edge-sigv4-region '" + Text.oneLine(this.sigv4Region)
					+ "' is not an AWS region such as us-east-1");
		}
		if (this.externalLabels != null && !List.of("read", "ignore").contains(this.externalLabels)) {
			throw new ConfigurationException(
					"--edge-external-labels '" + Text.oneLine(this.externalLabels) + "' is not read or ignore");
		}
		List<String> args = new ArrayList<>();
		String prefix = EdgeSettings.PREFIX;
		Configurable.add(args, prefix + ".url", this.url);
		Configurable.add(args, prefix + ".username", this.user);
		Configurable.add(args, prefix + ".timeout", this.timeout);
		Configurable.add(args, prefix + ".sigv4.region", this.sigv4Region);
		if (this.externalLabels != null) {
			args.add("--" + prefix + ".read-external-labels=" + "read".equals(this.externalLabels));
		}
		if (this.headers != null) {
			this.headers.forEach((k, v) -> args.add("--" + prefix + ".headers[" + k + "]=" + v));
		}
		return args;
	}

}
