/**
 * Generated pairs: for the old side's listed metrics, the Prometheus series that should
 * reproduce them, paired exactly where an exporter copied them (YACE,
 * cloudwatch_exporter) and ranked by evidence for the application's own metrics. Writes a
 * mapping to review, never a silent truth. Spring-free.
 */
package dev.dualrun.parity.discover;
