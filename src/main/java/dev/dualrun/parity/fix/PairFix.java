package dev.dualrun.parity.fix;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

import dev.dualrun.parity.compare.ComparisonResult;
import dev.dualrun.parity.compare.Diagnosis;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.QueryChange;

/**
 * The change of a failing pair's mapping that its first diagnosis implies: a change of
 * the new side's query when its source can write it, else a unit factor; or labels the
 * old side's source declares as added on the way.
 *
 * @param pair the pair as run
 * @param code the diagnosis it answers
 * @param query the change of the new side's query, or null
 * @param unitFactor the pair's new unit factor when the query cannot change, or NaN
 * @param labels the labels to declare as added on the way, empty for none
 */
public record PairFix(PairMapping pair, Diagnosis.Code code, QueryChange query, double unitFactor,
		Map<String, String> labels) {

	private PairFix(PairMapping pair, Diagnosis.Code code, QueryChange query, double unitFactor) {
		this(pair, code, query, unitFactor, Map.of());
	}

	/**
	 * @param pair the pair as run
	 * @param result its judgement
	 * @param addedOnTheWay the labels the way added to every series, empty when it did
	 * not (the judge's {@code SeriesParityCheck.addedOnTheWay})
	 * @return the fix its first diagnosis implies, or null when it implies none a file
	 * can hold (a gap, a bias, a spike, a federation's renamed labels ...)
	 */
	static PairFix of(PairMapping pair, ComparisonResult result, Map<String, String> addedOnTheWay) {
		if (result.diagnoses().isEmpty()) {
			return null;
		}
		Diagnosis.Code code = result.diagnoses().get(0).code();
		return switch (code) {
			case IDENTITY ->
				addedOnTheWay.isEmpty() ? null : new PairFix(pair, code, null, Double.NaN, Map.copyOf(addedOnTheWay));
			case UNIT_FACTOR -> new PairFix(pair, code, null, pair.unitFactor() / result.unitFactor().factor());
			case PERIOD_FACTOR -> {
				boolean perSecond = result.unitFactor().medianRatio() < 1;
				double p = pair.period().toSeconds();
				yield new PairFix(pair, code, perSecond ? QueryChange.PER_PERIOD : QueryChange.PER_SECOND,
						perSecond ? pair.unitFactor() * p : pair.unitFactor() / p);
			}
			case SHIFT ->
				(Math.abs(result.lag().bestLag()) == 1)
						? new PairFix(pair, code,
								(result.lag().bestLag() > 0) ? QueryChange.EARLIER : QueryChange.LATER, Double.NaN)
						: null;
			default -> null;
		};
	}

	/**
	 * @return the query's change in words
	 */
	String queryChange() {
		return switch (this.query) {
			case PER_PERIOD -> "increase() in place of rate(): a count per period, not per second";
			case PER_SECOND -> "rate() in place of increase(): per second, not per period";
			case EARLIER -> "each period read one period earlier (the query's offset)";
			case LATER -> "each period read one period later (the query's offset)";
			case COUNT_SERIES -> "";
		};
	}

	/**
	 * @param field the field of the old side's block that declares them
	 * @return the labels' declaration in words
	 */
	String labelsChange(String field) {
		return field + " " + MappingText.flow(this.labels) + " declared: added on the way to the "
				+ this.pair.sides().newName() + " side";
	}

	/**
	 * @return the unit factor's change in words
	 */
	String unitFactorChange() {
		return "unit-factor " + number(this.pair.unitFactor()) + " -> " + number(this.unitFactor);
	}

	/**
	 * @param v a unit factor
	 * @return it as the mapping file writes it: 10 significant digits, no exponent
	 */
	static String number(double v) {
		return new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros().toPlainString();
	}

}
