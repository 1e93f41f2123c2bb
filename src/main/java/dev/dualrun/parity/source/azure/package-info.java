/**
 * Azure Monitor as the old side: the metrics REST API ({@code Microsoft.Insights/metrics}
 * per resource and the regional batch API {@code metrics:getBatch}) on OkHttp, with a
 * Microsoft Entra ID token from client credentials or the environment.
 */
package dev.dualrun.parity.source.azure;
