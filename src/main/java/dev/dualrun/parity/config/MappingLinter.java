package dev.dualrun.parity.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks each pair's PromQL against its CloudWatch statistic before any call is made (the
 * pairings of semantics rule 5). ERROR findings stop a run: the pair cannot be compared
 * as written. WARNING findings are shown in the report beside the verdict. What it cannot
 * check: that metrics and labels exist, that a series is really a counter, and what a
 * recording rule computes.
 */
public final class MappingLinter {

	/** How serious a finding is. */
	public enum Severity {

		/** The pair cannot be compared as written. */
		ERROR,
		/** The pair can be compared, but likely not as meant. */
		WARNING

	}

	/**
	 * One finding.
	 *
	 * @param pairId the pair
	 * @param line the pair's line in the mapping file
	 * @param severity ERROR or WARNING
	 * @param rule a stable rule name
	 * @param message what is wrong and what to write instead
	 */
	public record Finding(String pairId, int line, Severity severity, String rule, String message) {

		/**
		 * @param source the mapping file's name
		 * @return {@code file:line: pair: SEVERITY rule: message}
		 */
		public String format(String source) {
			return source + ":" + this.line + ": " + this.pairId + ": " + this.severity + " " + this.rule + ": "
					+ this.message;
		}

	}

	private MappingLinter() {
	}

	/**
	 * @param file a validated mapping
	 * @return all findings, in pair order
	 */
	public static List<Finding> lint(MappingFile file) {
		List<Finding> findings = new ArrayList<>();
		for (PairMapping pair : file.pairs()) {
			findings.addAll(lint(pair));
		}
		return findings;
	}

	/**
	 * @param pair a pair
	 * @return its findings
	 */
	public static List<Finding> lint(PairMapping pair) {
		List<Finding> out = new ArrayList<>();
		Consumer<String[]> error = (f) -> out.add(new Finding(pair.id(), pair.line(), Severity.ERROR, f[0], f[1]));
		Consumer<String[]> warning = (f) -> out.add(new Finding(pair.id(), pair.line(), Severity.WARNING, f[0], f[1]));
		PromQl.Node root;
		try {
			root = PromQl.parse(pair.promql());
		}
		catch (PromQl.SyntaxError ex) {
			error.accept(new String[] { "promql-syntax", "PromQL does not parse: " + ex.getMessage() });
			return out;
		}
		Tree tree = new Tree(root);
		String period = Durations.promql(pair.period());
		for (PromQl.Range r : tree.ranges) {
			if (r.range() != null && !sameDuration(r.range(), pair.period().toSeconds())) {
				error.accept(new String[] { "range-period", (r.subquery() ? "subquery range [" : "range [") + r.range()
						+ (r.subquery() ? ":...]" : "]") + " differs from the period " + period
						+ ": write [${period}] so each window covers one CloudWatch period (the period rule)" });
			}
			if (r.at() != null) {
				error.accept(new String[] { "at-modifier", "@ " + r.at()
						+ " pins every evaluation to one instant, so each period would show the same value: remove it; "
						+ "the validator chooses the instants (the shift rule)" });
			}
			// offset 1s over a range keeps the next bucket of an exporter that stamps
			// CloudWatch's bucket starts out of the window (discover writes it)
			if (r.offset() != null && !(r.offset().equals("1s") && r.range() != null)) {
				warning.accept(new String[] { "offset", "offset " + r.offset()
						+ " moves Prometheus in time; the validator already aligns the windows (the shift rule)" });
			}
		}
		version(tree, warning);
		for (PromQl.Selector s : tree.selectors) {
			if (s.matchers().stream().anyMatch((m) -> m.label().equals("quantile"))) {
				error.accept(new String[] { "summary-quantile", "summary quantiles are computed per instance over "
						+ "the client's own window: they cannot be compared point for point; use a histogram" });
			}
		}
		// the rules below judge the old side's query against PromQL: each type of old
		// side
		// brings its own
		if (pair.old() instanceof AzureMonitorQuery az) {
			azureExporter(pair, az, tree, warning);
			statistic(pair, az.aggregation().kind(), az.aggregation().apiName(), tree, error, warning);
			return out;
		}
		if (!(pair.old() instanceof CloudWatchQuery cw) || cw.hasExpression()) {
			return out;
		}
		if (cw.unit() == null) {
			warning.accept(new String[] { "unit", "no unit declared: CloudWatch returns data of any unit; declare "
					+ "it so data published in another unit shows as missing, not as a wrong value" });
		}
		grouping(pair, tree, warning);
		statistic(pair, cw.statistic().kind(), cw.statistic().toString(), tree, error, warning);
		units(pair, tree, warning);
		return out;
	}

