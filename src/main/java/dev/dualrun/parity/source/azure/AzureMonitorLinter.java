package dev.dualrun.parity.source.azure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.config.LintFinding;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.QueryShape;

/**
 * Azure Monitor's rules of a pair against what its new side reads. The series of
 * azure-metrics-exporter ({@code azurerm_resource_metric} by default, or names of its
 * templates such as {@code {name}_{metric}_{aggregation}_{unit}}) carry the resource in
 * {@code resourceID} and, unless the template names them, the metric and the aggregation
 * in labels: the pair's series must be the one of its resource, metric, aggregation and
 * grain.
 */
final class AzureMonitorLinter {

	private AzureMonitorLinter() {
	}

	static List<LintFinding> lint(PairMapping pair, QueryShape shape) {
		List<LintFinding> out = new ArrayList<>();
		if (!(pair.old() instanceof AzureMonitorQuery az)) {
			return out;
		}
		for (QueryShape.Selector s : shape.selectors()) {
			boolean exporter = s.metric() != null && (s.metric().startsWith("azurerm_")
					|| s.metric().startsWith("azure_") || s.matcher("resourceID") != null);
			if (exporter) {
				resource(pair, az, s, out);
				aggregation(pair, az, s, out);
				interval(pair, s, out);
			}
		}
		return out;
	}

	private static void resource(PairMapping pair, AzureMonitorQuery az, QueryShape.Selector s, List<LintFinding> out) {
		QueryShape.Matcher resource = s.matcher("resourceID");
		if (resource == null) {
			out.add(LintFinding.warning(pair, "azure-resource",
					s.metric() + " has a series per resource: match " + "resourceID=\""
							+ az.resource().toLowerCase(Locale.ROOT)
							+ "\" so the pair compares its own resource (the identity rule)"));
		}
		else if (resource.op().equals("=") && !resource.value().equalsIgnoreCase(az.resource())) {
			out.add(LintFinding.warning(pair, "azure-resource", "resourceID=\"" + resource.value()
					+ "\" is not the pair's resource " + az.resource() + " (the identity rule)"));
		}
		QueryShape.Matcher metric = s.matcher("metric");
		if (metric != null && metric.op().equals("=") && !metric.value().equalsIgnoreCase(az.metric())) {
			out.add(LintFinding.warning(pair, "azure-metric",
					"metric=\"" + metric.value() + "\" is not the pair's metric '" + az.metric() + "'"));
		}
	}

	private static void interval(PairMapping pair, QueryShape.Selector s, List<LintFinding> out) {
		String grain = Durations.iso(pair.period());
		QueryShape.Matcher interval = s.matcher("interval");
		if (interval != null && interval.op().equals("=") && !interval.value().equalsIgnoreCase(grain)) {
			out.add(LintFinding.warning(pair, "azure-interval", "interval=\"" + interval.value() + "\" is the "
					+ "exporter's time grain, the pair's period is " + grain + " (the period rule)"));
		}
	}

	private static void aggregation(PairMapping pair, AzureMonitorQuery az, QueryShape.Selector s,
			List<LintFinding> out) {
		String aggregation = az.aggregation().field();
		String named = null;
		for (AzureMonitorQuery.Aggregation a : AzureMonitorQuery.Aggregation.values()) {
			if (s.metric() != null && s.metric().contains("_" + a.field() + "_")
					|| s.metric().endsWith("_" + a.field())) {
				named = a.field();
			}
		}
		QueryShape.Matcher agg = s.matcher("aggregation");
		String given = (agg != null && agg.op().equals("=")) ? agg.value().toLowerCase(Locale.ROOT) : named;
		if (given == null && agg == null) {
			out.add(LintFinding.warning(pair, "azure-aggregation",
					s.metric() + " holds one series per aggregation "
							+ "the exporter was asked for: match aggregation=\"" + aggregation + "\" (the pair reads "
							+ az.aggregation() + ")"));
		}
		else if (given != null && !given.equals(aggregation)) {
			out.add(LintFinding.warning(pair, "azure-aggregation", "the exporter's " + given + " series is compared "
					+ "with Azure Monitor's " + az.aggregation() + ": use its " + aggregation + " series"));
		}
	}

}
