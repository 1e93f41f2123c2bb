package dev.dualrun.parity.demo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded estate of N equivalent pairs computed on the fly, for the scale benchmark: the
 * CloudWatch side publishes one datum a minute per metric (namespace {@code Synthetic},
 * metric {@code m<i>}), the Prometheus side serves {@code sum by (pair)
 * (avg_over_time(synthetic_value{pair="<i>"}[P]))} as a gauge scraped by the same app,
 * with a little scrape noise. Nothing is stored: 50,000 pairs of a day at one minute cost
 * no memory on either server.
 */
public final class SyntheticEstate {

	/** The CloudWatch namespace of the estate. */
	public static final String NAMESPACE = "Synthetic";

	private static final Pattern QUERY = Pattern
		.compile("sumby\\(pair\\)\\(avg_over_time\\(synthetic_value\\{pair=\"(\\d+)\"\\}\\[\\w+\\]\\)\\)");

	private final int pairs;

	private final long seed;

	/**
	 * @param pairs the number of pairs
	 * @param seed the seed of the values
	 */
	public SyntheticEstate(int pairs, long seed) {
		this.pairs = pairs;
		this.seed = seed;
	}

	/**
	 * @param i the pair
	 * @return its mapping entry (YAML, indented for {@code pairs:})
	 */
	public static String mappingEntry(int i) {
		return "  - id: synthetic-" + i + "\n    cloudwatch: { namespace: " + NAMESPACE + ", metric: m" + i
				+ ", statistic: Average }\n    prometheus: { query: 'sum by (pair) (avg_over_time(synthetic_value{pair=\""
				+ i + "\"}[${period}]))' }\n";
	}

	/**
	 * @return the number of pairs (metrics)
	 */
	int size() {
		return this.pairs;
	}

	boolean covers(String namespace) {
		return NAMESPACE.equals(namespace);
	}

	int pairOf(String metricName) {
		int i = Integer.parseInt(metricName.substring(1));
		return (i >= 0 && i < this.pairs) ? i : -1;
	}

	int pairOfQuery(String normalizedQuery) {
		Matcher m = QUERY.matcher(normalizedQuery);
		if (!m.matches()) {
			return -1;
		}
		int i = Integer.parseInt(m.group(1));
		return (i < this.pairs) ? i : -1;
	}

	/**
	 * @param pair the pair
	 * @param epochMillis a minute
	 * @return the value the app published for that minute
	 */
	double cloudwatch(int pair, long epochMillis) {
		double day = 2 * Math.PI * (epochMillis % 86_400_000L) / 86_400_000.0;
		return 100 + 10 * (pair % 7) + 20 * Math.sin(day + pair) + 5 * noise(pair, epochMillis / 60_000);
	}

	/**
	 * @param pair the pair
	 * @param bucketStartMillis the start of the period
	 * @param stepSeconds the period
	 * @return the mean over the period, as avg_over_time of the scraped gauge gives it (a
	 * relative scrape noise of 0.1 %)
	 */
	double prometheus(int pair, long bucketStartMillis, long stepSeconds) {
		double sum = 0;
		int n = 0;
		for (long t = bucketStartMillis; t < bucketStartMillis + stepSeconds * 1000; t += 60_000) {
			sum += cloudwatch(pair, t);
			n++;
		}
		return (sum / Math.max(1, n)) * (1 + 0.001 * noise(pair + 7919, bucketStartMillis / 60_000));
	}

	/** A deterministic value in [-1, 1) from the seed, the pair and the minute. */
	private double noise(long pair, long minute) {
		long h = this.seed * 0x9E3779B97F4A7C15L + pair * 0xC2B2AE3D27D4EB4FL + minute * 0x165667B19E3779F9L;
		h ^= (h >>> 33);
		h *= 0xff51afd7ed558ccdL;
		h ^= (h >>> 33);
		return ((h >>> 11) * 0x1.0p-53) * 2 - 1;
	}

}
