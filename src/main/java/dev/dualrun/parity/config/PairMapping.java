package dev.dualrun.parity.config;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One migrated metric: the old side's query and the new side's query that should
 * reproduce it, each a typed block of its source.
 *
 * @param id unique id within the mapping file, used in job parameters, reports and the
 * store
 * @param description what the metric means, for the report
 * @param line the line of the pair in the mapping file (for error messages)
 * @param old the old side's query
 * @param neu the new side's query, its period written in
 * @param period the one period both sides are compared at (the period rule)
 * @param unitFactor the factor applied to new-side values to reach the old side's unit
 * (seconds against milliseconds: 1000)
 * @param tolerance the tolerance after defaults and overrides
 * @param publishedWhenNonZero true if the old pipeline publishes only non-zero values, so
 * a missing old-side period means zero
 * @param sides what the two systems are called, as their sources name them (set when the
 * run is planned)
 */
public record PairMapping(String id, String description, int line, SideQuery old, @JsonProperty("new") SideQuery neu,
		Duration period, double unitFactor, Tolerance tolerance, boolean publishedWhenNonZero, Sides sides) {

	/**
	 * @param named what the two systems are called
	 * @return this pair with those names
	 */
	public PairMapping withSides(Sides named) {
		return new PairMapping(this.id, this.description, this.line, this.old, this.neu, this.period, this.unitFactor,
				this.tolerance, this.publishedWhenNonZero, named);
	}

	/**
	 * @param other another tolerance (a re-judgement's)
	 * @return this pair judged with it
	 */
	public PairMapping withTolerance(Tolerance other) {
		return new PairMapping(this.id, this.description, this.line, this.old, this.neu, this.period, this.unitFactor,
				other, this.publishedWhenNonZero, this.sides);
	}

	/**
	 * @return the old side's dimensions (name to value), the identity the new side's
	 * series must carry
	 */
	@JsonIgnore
	public Map<String, String> oldDimensions() {
		return this.old.dimensions();
	}

	/**
	 * @return the old side's source type, as the mapping file names its block
	 */
	@JsonIgnore
	public String oldType() {
		return this.old.type();
	}

	/**
	 * @return the new side's source type
	 */
	@JsonIgnore
	public String newType() {
		return this.neu.type();
	}

	/**
	 * @param side a side
	 * @return that side's query
	 */
	public SideQuery query(Side side) {
		return (side == Side.OLD) ? this.old : this.neu;
	}

	/**
	 * @return the statistic kind that decides how the pair is judged
	 */
	@JsonIgnore
	public StatisticKind kind() {
		return this.old.kind();
	}

	/**
	 * @return true if either side asks that the series sets of both sides be compared
	 * (series parity): each side's source reads the labels of the series its query
	 * selects
	 */
	@JsonIgnore
	public boolean comparesSeries() {
		return this.old.comparesSeries() || this.neu.comparesSeries();
	}

}
