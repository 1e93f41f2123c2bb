package dev.dualrun.parity.compare;

import java.util.List;

/**
 * The judgement of one pair.
 *
 * @param verdict the verdict
 * @param diagnoses why, most important first (empty for a clean PASS)
 * @param oldAggregates aggregates of the old side
 * @param newAggregates aggregates of the new side (unit factor applied)
 * @param points the per-point comparison (coverage, within share, bias, discrepancies)
 * @param lag the lag check
 * @param unitFactor the unit-factor check
 * @param notes what alignment did, in words
 * @param evidence the statistical evidence, null when too few points were compared
 */
public record ComparisonResult(Verdict verdict, List<Diagnosis> diagnoses, Aggregates oldAggregates,
		Aggregates newAggregates, PointErrors points, LagCheck lag, UnitFactorCheck unitFactor, List<String> notes,
		StatisticalEvidence evidence) {

	/**
	 * @return the first diagnosis' message, or "equivalent within tolerance"
	 */
	public String summary() {
		return this.diagnoses.isEmpty() ? "equivalent within tolerance" : this.diagnoses.get(0).message();
	}

	/**
	 * @param diagnosis a finding made outside the comparison (e.g. the identity check)
	 * @return this result, failed, with the finding first
	 */
	public ComparisonResult failWith(Diagnosis diagnosis) {
		List<Diagnosis> all = new java.util.ArrayList<>();
		all.add(diagnosis);
		all.addAll(this.diagnoses);
		return new ComparisonResult(Verdict.FAIL, List.copyOf(all), this.oldAggregates, this.newAggregates, this.points,
				this.lag, this.unitFactor, this.notes, this.evidence);
	}

}
