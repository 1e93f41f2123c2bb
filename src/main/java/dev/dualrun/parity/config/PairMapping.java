package dev.dualrun.parity.config;

import java.time.Duration;

/**
 * One migrated metric: the old side's query (a typed block, e.g. {@code cloudwatch:}) and
 * the PromQL that should reproduce it on the new side.
 *
 * @param id unique id within the mapping file, used in job parameters, reports and the
 * store
 * @param description what the metric means, for the report
 * @param line the line of the pair in the mapping file (for error messages)
 * @param old the old side's query
 * @param promql the PromQL with {@code ${period}} replaced by the period (e.g.
 * {@code 60s})
 * @param period the one period both sides are compared at (rule 1); Prometheus step =
 * period
 * @param unitFactor the factor applied to new-side values to reach the old side's unit
 * (Prometheus seconds vs CloudWatch Milliseconds: 1000)
 * @param tolerance the tolerance after defaults and overrides
 * @param publishedWhenNonZero true if the old pipeline publishes only non-zero values, so
 * a missing old-side period means zero
 * @param sides what the two systems are called, as their sources name them (set when the
 * run is planned; definitions stored before name CloudWatch and Prometheus)
 */
public record PairMapping(String id, String description, int line, OldQuery old, String promql, Duration period,
		double unitFactor, Tolerance tolerance, boolean publishedWhenNonZero, Sides sides) {

	public PairMapping {
		sides = (sides != null) ? sides : Sides.CLOUDWATCH_PROMETHEUS;
	}

	/**
	 * @param named what the two systems are called
	 * @return this pair with those names
	 */
	public PairMapping withSides(Sides named) {
		return new PairMapping(this.id, this.description, this.line, this.old, this.promql, this.period,
				this.unitFactor, this.tolerance, this.publishedWhenNonZero, named);
	}

	/**
	 * @return the old side's dimensions (name to value), the identity the new side's
	 * series must carry
	 */
	public java.util.Map<String, String> oldDimensions() {
		return this.old.dimensions();
	}

	/**
	 * @return the old side's source type, as the mapping file names its block
	 */
	public String oldType() {
		return this.old.type();
	}

	/**
	 * @return the new side's source type
	 */
	public String newType() {
		return "prometheus";
	}

	/**
	 * @return the statistic kind that decides how the pair is judged
	 */
	public Statistic.Kind kind() {
		return this.old.kind();
	}

}