	/**
	 * Where the Prometheus version changes the answer (the version rule): Prometheus 3
	 * writes classic histogram bounds as floats ({@code le="1.0"}), so {@code le="1"}
	 * matches nothing there; and its range selectors are left-open {@code (t-P, t]} where
	 * Prometheus 2's are closed {@code [t-P, t]}, which differs for exporters that stamp
	 * CloudWatch's bucket starts (YACE and cloudwatch_exporter: {@code aws_*}).
	 */
	private static void version(Tree tree, Consumer<String[]> warning) {
		for (PromQl.Selector s : tree.selectors) {
			for (PromQl.Matcher m : s.matchers()) {
				if (m.label().equals("le") && m.op().equals("=") && m.value().matches("[+-]?\\d+")) {
					warning.accept(new String[] { "le-value",
							"le=\"" + m.value() + "\" matches nothing on Prometheus 3, "
									+ "which writes bucket bounds as floats (le=\"" + m.value() + ".0\"): write le=~\""
									+ m.value() + "(\\\\.0)?\" to match on every version (the version rule)" });
				}
			}
		}
		boolean exporter = false;
		for (PromQl.Range r : tree.ranges) {
			Tree inner = new Tree(r.inner());
			exporter |= inner.selectors.stream().anyMatch((s) -> s.metric() != null && s.metric().startsWith("aws_"));
		}
		if (exporter) {
			warning.accept(new String[] { "edge-samples", "aws_* series come from an exporter that may stamp "
					+ "CloudWatch's bucket starts: such samples sit on the window's left edge, which Prometheus 2 "
					+ "([t-P, t]) counts in two adjacent windows and Prometheus 3 ((t-P, t]) in one; the report names "
					+ "the rule the server applied (the version rule)" });
		}
	}

	/**
	 * Prometheus names carry their base unit (_seconds, _bytes): compare with the
	 * CloudWatch unit.
	 */
	private static void units(PairMapping pair, Tree tree, Consumer<String[]> warning) {
		String unit = cw(pair).unit();
		boolean seconds = tree.selectors.stream()
			.anyMatch((s) -> s.metric() != null && s.metric().contains("_seconds"));
		boolean bytes = tree.selectors.stream().anyMatch((s) -> s.metric() != null && s.metric().contains("_bytes"));
		double expected = Double.NaN;
		if (seconds && "Milliseconds".equals(unit)) {
			expected = 1000;
		}
		else if (seconds && "Microseconds".equals(unit)) {
			expected = 1_000_000;
		}
		else if (bytes && "Bits".equals(unit)) {
			expected = 8;
		}
		if (!Double.isNaN(expected) && pair.unitFactor() != expected) {
			warning.accept(new String[] { "unit-factor", String.format(Locale.ROOT,
					"CloudWatch unit %s, Prometheus metrics in %s: unit-factor should be %s, not %s (the unit rule)",
					unit, seconds ? "seconds" : "bytes", Durations.trim(expected),
					Durations.trim(pair.unitFactor())) });
		}
	}

	/**
	 * The series of azure-metrics-exporter ({@code azurerm_resource_metric} by default,
	 * or names of its templates such as {@code {name}_{metric}_{aggregation}_{unit}})
	 * carry the resource in {@code resourceID} and, unless the template names them, the
	 * metric and the aggregation in labels: the pair's series must be the one of its
	 * resource, metric, aggregation and grain.
	 */
	private static void azureExporter(PairMapping pair, AzureMonitorQuery az, Tree tree, Consumer<String[]> warning) {
		String aggregation = az.aggregation().field();
		String grain = Durations.iso(pair.period());
		for (PromQl.Selector s : tree.selectors) {
			Map<String, PromQl.Matcher> byLabel = new java.util.HashMap<>();
			s.matchers().forEach((m) -> byLabel.put(m.label(), m));
			boolean exporter = s.metric() != null && (s.metric().startsWith("azurerm_")
					|| s.metric().startsWith("azure_") || byLabel.containsKey("resourceID"));
			if (!exporter) {
				continue;
			}
			String name = s.metric();
			PromQl.Matcher resource = byLabel.get("resourceID");
			if (resource == null) {
				warning.accept(new String[] { "azure-resource",
						name + " has a series per resource: match " + "resourceID=\""
								+ az.resource().toLowerCase(Locale.ROOT)
								+ "\" so the pair compares its own resource (the identity rule)" });
			}
			else if (resource.op().equals("=") && !resource.value().equalsIgnoreCase(az.resource())) {
				warning.accept(new String[] { "azure-resource", "resourceID=\"" + resource.value()
						+ "\" is not the pair's resource " + az.resource() + " (the identity rule)" });
			}
			PromQl.Matcher metric = byLabel.get("metric");
			if (metric != null && metric.op().equals("=") && !metric.value().equalsIgnoreCase(az.metric())) {
				warning.accept(new String[] { "azure-metric",
						"metric=\"" + metric.value() + "\" is not the pair's metric '" + az.metric() + "'" });
			}
			String named = null;
			for (AzureMonitorQuery.Aggregation a : AzureMonitorQuery.Aggregation.values()) {
				if (name.contains("_" + a.field() + "_") || name.endsWith("_" + a.field())) {
					named = a.field();
				}
			}
			PromQl.Matcher agg = byLabel.get("aggregation");
			String given = (agg != null && agg.op().equals("=")) ? agg.value().toLowerCase(Locale.ROOT) : named;
			if (given == null && agg == null) {
				warning.accept(new String[] { "azure-aggregation",
						name + " holds one series per aggregation the " + "exporter was asked for: match aggregation=\""
								+ aggregation + "\" (the pair reads " + az.aggregation() + ")" });
			}
			else if (given != null && !given.equals(aggregation)) {
				warning.accept(new String[] { "azure-aggregation", "the exporter's " + given + " series is compared "
						+ "with Azure Monitor's " + az.aggregation() + ": use its " + aggregation + " series" });
			}
			PromQl.Matcher interval = byLabel.get("interval");
			if (interval != null && interval.op().equals("=") && !interval.value().equalsIgnoreCase(grain)) {
				warning.accept(new String[] { "azure-interval", "interval=\"" + interval.value() + "\" is the "
						+ "exporter's time grain, the pair's period is " + grain + " (the period rule)" });
			}
		}
	}

