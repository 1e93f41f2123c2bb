package dev.dualrun.parity.source.prometheus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.config.LintFinding;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.SideQuery;
import dev.dualrun.parity.config.StatisticKind;
import dev.dualrun.parity.source.QueryShape;

/**
 * The rules of a pair's PromQL against its old side (the pairings of the semantics): that
 * it parses, that its ranges are the pair's period, that it reads what the old side's
 * statistic measures (an increase for a Sum, a histogram_quantile for a percentile, ...),
 * that it sums away every label but those of the old side's dimensions, and where the
 * Prometheus version changes the answer (the version rule).
 */
final class PromQlLinter {

	private PromQlLinter() {
	}

	/**
	 * @param query a pair's PromQL
	 * @return its series selectors, or null if it does not parse
	 */
	static QueryShape shape(String query) {
		PromQlTree tree;
		try {
			tree = new PromQlTree(PromQl.parse(query));
		}
		catch (PromQl.SyntaxError ex) {
			return null;
		}
		List<QueryShape.Selector> ranged = new ArrayList<>();
		for (PromQl.Range r : tree.ranges) {
			new PromQlTree(r.inner()).selectors.forEach((s) -> ranged.add(selector(s)));
		}
		return new QueryShape(tree.selectors.stream().map(PromQlLinter::selector).toList(), ranged);
	}

	static QueryShape.Selector selector(PromQl.Selector s) {
		return new QueryShape.Selector(s.metric(),
				s.matchers().stream().map((m) -> new QueryShape.Matcher(m.label(), m.op(), m.value())).toList());
	}

	/**
	 * @param pair a pair whose new side is this PromQL
	 * @return the findings
	 */
	static List<LintFinding> lint(PairMapping pair) {
		List<LintFinding> out = new ArrayList<>();
		PromQl.Node root;
		try {
			root = PromQl.parse(PrometheusQuery.of(pair.neu()));
		}
		catch (PromQl.SyntaxError ex) {
			out.add(LintFinding.error(pair, "promql-syntax", "PromQL does not parse: " + ex.getMessage()));
			return out;
		}
		PromQlTree tree = new PromQlTree(root);
		ranges(pair, tree, out);
		versions(pair, tree, out);
		for (PromQl.Selector s : tree.selectors) {
			if (s.matchers().stream().anyMatch((m) -> m.label().equals("quantile"))) {
				out.add(LintFinding.error(pair, "summary-quantile", "summary quantiles are computed per instance "
						+ "over the client's own window: they cannot be compared point for point; use a histogram"));
			}
		}
		SideQuery old = pair.old();
		if (old.exactDimensions()) {
			grouping(pair, tree, out);
		}
		if (old.statisticName() != null) {
			statistic(pair, old.kind(), old.statisticName(), tree, out);
		}
		return out;
	}

	private static void ranges(PairMapping pair, PromQlTree tree, List<LintFinding> out) {
		String period = Durations.compact(pair.period());
		for (PromQl.Range r : tree.ranges) {
			if (r.range() != null && !sameDuration(r.range(), pair.period().toSeconds())) {
				out.add(LintFinding.error(pair, "range-period", (r.subquery() ? "subquery range [" : "range [")
						+ r.range() + (r.subquery() ? ":...]" : "]") + " differs from the period " + period
						+ ": write [${period}] so each window covers one period of the old side (the period rule)"));
			}
			if (r.at() != null) {
				out.add(LintFinding.error(pair, "at-modifier", "@ " + r.at()
						+ " pins every evaluation to one instant, so each period would show the same value: remove it; "
						+ "the validator chooses the instants (the shift rule)"));
			}
			// offset 1s over a range keeps the next bucket of an exporter that stamps the
			// old side's bucket starts out of the window (discover writes it)
			if (r.offset() != null && !(r.offset().equals("1s") && r.range() != null)) {
				out.add(LintFinding.warning(pair, "offset", "offset " + r.offset()
						+ " moves Prometheus in time; the validator already aligns the windows (the shift rule)"));
			}
		}
	}

	/**
	 * Prometheus 3 writes classic histogram bounds as floats ({@code le="1.0"}), so
	 * {@code le="1"} matches nothing there (the version rule).
	 */
	private static void versions(PairMapping pair, PromQlTree tree, List<LintFinding> out) {
		for (PromQl.Selector s : tree.selectors) {
			for (PromQl.Matcher m : s.matchers()) {
				if (m.label().equals("le") && m.op().equals("=") && m.value().matches("[+-]?\\d+")) {
					out.add(LintFinding.warning(pair, "le-value",
							"le=\"" + m.value() + "\" matches nothing on Prometheus 3, "
									+ "which writes bucket bounds as floats (le=\"" + m.value() + ".0\"): write le=~\""
									+ m.value() + "(\\\\.0)?\" to match on every version (the version rule)"));
				}
			}
		}
	}

