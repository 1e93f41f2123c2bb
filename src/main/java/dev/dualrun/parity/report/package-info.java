/**
 * Renders stored runs: one self-contained HTML file per run (Thymeleaf, escaping by
 * default) and a JSON document, both built from the store only, so any past run can be
 * re-rendered.
 */
package dev.dualrun.parity.report;
