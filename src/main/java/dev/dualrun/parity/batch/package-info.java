/**
 * Spring wiring and the job graph only: the {@code parity} job with its steps
 * {@code plan}, {@code fetch-old}, {@code compare}, {@code recheck} and {@code report}.
 * Step names live in the job repository: a step renamed between a run and its restart
 * starts afresh, which only {@code plan} could not take; every other step works on what
 * the store does not hold yet ({@code fetch-cloudwatch} became {@code fetch-old} so).
 */
package dev.dualrun.parity.batch;
