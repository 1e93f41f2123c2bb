/**
 * The mapping file (which CloudWatch metric is reproduced by which PromQL) and the tool's
 * own settings, as plain records loaded and validated with file:line errors.
 */
package dev.dualrun.parity.config;
