/**
 * The work of each step of a run, Spring-free so that a test can call it: planning the
 * pairs, fetching the old side in the fewest calls, judging each pair against the new
 * side, the settle rule's second reads, the alert pairs and closing the run with its
 * report. The {@code batch} package only wires these into Spring Batch's steps, whose
 * transactions every write joins.
 */
package dev.dualrun.parity.run;
