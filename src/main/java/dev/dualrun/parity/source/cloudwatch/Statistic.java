package dev.dualrun.parity.source.cloudwatch;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dualrun.parity.config.StatisticKind;

/**
 * A CloudWatch statistic as sent in {@code MetricStat.Stat}: one of the five basic
 * statistics or a percentile {@code pNN} / {@code pNN.NN}.
 *
 * @param name the exact text CloudWatch expects ({@code Average}, {@code p99})
 * @param kind what the statistic measures, which decides how it is compared
 * @param percentile for {@link StatisticKind#PERCENTILE}, the percentile in (0, 100];
 * otherwise NaN
 */
public record Statistic(String name, StatisticKind kind, double percentile) {

	private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d{1,2})?|100)");

	/** Names accepted by {@link #parse}, for error messages. */
	public static final String SUPPORTED = "SampleCount, Sum, Average, Minimum, Maximum, pNN or pNN.NN";

	/**
	 * Parses a statistic name.
	 * @param text the name as written in the mapping file
	 * @return the statistic
	 * @throws IllegalArgumentException if the name is not a supported statistic
	 */
	public static Statistic parse(String text) {
		switch (text) {
			case "SampleCount":
				return new Statistic(text, StatisticKind.SAMPLE_COUNT, Double.NaN);
			case "Sum":
				return new Statistic(text, StatisticKind.SUM, Double.NaN);
			case "Average":
				return new Statistic(text, StatisticKind.AVERAGE, Double.NaN);
			case "Minimum":
				return new Statistic(text, StatisticKind.MINIMUM, Double.NaN);
			case "Maximum":
				return new Statistic(text, StatisticKind.MAXIMUM, Double.NaN);
			default:
				Matcher m = PERCENTILE.matcher(text);
				if (m.matches()) {
					double p = Double.parseDouble(m.group(1));
					if (p > 0) {
						return new Statistic(text, StatisticKind.PERCENTILE, p);
					}
				}
				String hint = text.toLowerCase(Locale.ROOT).startsWith("avg") ? " (did you mean 'Average'?)" : "";
				throw new IllegalArgumentException(
						"unknown statistic '" + text + "'" + hint + "; supported: " + SUPPORTED);
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

}