	private static void statistic(PairMapping pair, Statistic.Kind kind, String stat, Tree tree,
			Consumer<String[]> error, Consumer<String[]> warning) {
		switch (kind) {
			case SUM, SAMPLE_COUNT -> {
				if (tree.calls.contains("rate") || tree.calls.contains("irate")) {
					warning.accept(new String[] { "per-second", "rate() is per second; a " + stat
							+ " per period is increase(x[${period}]) (or rate x the period in seconds)" });
				}
				else if (!tree.calls.contains("increase") && !tree.calls.contains("sum_over_time")
						&& !tree.calls.contains("count_over_time")) {
					warning.accept(new String[] { "counter", "no increase(): the raw value of a counter is not a "
							+ stat + " per period; write sum by (...) (increase(x[${period}]))" });
				}
				if (kind == Statistic.Kind.SAMPLE_COUNT && tree.selectors.stream()
					.noneMatch((s) -> s.metric() != null
							&& (s.metric().endsWith("_count") || s.metric().endsWith("_total")))) {
					warning.accept(new String[] { "sample-count", "SampleCount counts observations: expect a "
							+ "histogram's or summary's _count (a gauge has no SampleCount to compare)" });
				}
			}
			case AVERAGE -> {
				boolean ratio = tree.root instanceof PromQl.Binary b && b.op().equals("/") && mentions(b.left(), "_sum")
						&& mentions(b.right(), "_count");
				if (!ratio && !tree.calls.contains("avg_over_time")) {
					warning.accept(new String[] { "average", "an Average is sum by (...) (increase(x_sum[${period}])) "
							+ "/ sum by (...) (increase(x_count[${period}])), or avg_over_time(g[${period}]) for a gauge" });
				}
			}
			case PERCENTILE -> percentile(pair, tree, error, warning);
			case MAXIMUM, MINIMUM -> {
				String expected = (kind == Statistic.Kind.MAXIMUM) ? "max_over_time" : "min_over_time";
				if (!tree.calls.contains(expected)) {
					warning.accept(new String[] { "extremum",
							"a " + stat + " of a gauge is " + expected
									+ "(g[${period}]); Prometheus sees only scraped samples, so it can only be "
									+ ((kind == Statistic.Kind.MAXIMUM) ? "below" : "above") + " the old side's" });
				}
			}
		}
	}

	private static void percentile(PairMapping pair, Tree tree, Consumer<String[]> error, Consumer<String[]> warning) {
		double p = cw(pair).statistic().percentile();
		PromQl.Call hq = tree.callsByName.stream()
			.filter((c) -> c.name().equals("histogram_quantile"))
			.findFirst()
			.orElse(null);
		if (hq == null) {
			error.accept(new String[] { "percentile", "a " + cw(pair).statistic() + " is histogram_quantile("
					+ quantile(p) + ", sum by (le, ...) (increase(x_bucket[${period}])))" });
			return;
		}
		if (!hq.args().isEmpty() && hq.args().get(0) instanceof PromQl.Literal q) {
			try {
				if (Math.abs(Double.parseDouble(q.text()) - p / 100) > 1e-9) {
					error.accept(new String[] { "percentile", "histogram_quantile(" + q.text() + ") for "
							+ cw(pair).statistic() + ": write " + quantile(p) });
				}
			}
			catch (NumberFormatException ex) {
				// not a number: Prometheus will say so
			}
		}
		boolean le = tree.aggregations.stream().anyMatch((a) -> !a.without() && a.labels().contains("le"));
		if (!le) {
			error.accept(new String[] { "percentile", "the buckets must be summed by le: histogram_quantile("
					+ quantile(p) + ", sum by (le, ...) (increase(x_bucket[${period}])))" });
		}
		if (tree.selectors.stream().noneMatch((s) -> s.metric() != null && s.metric().endsWith("_bucket"))) {
			warning.accept(new String[] { "percentile", "histogram_quantile expects a histogram's _bucket series" });
		}
	}

