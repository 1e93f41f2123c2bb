/**
 * Cross-cutting HTTP concerns of the sources that speak HTTP through OkHttp (Prometheus
 * today; Azure Monitor and SigV4-signed Amazon Managed Prometheus next), each an OkHttp
 * interceptor: retries with backoff. Spring-free.
 */
package dev.dualrun.parity.source.http;
