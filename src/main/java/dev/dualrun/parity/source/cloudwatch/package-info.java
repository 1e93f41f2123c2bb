/**
 * Reads the CloudWatch side through {@code GetMetricData} with the AWS SDK for Java v2:
 * pairs packed into the fewest calls (semantics rule 7), pages followed with the SDK
 * paginator.
 */
package dev.dualrun.parity.source.cloudwatch;
