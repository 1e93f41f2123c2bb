/**
 * Spring wiring and the job graph only: the {@code parity} job with its steps
 * {@code plan}, {@code fetch-old}, {@code compare}, {@code recheck}, {@code alerts} and
 * {@code report}; for a run partitioned across workers ({@code run --remote}), the
 * manager's {@code fetch-old-remote} and {@code compare-remote} in place of
 * {@code fetch-old} and {@code compare}, and the workers' {@code fetch-old-partition} and
 * {@code compare-partition}
 * ({@link dev.dualrun.parity.batch.RemotePartitioningConfiguration}). Step names live in
 * the job repository: a step renamed between a run and its restart starts afresh, which
 * only {@code plan} could not take; every other step works on what the store does not
 * hold yet ({@code fetch-cloudwatch} became {@code fetch-old} so).
 */
package dev.dualrun.parity.batch;
