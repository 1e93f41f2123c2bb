package dev.dualrun.parity.compare;

import java.util.ArrayList;
import java.util.List;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.config.Statistic;
import dev.dualrun.parity.config.Tolerance;

/**
 * Per-point comparison of an aligned pair: which periods both sides have, which agree
 * within the tolerance, and every discrepancy.
 *
 * @param common periods where both sides have a finite value
 * @param within common periods within the tolerance
 * @param cloudwatchOnly periods with a CloudWatch value only
 * @param prometheusOnly periods with a Prometheus value only
 * @param union periods with a value on either side
 * @param bias (sum of Prometheus - sum of CloudWatch) / |sum of CloudWatch| over common
 * periods
 * @param mape mean absolute percentage error over common periods with a non-zero
 * CloudWatch value
 * @param cloudwatchSum sum of the CloudWatch values over common periods
 * @param discrepancies every period that disagrees, in time order
 */
public record PointErrors(int common, int within, int cloudwatchOnly, int prometheusOnly, int union, double bias,
		double mape, double cloudwatchSum, List<Discrepancy> discrepancies) {

	/**
	 * @param pair the aligned pair
	 * @param tolerance the tolerance
	 * @return the per-point comparison
	 */
	public static PointErrors of(AlignedPair pair, Tolerance tolerance) {
		return of(pair, tolerance, Statistic.Kind.AVERAGE);
	}

	/**
	 * @param pair the aligned pair
	 * @param tolerance the tolerance
	 * @param kind the statistic: for Maximum the tolerance is one-sided below CloudWatch
	 * (Prometheus sees only scraped samples, so its maximum can only be lower), for
	 * Minimum above
	 * @return the per-point comparison
	 */
	public static PointErrors of(AlignedPair pair, Tolerance tolerance, Statistic.Kind kind) {
		int common = 0;
		int within = 0;
		int cwOnly = 0;
		int promOnly = 0;
		int union = 0;
		double sumCw = 0;
		double sumProm = 0;
		double ape = 0;
		int apeCount = 0;
		List<Discrepancy> discrepancies = new ArrayList<>();
		for (int k = 0; k < pair.size(); k++) {
			boolean hasCw = pair.cloudwatchPresent().get(k);
			boolean hasProm = pair.prometheusPresent().get(k);
			if (!hasCw && !hasProm) {
				continue;
			}
			union++;
			long t = pair.window().bucket(k).toEpochMilli();
			double c = pair.cloudwatch()[k];
			double p = pair.prometheus()[k];
			if (hasCw && !hasProm) {
				cwOnly++;
				discrepancies.add(
						new Discrepancy(t, Discrepancy.Kind.MISSING_PROMETHEUS, c, Double.NaN, Double.NaN, Double.NaN));
				continue;
			}
			if (!hasCw) {
				promOnly++;
				discrepancies.add(
						new Discrepancy(t, Discrepancy.Kind.MISSING_CLOUDWATCH, Double.NaN, p, Double.NaN, Double.NaN));
				continue;
			}
			if (!Double.isFinite(c) || !Double.isFinite(p)) {
				discrepancies.add(new Discrepancy(t, Discrepancy.Kind.NON_FINITE, c, p, Double.NaN, Double.NaN));
				continue;
			}
			common++;
			sumCw += c;
			sumProm += p;
			double abs = Math.abs(p - c);
			double rel = (c != 0) ? abs / Math.abs(c) : (abs == 0 ? 0 : Double.NaN);
			if (c != 0) {
				ape += rel;
				apeCount++;
			}
			double limit = Math.max(tolerance.absolute(), tolerance.relative() * Math.abs(c));
			boolean wrongSide = (kind == Statistic.Kind.MAXIMUM && p - c > tolerance.absolute())
					|| (kind == Statistic.Kind.MINIMUM && c - p > tolerance.absolute());
			if (abs <= limit && !wrongSide) {
				within++;
			}
			else {
				discrepancies.add(new Discrepancy(t, Discrepancy.Kind.OUT_OF_TOLERANCE, c, p, abs, rel));
			}
		}
		double bias = (common == 0) ? Double.NaN : Aggregates.rel(sumCw, sumProm);
		double mape = (apeCount == 0) ? Double.NaN : ape / apeCount;
		return new PointErrors(common, within, cwOnly, promOnly, union, bias, mape, sumCw, List.copyOf(discrepancies));
	}

	/**
	 * @return share of common periods within tolerance, NaN if none
	 */
	public double withinShare() {
		return (this.common == 0) ? Double.NaN : (double) this.within / this.common;
	}

	/**
	 * @return share of periods with data on either side that CloudWatch has
	 */
	public double cloudwatchCoverage() {
		return (this.union == 0) ? Double.NaN : (double) (this.union - this.prometheusOnly) / this.union;
	}

	/**
	 * @return share of periods with data on either side that Prometheus has
	 */
	public double prometheusCoverage() {
		return (this.union == 0) ? Double.NaN : (double) (this.union - this.cloudwatchOnly) / this.union;
	}

}
