/**
 * The port both sides are read through: a {@link dev.dualrun.parity.source.MetricSource}
 * answers queries for one window with {@link dev.dualrun.parity.source.TimeSeries}.
 */
package dev.dualrun.parity.source;
