/**
 * What the sources that call AWS share: their credentials.
 */
package dev.dualrun.parity.source.aws;
