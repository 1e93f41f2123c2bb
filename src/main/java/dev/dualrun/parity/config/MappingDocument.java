package dev.dualrun.parity.config;

import java.util.List;
import java.util.Map;

/**
 * The mapping file exactly as written (kebab-case keys), bound by Jackson before
 * validation. Every field may be missing here; {@link MappingLoader} checks them and
 * applies defaults.
 */
record MappingDocument(Integer version, Defaults defaults, List<Pair> pairs, List<Alert> alerts) {

	record Defaults(String period, Double unitFactor, Tolerance.Override tolerance, Boolean publishedWhenNonZero,
			String scrapeInterval) {

	}

	record Pair(String id, String description, String period, Double unitFactor, Boolean publishedWhenNonZero,
			Tolerance.Override tolerance, CloudWatch cloudwatch, AzureMonitor azureMonitor, Prometheus prometheus,
			String scrapeInterval) {

	}

	record CloudWatch(String namespace, String metric, Map<String, String> dimensions, String statistic, String unit,
			String expression, List<Metric> metrics, String region) {

	}

	/** The {@code azure-monitor:} block: one metric of one resource. */
	record AzureMonitor(String resource, String namespace, String metric, String aggregation,
			Map<String, String> dimensions, String region, String unit) {

	}

	record Metric(String id, String namespace, String metric, Map<String, String> dimensions, String statistic,
			String unit) {

	}

	record Prometheus(String query) {

	}

	/** An alert pair: a CloudWatch alarm and the alerting rule that replaces it. */
	record Alert(String id, String description, AlarmRef cloudwatch, RuleRef prometheus) {

	}

	/** The old side's alarm, by name. */
	record AlarmRef(String alarm) {

	}

	/** The new side's alerting rule, by name, in a group if the name is not unique. */
	record RuleRef(String alert, String group) {

	}

}