	private static void grouping(PairMapping pair, Tree tree, Consumer<String[]> warning) {
		int dims = cw(pair).dimensions().size();
		List<PromQl.Node> tops = new ArrayList<>();
		PromQl.Node root = tree.root;
		if (root instanceof PromQl.Binary b && !(b.left() instanceof PromQl.Literal)
				&& !(b.right() instanceof PromQl.Literal)) {
			tops.add(b.left());
			tops.add(b.right());
		}
		else {
			tops.add(root);
		}
		for (PromQl.Node top : tops) {
			PromQl.Node node = (top instanceof PromQl.Call c && c.name().equals("histogram_quantile")
					&& c.args().size() == 2) ? c.args().get(1) : top;
			if (node instanceof PromQl.Binary b) {
				node = (b.left() instanceof PromQl.Literal) ? b.right() : b.left();
			}
			if (node instanceof PromQl.Aggregation a && !a.without()) {
				List<String> labels = a.labels().stream().filter((l) -> !l.equals("le")).toList();
				if (labels.size() != dims) {
					warning.accept(new String[] { "labels-dimensions", String.format(Locale.ROOT,
							"%s by (%s) keeps %d label(s) for %d dimension(s) %s: keep exactly the labels that map "
									+ "the dimensions (the identity rule)",
							a.op(), String.join(", ", a.labels()), labels.size(), dims,
							cw(pair).dimensions().keySet()) });
				}
			}
			else if (!(node instanceof PromQl.Aggregation) && !(node instanceof PromQl.Literal)) {
				warning.accept(new String[] { "aggregation", "no sum by (...) around the series: every label that "
						+ "does not map a dimension (instance, pod, status) must be summed away (the identity rule)" });
			}
		}
	}

	private static CloudWatchQuery cw(PairMapping pair) {
		return (CloudWatchQuery) pair.old();
	}

	private static boolean mentions(PromQl.Node node, String suffix) {
		Tree t = new Tree(node);
		return t.selectors.stream().anyMatch((s) -> s.metric() != null && s.metric().endsWith(suffix));
	}

	private static boolean sameDuration(String range, long seconds) {
		try {
			long total = 0;
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)?").matcher(range);
			while (m.find()) {
				long n = Long.parseLong(m.group(1));
				String unit = (m.group(2) != null) ? m.group(2) : "s";
				total += switch (unit) {
					case "ms" -> n / 1000;
					case "m" -> n * 60;
					case "h" -> n * 3600;
					case "d" -> n * 86_400;
					case "w" -> n * 604_800;
					case "y" -> n * 31_536_000;
					default -> n;
				};
			}
			return total == seconds;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static String quantile(double p) {
		return String.format(Locale.ROOT, "%s", p / 100);
	}

	/** Everything of interest in a tree, collected once. */
	private static final class Tree {

		final PromQl.Node root;

		final List<PromQl.Range> ranges = new ArrayList<>();

		final List<PromQl.Selector> selectors = new ArrayList<>();

		final List<PromQl.Aggregation> aggregations = new ArrayList<>();

		final List<PromQl.Call> callsByName = new ArrayList<>();

		final java.util.Set<String> calls = new java.util.HashSet<>();

		Tree(PromQl.Node root) {
			this.root = root;
			walk(root);
		}

		private void walk(PromQl.Node node) {
			if (node instanceof PromQl.Range r) {
				this.ranges.add(r);
				walk(r.inner());
			}
			else if (node instanceof PromQl.Selector s) {
				this.selectors.add(s);
			}
			else if (node instanceof PromQl.Call c) {
				this.callsByName.add(c);
				this.calls.add(c.name());
				c.args().forEach(this::walk);
			}
			else if (node instanceof PromQl.Aggregation a) {
				this.aggregations.add(a);
				a.args().forEach(this::walk);
			}
			else if (node instanceof PromQl.Binary b) {
				walk(b.left());
				walk(b.right());
			}
		}

	}

}
