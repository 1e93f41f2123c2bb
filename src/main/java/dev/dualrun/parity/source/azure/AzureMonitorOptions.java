package dev.dualrun.parity.source.azure;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

import dev.dualrun.parity.source.Configurable;

/** Azure Monitor's flags: its endpoints (credentials come from the environment only). */
final class AzureMonitorOptions implements Configurable.Options {

	@Option(names = "--azure-endpoint", paramLabel = "URL",
			description = "Azure Resource Manager for azure-monitor pairs (credentials: AZURE_TENANT_ID, AZURE_CLIENT_ID, "
					+ "AZURE_CLIENT_SECRET, or AZURE_ACCESS_TOKEN). Default: https://management.azure.com")
	String endpoint;

	@Option(names = "--azure-batch-endpoint", paramLabel = "URL",
			description = "Regional metrics endpoint of metrics:getBatch, used for pairs that name their region; "
					+ "{region} is replaced. Default: https://{region}.metrics.monitor.azure.com")
	String batchEndpoint;

	@Option(names = "--azure-token-endpoint", paramLabel = "URL",
			description = "Microsoft Entra ID authority of the client credentials. Default: https://login.microsoftonline.com")
	String tokenEndpoint;

	@Override
	public List<String> propertyArgs() {
		Configurable.checkUrl("--azure-endpoint", this.endpoint);
		Configurable.checkUrl("--azure-batch-endpoint",
				(this.batchEndpoint != null) ? this.batchEndpoint.replace("{region}", "region") : null);
		Configurable.checkUrl("--azure-token-endpoint", this.tokenEndpoint);
		List<String> args = new ArrayList<>();
		Configurable.add(args, AzureSettings.PREFIX + ".endpoint", this.endpoint);
		Configurable.add(args, AzureSettings.PREFIX + ".batch-endpoint", this.batchEndpoint);
		Configurable.add(args, AzureSettings.PREFIX + ".token-endpoint", this.tokenEndpoint);
		return args;
	}

}
