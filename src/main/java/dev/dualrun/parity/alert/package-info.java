/**
 * Alert parity, on neither vendor's terms: a side's alert as a condition over a series
 * ({@link dev.dualrun.parity.alert.AlertCondition}), its episodes as replayed from the
 * series and as they actually happened, and {@link dev.dualrun.parity.alert.AlertJudge},
 * which matches the two sides' episodes and says why they differ. The vendors' own rules
 * (CloudWatch's M of N with its missing-data treatment, Prometheus' pending and firing)
 * are replayed in their source packages, which hand this package episodes.
 */
package dev.dualrun.parity.alert;
