/**
 * Reads the Prometheus side through {@code /api/v1/query_range} with OkHttp: any
 * Prometheus-compatible API (Prometheus, Amazon Managed Prometheus, Mimir, Thanos).
 */
package dev.dualrun.parity.source.prometheus;
