/**
 * Puts both sides of a pair on one grid of periods (semantics rules 1-3 and 8) and says
 * what it trimmed, filled or refused, and why.
 */
package dev.dualrun.parity.align;
