/**
 * An edge Prometheus as the old side: any Prometheus-compatible API whose samples reach
 * the new side by remote write or federation. Its pairs compare values and the series
 * sets of both sides (series parity), after the edge's external labels.
 */
package dev.dualrun.parity.source.prometheus.edge;
