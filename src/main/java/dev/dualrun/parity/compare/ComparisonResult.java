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
	 * A judgement made without comparing series: a source failed, or the new side
	 * answered several series where one was meant.
	 * @param verdict the verdict
	 * @param diagnosis why
	 * @return the result, with no figures
	 */
	static ComparisonResult unjudged(Verdict verdict, Diagnosis diagnosis) {
		Aggregates none = Aggregates.of(new double[0]);
		return new ComparisonResult(verdict, List.of(diagnosis), none, none,
				new PointErrors(0, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, List.of()), null, null, List.of(),
				null);
	}

	/**
	 * @return whether series were compared (not an ERROR or several series)
	 */
	public boolean compared() {
		return this.lag != null;
	}

	/**
	 * @param reason why the pair is unsettled (the settle rule)
	 * @return this result, UNSETTLED, the reason first and the earlier diagnoses after it
	 */
	ComparisonResult settling(Diagnosis reason) {
		List<Diagnosis> all = new java.util.ArrayList<>();
		all.add(reason);
		all.addAll(this.diagnoses);
		return new ComparisonResult(Verdict.UNSETTLED, List.copyOf(all), this.oldAggregates, this.newAggregates,
				this.points, this.lag, this.unitFactor, this.notes, this.evidence);
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

	/**
	 * @param note what the judge found beyond the diagnoses, in words
	 * @return this result with the note added
	 */
	ComparisonResult noting(String note) {
		List<String> all = new java.util.ArrayList<>(this.notes);
		all.add(note);
		return new ComparisonResult(this.verdict, this.diagnoses, this.oldAggregates, this.newAggregates, this.points,
				this.lag, this.unitFactor, List.copyOf(all), this.evidence);
	}

}
