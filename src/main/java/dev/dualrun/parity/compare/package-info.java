/**
 * Judges an aligned pair: per-point error against the tolerance, aggregates, coverage,
 * bias, lag and unit-factor checks, and a verdict with diagnoses a person can act on.
 */
package dev.dualrun.parity.compare;