	private static void statistic(PairMapping pair, StatisticKind kind, String stat, PromQlTree tree,
			List<LintFinding> out) {
		switch (kind) {
			case SUM, SAMPLE_COUNT -> counted(pair, kind, stat, tree, out);
			case AVERAGE -> {
				boolean ratio = tree.root instanceof PromQl.Binary b && b.op().equals("/") && mentions(b.left(), "_sum")
						&& mentions(b.right(), "_count");
				if (!ratio && !tree.calls.contains("avg_over_time")) {
					out.add(LintFinding.warning(pair, "average",
							"an Average is sum by (...) (increase(x_sum[${period}])) "
									+ "/ sum by (...) (increase(x_count[${period}])), or avg_over_time(g[${period}]) "
									+ "for a gauge"));
				}
			}
			case PERCENTILE -> percentile(pair, tree, out);
			case MAXIMUM, MINIMUM -> {
				String expected = (kind == StatisticKind.MAXIMUM) ? "max_over_time" : "min_over_time";
				if (!tree.calls.contains(expected)) {
					out.add(LintFinding.warning(pair, "extremum",
							"a " + stat + " of a gauge is " + expected
									+ "(g[${period}]); Prometheus sees only scraped samples, so it can only be "
									+ ((kind == StatisticKind.MAXIMUM) ? "below" : "above") + " the old side's"));
				}
			}
		}
	}

	private static void counted(PairMapping pair, StatisticKind kind, String stat, PromQlTree tree,
			List<LintFinding> out) {
		if (tree.calls.contains("rate") || tree.calls.contains("irate")) {
			out.add(LintFinding.warning(pair, "per-second", "rate() is per second; a " + stat
					+ " per period is increase(x[${period}]) (or rate x the period in seconds)"));
		}
		else if (!tree.calls.contains("increase") && !tree.calls.contains("sum_over_time")
				&& !tree.calls.contains("count_over_time")) {
			out.add(LintFinding.warning(pair, "counter", "no increase(): the raw value of a counter is not a " + stat
					+ " per period; write sum by (...) (increase(x[${period}]))"));
		}
		if (kind == StatisticKind.SAMPLE_COUNT && tree.selectors.stream()
			.noneMatch((s) -> s.metric() != null && (s.metric().endsWith("_count") || s.metric().endsWith("_total")))) {
			out.add(LintFinding.warning(pair, "sample-count", "SampleCount counts observations: expect a "
					+ "histogram's or summary's _count (a gauge has no SampleCount to compare)"));
		}
	}

	private static void percentile(PairMapping pair, PromQlTree tree, List<LintFinding> out) {
		double p = pair.old().percentile();
		String stat = pair.old().statisticName();
		PromQl.Call hq = tree.callsByName.stream()
			.filter((c) -> c.name().equals("histogram_quantile"))
			.findFirst()
			.orElse(null);
		if (hq == null) {
			out.add(LintFinding.error(pair, "percentile", "a " + stat + " is histogram_quantile(" + quantile(p)
					+ ", sum by (le, ...) (increase(x_bucket[${period}])))"));
			return;
		}
		if (!hq.args().isEmpty() && hq.args().get(0) instanceof PromQl.Literal q) {
			try {
				if (Math.abs(Double.parseDouble(q.text()) - p / 100) > 1e-9) {
					out.add(LintFinding.error(pair, "percentile",
							"histogram_quantile(" + q.text() + ") for " + stat + ": write " + quantile(p)));
				}
			}
			catch (NumberFormatException ex) {
				// not a number: Prometheus will say so
			}
		}
		boolean le = tree.aggregations.stream().anyMatch((a) -> !a.without() && a.labels().contains("le"));
		if (!le) {
			out.add(LintFinding.error(pair, "percentile", "the buckets must be summed by le: histogram_quantile("
					+ quantile(p) + ", sum by (le, ...) (increase(x_bucket[${period}])))"));
		}
		if (tree.selectors.stream().noneMatch((s) -> s.metric() != null && s.metric().endsWith("_bucket"))) {
			out.add(LintFinding.warning(pair, "percentile", "histogram_quantile expects a histogram's _bucket series"));
		}
	}

	/**
	 * Every label that does not map one of the old side's dimensions must be summed away,
	 * and each dimension kept (the identity rule).
	 */
	private static void grouping(PairMapping pair, PromQlTree tree, List<LintFinding> out) {
		int dims = pair.oldDimensions().size();
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
					out.add(LintFinding.warning(pair, "labels-dimensions", String.format(Locale.ROOT,
							"%s by (%s) keeps %d label(s) for %d dimension(s) %s: keep exactly the labels that map "
									+ "the dimensions (the identity rule)",
							a.op(), String.join(", ", a.labels()), labels.size(), dims,
							pair.oldDimensions().keySet())));
				}
			}
			else if (!(node instanceof PromQl.Aggregation) && !(node instanceof PromQl.Literal)) {
				out.add(LintFinding.warning(pair, "aggregation", "no sum by (...) around the series: every label "
						+ "that does not map a dimension (instance, pod, status) must be summed away (the identity rule)"));
			}
		}
	}

	private static boolean mentions(PromQl.Node node, String suffix) {
		PromQlTree t = new PromQlTree(node);
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

}
