/**
 * In-process stand-ins used by the demo and the tests: a CloudWatch-compatible server
 * that speaks the SDK's wire protocol (Smithy RPC v2 CBOR) and computes statistics as
 * CloudWatch does, a Prometheus-compatible {@code query_range} endpoint that serves
 * precomputed series (it is not a PromQL engine), and the seeded dual-run scenario. Only
 * {@code cli} imports it.
 */
package dev.dualrun.parity.demo;
