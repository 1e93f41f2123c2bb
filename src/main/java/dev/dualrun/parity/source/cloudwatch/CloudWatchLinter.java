package dev.dualrun.parity.source.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.dualrun.parity.config.Durations;
import dev.dualrun.parity.config.LintFinding;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.QueryShape;

/**
 * CloudWatch's rules of a pair against what its new side reads: a unit declared, a unit
 * factor that turns the new side's base unit (a metric name's {@code _seconds},
 * {@code _bytes}) into CloudWatch's, and the samples of CloudWatch exporters (YACE,
 * cloudwatch_exporter: {@code aws_*}) stamped on CloudWatch's bucket starts, where
 * Prometheus 2 and 3 select differently (the version rule).
 */
final class CloudWatchLinter {

	private CloudWatchLinter() {
	}

	static List<LintFinding> lint(PairMapping pair, QueryShape shape) {
		List<LintFinding> out = new ArrayList<>();
		if (shape.ranged().stream().anyMatch((s) -> s.metric() != null && s.metric().startsWith("aws_"))) {
			out.add(LintFinding.warning(pair, "edge-samples", "aws_* series come from an exporter that may stamp "
					+ "CloudWatch's bucket starts: such samples sit on the window's left edge, which Prometheus 2 "
					+ "([t-P, t]) counts in two adjacent windows and Prometheus 3 ((t-P, t]) in one; the report names "
					+ "the rule the server applied (the version rule)"));
		}
		if (!(pair.old() instanceof CloudWatchQuery cw) || cw.hasExpression()) {
			return out;
		}
		if (cw.unit() == null) {
			out.add(LintFinding.warning(pair, "unit", "no unit declared: CloudWatch returns data of any unit; declare "
					+ "it so data published in another unit shows as missing, not as a wrong value"));
		}
		units(pair, cw.unit(), shape, out);
		return out;
	}

	/**
	 * Prometheus names carry their base unit (_seconds, _bytes): compare with
	 * CloudWatch's.
	 */
	private static void units(PairMapping pair, String unit, QueryShape shape, List<LintFinding> out) {
		boolean seconds = shape.selectors()
			.stream()
			.anyMatch((s) -> s.metric() != null && s.metric().contains("_seconds"));
		boolean bytes = shape.selectors().stream().anyMatch((s) -> s.metric() != null && s.metric().contains("_bytes"));
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
			out.add(LintFinding.warning(pair, "unit-factor", String.format(Locale.ROOT,
					"CloudWatch unit %s, Prometheus metrics in %s: unit-factor should be %s, not %s (the unit rule)",
					unit, seconds ? "seconds" : "bytes", Durations.trim(expected), Durations.trim(pair.unitFactor()))));
		}
	}

}
