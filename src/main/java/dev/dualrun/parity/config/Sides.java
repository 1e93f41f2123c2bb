package dev.dualrun.parity.config;

/**
 * What a person calls the two systems of a pair: the old side (the system being retired)
 * and the new side (the one that replaces it). The pipeline from alignment to the report
 * speaks of old and new; these names are only what its messages show.
 *
 * @param oldName the old system as the report names it, e.g. {@code CloudWatch}
 * @param newName the new system, e.g. {@code Prometheus}
 * @param oldHint what to check when the old side has no data
 * @param newHint what to check when the new side has no data
 */
public record Sides(String oldName, String newName, String oldHint, String newHint) {

}
