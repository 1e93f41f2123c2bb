package dev.dualrun.parity.alert;

import java.time.Duration;

/**
 * One side's alert in neutral terms: what it watches, how it compares, how long the
 * condition must hold and what missing data does.
 *
 * @param system the system's name (CloudWatch, Prometheus)
 * @param name the alarm's or the alerting rule's name
 * @param watches the series it watches, in the system's words (a metric or a PromQL
 * expression)
 * @param comparison how the value is compared, or null if the expression is not a
 * comparison with a number (then the side has no threshold)
 * @param threshold the threshold, NaN if none
 * @param step how often it evaluates: CloudWatch's period, the rule group's interval
 * @param datapointsToAlarm CloudWatch's M (0 for a rule that holds for a duration)
 * @param evaluationPeriods CloudWatch's N (0 for a rule that holds for a duration)
 * @param holdFor how long the condition must hold before it alarms: M periods, or the
 * rule's {@code for}
 * @param keepFiringFor how long it keeps alarming after the condition stops (a rule's
 * {@code keep_firing_for}), zero if not
 * @param missingData what missing data does
 * @param unit the unit the threshold is in, if the system says (CloudWatch's Unit), or
 * null
 * @param definition the whole definition in the system's words, for the report
 * @param health null if the alert evaluates, or why it does not (a rule's lastError)
 */
public record AlertCondition(String system, String name, String watches, Comparison comparison, double threshold,
		Duration step, int datapointsToAlarm, int evaluationPeriods, Duration holdFor, Duration keepFiringFor,
		MissingData missingData, String unit, String definition, String health) {

	public AlertCondition {
		if (step == null || step.isZero() || step.isNegative()) {
			throw new IllegalArgumentException("an alert's evaluation step must be positive, got " + step);
		}
		holdFor = (holdFor != null) ? holdFor : Duration.ZERO;
		keepFiringFor = (keepFiringFor != null) ? keepFiringFor : Duration.ZERO;
	}

	/**
	 * @return true if it alarms on M of N datapoints (CloudWatch), false if on a
	 * condition that holds for a duration (Prometheus)
	 */
	public boolean countsDatapoints() {
		return this.evaluationPeriods > 0;
	}

	/**
	 * @return true if it compares with a number
	 */
	public boolean hasThreshold() {
		return this.comparison != null && Double.isFinite(this.threshold);
	}

	/**
	 * @return the hold in words: "3 of 5 periods of 1m" or "for 3m"
	 */
	public String holdWords() {
		if (countsDatapoints()) {
			return this.datapointsToAlarm + " of " + this.evaluationPeriods + " periods of " + Alerts.words(this.step);
		}
		return "for " + Alerts.words(this.holdFor);
	}

}
