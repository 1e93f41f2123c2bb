package dev.dualrun.parity.source.prometheus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which samples a range selector {@code x[P]} evaluated at t selects, by Prometheus
 * version: Prometheus 2 closed {@code [t-P, t]}, Prometheus 3 left-open {@code (t-P, t]}.
 * Both agree unless a sample sits exactly on the window's left edge: an exporter that
 * stamps CloudWatch's bucket starts (YACE, cloudwatch_exporter with timestamps) puts one
 * there at every step, and Prometheus 2 then counts it in two adjacent windows while
 * Prometheus 3 counts it in one. CloudWatch's own bucket is {@code [T, T+P)}: neither
 * rule equals it on edge-stamped samples, which is why the report names the rule applied.
 */
public enum RangeRule {

	/** Prometheus 2: {@code [t-P, t]}, a sample on the left edge is selected. */
	CLOSED("closed [t-P, t] (the Prometheus 2 rule)"),

	/** Prometheus 3: {@code (t-P, t]}, a sample on the left edge is not. */
	LEFT_OPEN("left-open (t-P, t] (the Prometheus 3 rule)"),

	/** The server did not tell its version (Mimir, Amazon Managed Prometheus). */
	UNKNOWN("unknown: the server did not tell a Prometheus version; closed [t-P, t] before 3.0, left-open (t-P, t] since");

	private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)");

	private final String description;

	RangeRule(String description) {
		this.description = description;
	}

	/**
	 * @param version the server's buildinfo version, e.g. {@code 2.42.0+ds} or
	 * {@code 3.1.0}, or what the client says when it is unknown
	 * @return the rule that version applies
	 */
	public static RangeRule of(String version) {
		if (version == null) {
			return UNKNOWN;
		}
		Matcher m = VERSION.matcher(version.strip());
		if (!m.find()) {
			return UNKNOWN;
		}
		int major = Integer.parseInt(m.group(1));
		return (major >= 3) ? LEFT_OPEN : (major == 2) ? CLOSED : UNKNOWN;
	}

	/**
	 * @param sampleMillis a sample's timestamp
	 * @param evaluationMillis the evaluation instant t
	 * @param rangeMillis the range P
	 * @return whether {@code x[P]} at t selects the sample ({@link #UNKNOWN} answers as
	 * Prometheus 3)
	 */
	public boolean selects(long sampleMillis, long evaluationMillis, long rangeMillis) {
		long left = evaluationMillis - rangeMillis;
		if (sampleMillis > evaluationMillis || sampleMillis < left) {
			return false;
		}
		return sampleMillis > left || this == CLOSED;
	}

	/**
	 * @return the rule as the report states it
	 */
	public String describe() {
		return this.description;
	}

}
