/**
 * Spring wiring and the job graph only: the {@code parity} job with its steps
 * {@code plan}, {@code fetch-cloudwatch}, {@code compare} and {@code report}. Step and
 * job names live in the job repository; never rename them (a rename breaks restarts).
 */
package dev.dualrun.parity.batch;
